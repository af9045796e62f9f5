namespace Karmada.Client.Tests.Fakes;

/// <summary>A typed model for the typed overloads, serialized through <see cref="TestJsonContext"/>.</summary>
public sealed class TestWidget
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public TestMetadata Metadata { get; set; } = new();

    public TestWidgetSpec Spec { get; set; } = new();

    public static ObjectMetaAccessor<TestWidget> Accessor { get; } = new(w => w.Metadata.Namespace, w => w.Metadata.Name, w => w.Metadata.ResourceVersion);
}
