using Karmada.Member;
using Microsoft.Extensions.Logging;

namespace Karmada.Host.Up;

/// <summary>
/// Starts one simulated member of <c>karmada up</c> in its own directory (its own CA and credentials, kept across
/// restarts), on the port it had last time when that is still free so the Cluster's apiEndpoint stays valid, and
/// publishes its admin kubeconfig as <c>DIR/members/NAME.config</c>.
/// </summary>
public static class SimulatedMemberStarter
{
    private const string BindAddress = "127.0.0.1";

    public static async Task<MemberCluster> StartAsync(UpLayout layout, SimulatedMemberPlan plan, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(plan);
        var directory = layout.MemberDirectory(plan.Name);
        var portFile = layout.MemberPortFile(plan.Name);
        var previous = await PersistedPort.ReadAsync(portFile, cancellationToken);
        var port = previous is { } p && PortProbe.IsFree(BindAddress, p) ? p : 0;

        MemberCluster member;
        try
        {
            member = await StartOnAsync(port);
        }
        catch (IOException) when (port != 0)
        {
            // Taken between the probe and the bind: any port will do, the Cluster's endpoint is updated on join.
            member = await StartOnAsync(0);
        }

        try
        {
            var actualPort = new Uri(member.Url).Port;
            if (actualPort != previous)
            {
                await PersistedPort.WriteAsync(portFile, actualPort, cancellationToken);
            }

            File.Copy(member.KubeconfigPath, layout.MemberKubeconfig(plan.Name), overwrite: true);
            return member;
        }
        catch
        {
            await member.DisposeAsync();
            throw;
        }

        Task<MemberCluster> StartOnAsync(int securePort) => MemberCluster.StartAsync(
            new MemberOptions
            {
                Name = plan.Name,
                DataDirectory = directory,
                SecurePort = securePort,
                BindAddress = BindAddress,
                Profile = plan.Profile,
            },
            loggerFactory,
            cancellationToken);
    }
}
