namespace Karmada.Controllers.Tests;

public sealed class ControllerManagerOptionsTests
{
    [Fact]
    public void WorkersFor_UsesTheControllersOwnSetting_ElseTheManagersWorkers()
    {
        var options = new ControllerManagerOptions { Workers = 3, ConcurrentWorkSyncs = 32 };

        Assert.Equal(32, options.WorkersFor(options.ConcurrentWorkSyncs));
        Assert.Equal(3, options.WorkersFor(options.ConcurrentResourceBindingSyncs));
    }

    [Fact]
    public void Validate_RejectsANonPositiveConcurrency()
    {
        new ControllerManagerOptions { ConcurrentWorkSyncs = 1 }.Validate();
        var ex = Assert.Throws<ArgumentException>(() => new ControllerManagerOptions { ConcurrentNamespaceSyncs = 0 }.Validate());
        Assert.Contains("--concurrent-", ex.Message, StringComparison.Ordinal);
    }
}
