namespace Karmada.Security.Authentication;

/// <summary>An authenticated caller, as Kubernetes' <c>user.Info</c>: name, uid and groups.</summary>
/// <param name="Name">The user name (<c>kubernetes-admin</c>, <c>system:serviceaccount:ns:name</c>, ...).</param>
/// <param name="Uid">A unique id for the user; empty when the credential carries none (client certificates).</param>
/// <param name="Groups">The groups the user is in, in the order the credential lists them.</param>
public sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    /// <summary>The name kube-apiserver gives anonymous callers.</summary>
    public const string AnonymousUserName = "system:anonymous";

    /// <summary>Group of every authenticated caller (added by the authenticator, as kube's AuthenticatedGroupAdder does).</summary>
    public const string AuthenticatedGroup = "system:authenticated";

    /// <summary>Group of anonymous callers.</summary>
    public const string UnauthenticatedGroup = "system:unauthenticated";

    /// <summary>The superuser group: RBAC's <c>cluster-admin</c> binding grants it everything.</summary>
    public const string MastersGroup = "system:masters";

    /// <summary>The administrator kubeadm writes into <c>admin.conf</c>.</summary>
    public const string AdminUserName = "kubernetes-admin";

    /// <summary>The identity of a caller that presented no valid credentials on a path open to anonymous callers.</summary>
    public static UserInfo Anonymous { get; } = new(AnonymousUserName, string.Empty, [UnauthenticatedGroup]);

    /// <summary>True for <see cref="Anonymous"/> and any other caller named <c>system:anonymous</c>.</summary>
    public bool IsAnonymous => Name == AnonymousUserName;

    /// <summary>True when <paramref name="group"/> is among <see cref="Groups"/>.</summary>
    public bool IsInGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{string.Join(", ", Groups)}]";
}
