using Karmada.Api.Core;

namespace Karmada.Api.Tests.Core;

public sealed class ResourceListTests
{
    [Fact]
    public void GetQuantity_PresentAndAbsent_ParsesOrZero()
    {
        var list = new ResourceList { ["cpu"] = "250m" };

        Assert.Equal(Quantity.Parse("250m"), list.GetQuantity(ResourceNames.Cpu));
        Assert.True(list.GetQuantity(ResourceNames.Memory).IsZero);
    }

    [Fact]
    public void SetQuantity_StoresCanonicalString()
    {
        var list = new ResourceList();

        list.SetQuantity(ResourceNames.Cpu, Quantity.Parse("1") + Quantity.Parse("500m"));

        Assert.Equal("1500m", list[ResourceNames.Cpu]);
    }

    [Fact]
    public void FromQuantities_CopiesAll()
    {
        var list = ResourceList.FromQuantities(
        [
            new(ResourceNames.Memory, Quantity.Parse("1Gi")),
            new(ResourceNames.Pods, Quantity.FromValue(110)),
        ]);

        Assert.Equal("1Gi", list[ResourceNames.Memory]);
        Assert.Equal("110", list[ResourceNames.Pods]);
    }
}
