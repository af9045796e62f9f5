namespace Karmada.Security.Authentication;

/// <summary>The request feature through which later stages (authorization, audit, handlers) read the caller.</summary>
public interface IKubernetesUserFeature
{
    /// <summary>The authenticated caller, or <see cref="UserInfo.Anonymous"/> on paths open to anonymous callers.</summary>
    UserInfo User { get; }
}
