using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Karmada.Client.LeaderElection;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease (client-go's <c>leaderelection</c>). Candidates race to
/// write themselves into <c>spec.holderIdentity</c> with optimistic concurrency on the resourceVersion; the leader
/// renews <c>renewTime</c> every <see cref="LeaderElectionOptions.RetryPeriod"/> and steps down when it cannot renew
/// within <see cref="LeaderElectionOptions.RenewDeadline"/>. Others take over only after they have seen the record
/// unchanged for the lease duration, measured on their own clock (so clock skew between machines does not matter).
/// All timing uses the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class LeaderElector
{
    private readonly KubeApiClient _client;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private LeaseRecord? _observedRecord;
    private DateTimeOffset _observedTime;
    private string? _reportedLeader;

    public LeaderElector(KubeApiClient client, LeaderElectionOptions options, TimeProvider? timeProvider = null, ILogger<LeaderElector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public string Identity => _options.Identity;

    /// <summary>True while the last observed lease record names this candidate.</summary>
    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _observedRecord?.HolderIdentity == _options.Identity;
            }
        }
    }

    /// <summary>The holder of the last observed lease record; null or empty when nobody holds it.</summary>
    public string? CurrentLeader
    {
        get
        {
            lock (_gate)
            {
                return _observedRecord?.HolderIdentity;
            }
        }
    }

    /// <summary>
    /// Campaigns until cancelled: acquire, lead (running <see cref="LeaderCallbacks.OnStartedLeading"/>), and after a
    /// lost leadership start campaigning again. On cancellation the started work is stopped and, with
    /// <see cref="LeaderElectionOptions.ReleaseOnCancel"/>, the lease is released.
    /// </summary>
    public async Task RunAsync(LeaderCallbacks callbacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await AcquireAsync(callbacks, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            LogStartedLeading(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
            using (var leadership = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var leading = Task.Run(() => RunLeadingAsync(callbacks, leadership.Token), CancellationToken.None);
                await RenewUntilLostAsync(callbacks, cancellationToken).ConfigureAwait(false);
                await leadership.CancelAsync().ConfigureAwait(false);
                await leading.ConfigureAwait(false);
            }

            if (cancellationToken.IsCancellationRequested && _options.ReleaseOnCancel)
            {
                await ReleaseAsync().ConfigureAwait(false);
            }

            LogStoppedLeading(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
            callbacks.OnStoppedLeading?.Invoke();
        }
    }

    /// <summary>
    /// One attempt to acquire or renew: true when this candidate holds the lease afterwards. API errors count as a
    /// failed attempt (logged); only cancellation throws.
    /// </summary>
    internal async Task<bool> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var duration = (int)Math.Ceiling(_options.LeaseDuration.TotalSeconds);
        try
        {
            JsonObject lease;
            try
            {
                lease = await _client.GetAsync(ResourceRef.Leases, _options.LeaseNamespace, _options.LeaseName, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.IsNotFound())
            {
                var first = new LeaseRecord(_options.Identity, duration, now, now, 0);
                try
                {
                    await _client.CreateAsync(ResourceRef.Leases, NewLease(first), cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (ApiException conflict) when (conflict.IsAlreadyExists() || conflict.IsConflict())
                {
                    return false;
                }

                Observe(first, now);
                return true;
            }

            var old = LeaseRecord.FromLease(lease);
            lock (_gate)
            {
                // Expiry is measured from when *we* first saw this record, never from its renewTime (clock skew).
                if (_observedRecord != old)
                {
                    _observedRecord = old;
                    _observedTime = now;
                }
            }

            var iAmHolder = old.HolderIdentity == _options.Identity;
            if (!string.IsNullOrEmpty(old.HolderIdentity) && !iAmHolder)
            {
                var leaseDuration = old.LeaseDurationSeconds > 0 ? TimeSpan.FromSeconds(old.LeaseDurationSeconds) : _options.LeaseDuration;
                DateTimeOffset observedTime;
                lock (_gate)
                {
                    observedTime = _observedTime;
                }

                if (observedTime + leaseDuration > now)
                {
                    return false;
                }
            }

            var next = iAmHolder
                ? old with { LeaseDurationSeconds = duration, RenewTime = now }
                : new LeaseRecord(_options.Identity, duration, now, now, old.LeaseTransitions + 1);
            lease["spec"] = next.ToSpec();
            try
            {
                await _client.UpdateAsync(ResourceRef.Leases, lease, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException conflict) when (conflict.IsConflict())
            {
                // Someone else wrote the lease since we read it; they win this round.
                return false;
            }

            Observe(next, now);
            return true;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogAttemptFailed(_logger, _options.LeaseNamespace, _options.LeaseName, ex);
            return false;
        }
    }

    /// <summary>Clears the holder (when it is us) so that another candidate can take over without waiting for expiry.</summary>
    internal async Task ReleaseAsync()
    {
        if (!IsLeader)
        {
            return;
        }

        // The run token is already cancelled here; bound the release by the renew deadline instead.
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _timeProvider);
        try
        {
            var lease = await _client.GetAsync(ResourceRef.Leases, _options.LeaseNamespace, _options.LeaseName, timeout.Token).ConfigureAwait(false);
            var current = LeaseRecord.FromLease(lease);
            if (current.HolderIdentity != _options.Identity)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            var released = new LeaseRecord(string.Empty, 1, now, now, current.LeaseTransitions);
            lease["spec"] = released.ToSpec();
            await _client.UpdateAsync(ResourceRef.Leases, lease, cancellationToken: timeout.Token).ConfigureAwait(false);
            Observe(released, now);
            LogReleased(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        }
        catch (Exception ex)
        {
            // Not fatal: the others take over once the lease expires.
            LogReleaseFailed(_logger, _options.LeaseNamespace, _options.LeaseName, ex);
        }
    }

    private async Task<bool> AcquireAsync(LeaderCallbacks callbacks, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (await TryAcquireOrRenewAsync(cancellationToken).ConfigureAwait(false))
                {
                    ReportLeader(_options.Identity, callbacks);
                    return true;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            ReportLeader(CurrentLeader, callbacks);

            // client-go jitters the acquire period by up to 1.2x so that candidates do not retry in lockstep.
            var delay = _options.RetryPeriod * (1 + (1.2 * Random.Shared.NextDouble()));
            if (!await DelayAsync(delay, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    private async Task RenewUntilLostAsync(LeaderCallbacks callbacks, CancellationToken cancellationToken)
    {
        while (await DelayAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false))
        {
            var deadline = _timeProvider.GetUtcNow() + _options.RenewDeadline;
            using var attempt = new CancellationTokenSource(_options.RenewDeadline, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
            var renewed = false;
            try
            {
                while (true)
                {
                    if (await TryAcquireOrRenewAsync(linked.Token).ConfigureAwait(false))
                    {
                        renewed = true;
                        break;
                    }

                    if (_timeProvider.GetUtcNow() >= deadline
                        || !await DelayAsync(_options.RetryPeriod, linked.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The renew deadline passed in the middle of a request.
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (!renewed)
            {
                LogLostLeadership(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName, CurrentLeader ?? string.Empty);
                ReportLeader(CurrentLeader, callbacks);
                return;
            }
        }
    }

    private async Task RunLeadingAsync(LeaderCallbacks callbacks, CancellationToken leadershipToken)
    {
        try
        {
            await callbacks.OnStartedLeading(leadershipToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leadershipToken.IsCancellationRequested)
        {
            // Leadership ended: the expected way for the work to stop.
        }
        catch (Exception ex)
        {
            LogLeadingFailed(_logger, _options.Identity, ex);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Observe(LeaseRecord record, DateTimeOffset now)
    {
        lock (_gate)
        {
            _observedRecord = record;
            _observedTime = now;
        }
    }

    private void ReportLeader(string? holder, LeaderCallbacks callbacks)
    {
        if (string.IsNullOrEmpty(holder))
        {
            return;
        }

        lock (_gate)
        {
            if (_reportedLeader == holder)
            {
                return;
            }

            _reportedLeader = holder;
        }

        LogNewLeader(_logger, _options.LeaseNamespace, _options.LeaseName, holder);
        callbacks.OnNewLeader?.Invoke(holder);
    }

    private JsonObject NewLease(LeaseRecord record) => new()
    {
        ["apiVersion"] = ResourceRef.Leases.ApiVersion,
        ["kind"] = "Lease",
        ["metadata"] = new JsonObject
        {
            ["name"] = _options.LeaseName,
            ["namespace"] = _options.LeaseNamespace,
        },
        ["spec"] = record.ToSpec(),
    };

    // Event ids 3400-3499: leader election. Next free id: 3408.
    [LoggerMessage(3400, LogLevel.Information, "{Identity} became leader of lease {Namespace}/{Name}")]
    private static partial void LogStartedLeading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(3401, LogLevel.Information, "{Identity} stopped leading lease {Namespace}/{Name}")]
    private static partial void LogStoppedLeading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(3402, LogLevel.Warning, "{Identity} lost lease {Namespace}/{Name} (observed holder {Holder})")]
    private static partial void LogLostLeadership(ILogger logger, string identity, string @namespace, string name, string holder);

    [LoggerMessage(3403, LogLevel.Warning, "Acquiring or renewing lease {Namespace}/{Name} failed")]
    private static partial void LogAttemptFailed(ILogger logger, string @namespace, string name, Exception exception);

    [LoggerMessage(3404, LogLevel.Information, "{Identity} released lease {Namespace}/{Name}")]
    private static partial void LogReleased(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(3405, LogLevel.Warning, "Releasing lease {Namespace}/{Name} failed; others take over after expiry")]
    private static partial void LogReleaseFailed(ILogger logger, string @namespace, string name, Exception exception);

    [LoggerMessage(3406, LogLevel.Information, "Lease {Namespace}/{Name} is held by {Holder}")]
    private static partial void LogNewLeader(ILogger logger, string @namespace, string name, string holder);

    [LoggerMessage(3407, LogLevel.Error, "The leading work of {Identity} failed; it stays leader until the lease is lost")]
    private static partial void LogLeadingFailed(ILogger logger, string identity, Exception exception);
}
