namespace Karmada.Client.Controllers;

/// <summary>Options of a <see cref="Controller{TKey}"/>.</summary>
public sealed class ControllerOptions
{
    /// <summary>Concurrent workers; the queue guarantees that one key is never processed by two at once. Default 1.</summary>
    public int Workers { get; set; } = 1;
}
