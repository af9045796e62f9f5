namespace Karmada.Api.Remedy.V1Alpha1;

/// <summary>Cluster condition types a Remedy can match.</summary>
public static class RemedyConditionTypes
{
    /// <summary>Detection of the domain name resolution of Services in the cluster.</summary>
    public const string ServiceDomainNameResolutionReady = "ServiceDomainNameResolutionReady";
}
