namespace Karmada.Client.Tests.Fakes;

public sealed class TestWidgetSpec
{
    public int Size { get; set; }
}
