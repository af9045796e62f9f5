namespace Karmada.ApiServer.Registry;

/// <summary>Query options shared by create, update and patch (<c>dryRun</c>, <c>fieldManager</c>, <c>fieldValidation</c>).</summary>
public sealed record WriteOptions
{
    public static WriteOptions Default { get; } = new();

    public bool DryRun { get; init; }

    public string? FieldManager { get; init; }

    /// <summary><c>Strict</c> (kubectl's default), <c>Warn</c> or <c>Ignore</c>.</summary>
    public string FieldValidation { get; init; } = "Ignore";

    public bool Force { get; init; }

    public string UserName { get; init; } = "";
}
