namespace Karmada.Member.Profiles;

/// <summary>A node taint in a profile.</summary>
public sealed class TaintProfile
{
    public string Key { get; set; } = "";

    public string? Value { get; set; }

    /// <summary>NoSchedule, PreferNoSchedule or NoExecute.</summary>
    public string Effect { get; set; } = "NoSchedule";
}
