namespace Karmada.Cli.Output;

/// <summary>The <c>-o</c> formats: a human table (optionally wide), or the objects as YAML or JSON.</summary>
public enum OutputFormat
{
    Table,
    Wide,
    Yaml,
    Json,
}
