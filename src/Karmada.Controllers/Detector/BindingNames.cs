namespace Karmada.Controllers.Detector;

/// <summary>Names of bindings (upstream <c>names.GenerateBindingName</c>).</summary>
public static class BindingNames
{
    /// <summary>The binding of a template: its name with <c>:</c> turned into <c>.</c>, a dash and its kind, lower-cased.</summary>
    public static string GenerateBindingName(string kind, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return $"{name.Replace(':', '.').ToLowerInvariant()}-{kind.ToLowerInvariant()}";
    }
}
