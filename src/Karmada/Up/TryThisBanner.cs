using System.Text;

namespace Karmada.Host.Up;

/// <summary>The "try this" block <c>karmada up</c> prints once everything is Ready: copy-paste kubectl commands with the right kubeconfigs.</summary>
public static class TryThisBanner
{
    /// <summary>The example manifest looked for in the working directory and above (a source checkout).</summary>
    public const string ExampleManifest = "docs/examples/nginx-deployment.yaml";

    private static readonly string[] CompanionFiles = ["nginx-propagationpolicy.yaml", "nginx-overridepolicy.yaml"];

    /// <summary>The block's text; <paramref name="exampleManifest"/> is the nginx Deployment's path when one was found.</summary>
    public static string Build(UpLayout layout, IReadOnlyList<string> memberNames, string? exampleManifest)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(memberNames);
        var karmada = $"kubectl --kubeconfig {ShellQuote(layout.ControlPlaneKubeconfig)}";
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Try this:");
        text.AppendLine($"  {karmada} get clusters");
        if (memberNames.Count == 0)
        {
            text.AppendLine("  karmadactl --kubeconfig " + ShellQuote(layout.ControlPlaneKubeconfig) + " join NAME --cluster-kubeconfig MEMBER.config");
        }
        else
        {
            // The example lives in namespace demo; the policy sends it to every simulated member.
            text.AppendLine($"  {karmada} create namespace demo");
            var policies = exampleManifest is null ? [] : CompanionManifests(exampleManifest);
            if (policies.Count > 0 && memberNames.Contains("member1") && memberNames.Contains("member2"))
            {
                // The README's manifests: nginx split 1:1 over member1 and member2, overridden on member2.
                text.AppendLine($"  {karmada} apply -f {ShellQuote(exampleManifest!)} {string.Join(' ', policies.Select(p => "-f " + ShellQuote(p)))}");
            }
            else
            {
                text.AppendLine(exampleManifest is null
                    ? $"  {karmada} -n demo create deployment nginx --image nginx:1.27 --replicas 2"
                    : $"  {karmada} apply -f {ShellQuote(exampleManifest)}");
                text.AppendLine($"  {karmada} apply -f - <<'EOF'");
                text.AppendLine("apiVersion: policy.karmada.io/v1alpha1");
                text.AppendLine("kind: PropagationPolicy");
                text.AppendLine("metadata:");
                text.AppendLine("  name: nginx");
                text.AppendLine("  namespace: demo");
                text.AppendLine("spec:");
                text.AppendLine("  resourceSelectors:");
                text.AppendLine("    - apiVersion: apps/v1");
                text.AppendLine("      kind: Deployment");
                text.AppendLine("      name: nginx");
                text.AppendLine("  placement:");
                text.AppendLine("    clusterAffinity:");
                text.AppendLine($"      clusterNames: [{string.Join(", ", memberNames)}]");
                text.AppendLine("EOF");
            }

            text.AppendLine($"  {karmada} -n demo get deployment nginx");
            var first = memberNames[0];
            text.AppendLine($"  kubectl --kubeconfig {ShellQuote(layout.MemberKubeconfig(first))} -n demo get deploy,pods");
            text.AppendLine($"  karmada fault --data-dir {ShellQuote(layout.MemberDirectory(first))} {first} unreachable    # then: {first} healthy");
        }

        text.AppendLine($"Stop with Ctrl-C; 'karmada up --data-dir {ShellQuote(layout.DataDirectory)}' resumes where it stopped.");
        return text.ToString();
    }

    /// <summary>
    /// The example manifest under <paramref name="startDirectory"/> or one of its parents, or null; lets the banner
    /// point at the real file when run from a checkout.
    /// </summary>
    public static string? FindExampleManifest(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ExampleManifest);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The example policies next to the Deployment manifest (PropagationPolicy, then OverridePolicy) that exist.</summary>
    public static IReadOnlyList<string> CompanionManifests(string exampleManifest)
    {
        var directory = Path.GetDirectoryName(exampleManifest) ?? ".";
        return [.. CompanionFiles.Select(f => Path.Combine(directory, f)).Where(File.Exists)];
    }

    /// <summary>A path as a POSIX shell word: unchanged when it only has safe characters, else single-quoted.</summary>
    public static string ShellQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '=' or '+' or ','))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
