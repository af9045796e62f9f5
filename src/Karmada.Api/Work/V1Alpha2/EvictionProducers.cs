namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Values of <see cref="GracefulEvictionTask.Producer"/>.</summary>
public static class EvictionProducers
{
    /// <summary>The taint manager.</summary>
    public const string TaintManager = "TaintManager";
}
