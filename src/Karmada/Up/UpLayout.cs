namespace Karmada.Host.Up;

/// <summary>
/// Where <c>karmada up</c> keeps things under its data directory:
/// <code>
/// DIR/karmada-apiserver.config    the control plane's admin kubeconfig (written by the API server)
/// DIR/karmada.db, ca.crt, ...     the control plane's store and security material
/// DIR/members/NAME.config         each simulated member's admin kubeconfig
/// DIR/members/NAME/               each member's own CA, certificates, token file, fault file and port
/// </code>
/// </summary>
public sealed class UpLayout(string dataDirectory)
{
    public const string ControlPlaneKubeconfigFileName = "karmada-apiserver.config";

    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public string ControlPlaneKubeconfig => Path.Combine(DataDirectory, ControlPlaneKubeconfigFileName);

    public string MembersDirectory => Path.Combine(DataDirectory, "members");

    /// <summary>The member's own directory: certificates, kubeconfig as written by its API server, fault file, port.</summary>
    public string MemberDirectory(string name) => Path.Combine(MembersDirectory, name);

    /// <summary>The member's admin kubeconfig as handed to users: <c>DIR/members/NAME.config</c>.</summary>
    public string MemberKubeconfig(string name) => Path.Combine(MembersDirectory, $"{name}.config");

    /// <summary>The port the member served on last time, so its Cluster's apiEndpoint stays valid across restarts.</summary>
    public string MemberPortFile(string name) => Path.Combine(MemberDirectory(name), "secure-port");

    /// <summary>
    /// The per-user default: <c>$XDG_DATA_HOME/karmada</c>, else <c>~/.local/share/karmada</c> on Linux (the XDG base
    /// directory rule), and <c>LocalApplicationData/karmada</c> elsewhere.
    /// </summary>
    public static string DefaultDataDirectory(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (OperatingSystem.IsLinux())
        {
            var xdg = environment("XDG_DATA_HOME");
            if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            {
                return Path.Combine(xdg, "karmada");
            }

            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "karmada");
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "karmada");
    }
}
