namespace Karmada.Client.Tests.Fakes;

public sealed class TestMetadata
{
    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public string? ResourceVersion { get; set; }

    public Dictionary<string, string>? Labels { get; set; }
}
