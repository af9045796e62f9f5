using Karmada.Scheduler.Framework;

namespace Karmada.Scheduler.Tests.Framework;

public sealed class FilterResultTests
{
    [Fact]
    public void Success_Always_HasNoReasons()
    {
        Assert.True(FilterResult.Success.IsSuccess);
        Assert.Empty(FilterResult.Success.Reasons);
        Assert.Equal("", FilterResult.Success.Message);
    }

    [Fact]
    public void Unschedulable_WithoutExplanation_ExplainsWithTheReason()
    {
        var result = FilterResult.Unschedulable("cluster(s) is in the process of eviction");

        Assert.Equal(ResultCode.Unschedulable, result.Code);
        Assert.Equal("cluster(s) is in the process of eviction", result.Message);
        Assert.Equal(result.Message, result.Explanation);
    }

    [Fact]
    public void Error_Always_IsNotSuccess()
    {
        var result = FilterResult.Error("boom");

        Assert.False(result.IsSuccess);
        Assert.Equal("Error: boom", result.ToString());
    }
}
