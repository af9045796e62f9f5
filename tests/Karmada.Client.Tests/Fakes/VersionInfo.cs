namespace Karmada.Client.Tests.Fakes;

public sealed class VersionInfo
{
    public string? Major { get; set; }

    public string? Minor { get; set; }

    public string? GitVersion { get; set; }
}
