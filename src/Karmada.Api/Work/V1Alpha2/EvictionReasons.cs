namespace Karmada.Api.Work.V1Alpha2;

/// <summary>Values of <see cref="GracefulEvictionTask.Reason"/>.</summary>
public static class EvictionReasons
{
    /// <summary>A taint is not tolerated, or its toleration period expired.</summary>
    public const string TaintUntolerated = "TaintUntolerated";

    /// <summary>The application failed and met the application failover conditions.</summary>
    public const string ApplicationFailure = "ApplicationFailure";
}
