namespace Karmada.Security.Authentication;

/// <summary>Settings of <see cref="KubernetesAuthenticationMiddleware"/>.</summary>
public sealed class KubernetesAuthenticationOptions
{
    /// <summary>
    /// Paths that callers without valid credentials may use; they run as <see cref="UserInfo.Anonymous"/>. Matched
    /// exactly (case-sensitive, a trailing <c>/</c> ignored), like RBAC non-resource URLs without <c>*</c>.
    /// </summary>
    /// <remarks>
    /// The default is the set kube-apiserver's <c>system:public-info-viewer</c> role opens to
    /// <c>system:unauthenticated</c>: the health probes <c>/healthz</c>, <c>/livez</c> and <c>/readyz</c>, and
    /// <c>/version</c>. It matches kube-apiserver 1.32+'s structured anonymous configuration restricted to those
    /// paths: everywhere else a request without valid credentials gets 401 (where a default kube-apiserver, with
    /// anonymous auth fully on, would give 403). Probes keep working without credentials, as load balancers and
    /// the cluster status controller expect, and nothing else is reachable anonymously.
    /// </remarks>
    public ISet<string> AnonymousPaths { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "/healthz",
        "/livez",
        "/readyz",
        "/version",
    };
}
