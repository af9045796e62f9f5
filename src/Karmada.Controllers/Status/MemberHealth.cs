using Karmada.Api.Meta;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// What a member's health endpoint said (upstream <c>getClusterHealthStatus</c>): online when the member answered at
/// all, healthy when it answered ok; <see cref="Error"/> is why not. Shared by the Push controller and the Pull agent.
/// </summary>
public readonly record struct MemberHealth(bool Online, bool Healthy, string? Error)
{
    internal const string HealthyMessage = "cluster is healthy and ready to accept workloads";
    internal const string UnhealthyMessage = "cluster is reachable but health endpoint responded without ok";
    internal const string NotReachableMessage = "cluster is not reachable";

    /// <summary>Asks <c>/readyz</c>, or <c>/healthz</c> when the member has no <c>/readyz</c>.</summary>
    public static async Task<MemberHealth> ProbeAsync(KubeApiClient member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        try
        {
            try
            {
                await member.GetRawAsync("/readyz", cancellationToken);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                await member.GetRawAsync("/healthz", cancellationToken);
            }

            return new MemberHealth(true, true, null);
        }
        catch (ApiException ex)
        {
            return new MemberHealth(true, false, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            return new MemberHealth(false, false, ex.Message);
        }
    }

    /// <summary>The Ready condition this answer stands for, before threshold smoothing (upstream <c>generateReadyCondition</c>).</summary>
    public Condition ObservedReadyCondition() =>
        !Online
            ? ReadyCondition(ConditionStatus.False, ClusterV1Alpha1.ClusterConditionReasons.ClusterNotReachable, NotReachableMessage)
            : !Healthy
                ? ReadyCondition(ConditionStatus.False, ClusterV1Alpha1.ClusterConditionReasons.ClusterNotReady, UnhealthyMessage)
                : ReadyCondition(ConditionStatus.True, ClusterV1Alpha1.ClusterConditionReasons.ClusterReady, HealthyMessage);

    /// <summary>A Ready condition with the given status, reason and message.</summary>
    public static Condition ReadyCondition(ConditionStatus status, string reason, string message) =>
        new() { Type = ClusterV1Alpha1.ClusterConditionTypes.Ready, Status = status, Reason = reason, Message = message };
}
