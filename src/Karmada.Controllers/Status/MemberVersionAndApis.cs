using Karmada.Api.Meta;
using Karmada.Client;
using ClusterV1Alpha1 = Karmada.Api.Cluster.V1Alpha1;

namespace Karmada.Controllers.Status;

/// <summary>
/// What one status round fetched from a member besides its health: version (or why not) and API enablements. Shared
/// by the Push controller and the Pull agent.
/// </summary>
public sealed record MemberVersionAndApis(
    string? GitVersion,
    string? VersionError,
    List<ClusterV1Alpha1.APIEnablement> Enablements,
    bool Complete)
{
    /// <summary>
    /// The member's version and API enablements (discovery by ETag through <paramref name="apiEnablements"/>), fetched
    /// concurrently; failures are carried, not thrown, and so is cancellation by <paramref name="fetchCancellation"/>
    /// (null then).
    /// </summary>
    public static async Task<MemberVersionAndApis?> FetchAsync(KubeApiClient member, ApiEnablementCache apiEnablements, CancellationToken fetchCancellation)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(apiEnablements);
        try
        {
            var versionFetch = GitVersionAsync(member, fetchCancellation);
            var (enablements, complete) = await ApiEnablementCollector.CollectAsync(member, apiEnablements, fetchCancellation);
            var (gitVersion, versionError) = await versionFetch;
            return new MemberVersionAndApis(gitVersion, versionError, enablements, complete);
        }
        catch (OperationCanceledException) when (fetchCancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Puts the version (unless it failed: see <see cref="VersionError"/>), the API enablements (unless none) and the
    /// CompleteAPIEnablements condition in <paramref name="status"/>; returns whether it changed.
    /// </summary>
    public bool ApplyTo(ClusterV1Alpha1.ClusterStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var changed = false;
        if (VersionError is null && GitVersion is not null && GitVersion != status.KubernetesVersion)
        {
            status.KubernetesVersion = GitVersion;
            changed = true;
        }

        if (Enablements.Count > 0 && !ApiEnablementCollector.AreEqual(Enablements, status.ApiEnablements))
        {
            status.ApiEnablements = Enablements;
            changed = true;
        }

        var apiCondition = Complete
            ? new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.True, Reason = ClusterV1Alpha1.ClusterConditionReasons.CompleteAPIEnablements, Message = "cluster has collected all API enablements" }
            : new Condition { Type = ClusterV1Alpha1.ClusterConditionTypes.CompleteAPIEnablements, Status = ConditionStatus.False, Reason = Enablements.Count == 0 ? "EmptyAPIEnablements" : "PartialAPIEnablements", Message = "cluster has collected only part of its API enablements" };
        changed |= ConditionSetter.Set(status.Conditions, apiCondition, now);
        return changed;
    }

    private static async Task<(string? GitVersion, string? Error)> GitVersionAsync(KubeApiClient member, CancellationToken cancellationToken)
    {
        try
        {
            var version = await member.GetRawAsync("/version", JsonObjectMeta.TypeInfo, cancellationToken);
            return (version["gitVersion"]?.GetValue<string>(), null);
        }
        catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException or TimeoutException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, ex.Message);
        }
    }
}
