namespace Karmada.Controllers.Members;

/// <summary>A Cluster's endpoint or credentials cannot produce a client; the message says what to fix.</summary>
public sealed class MemberClusterConfigurationException : Exception
{
    public MemberClusterConfigurationException()
    {
    }

    public MemberClusterConfigurationException(string message)
        : base(message)
    {
    }

    public MemberClusterConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
