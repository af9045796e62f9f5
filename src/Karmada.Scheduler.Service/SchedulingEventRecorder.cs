using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Karmada.Client;
using Microsoft.Extensions.Logging;

namespace Karmada.Scheduler.Service;

/// <summary>
/// Records core/v1 Events about bindings off the scheduling path, like client-go's event broadcaster: a bounded queue
/// that drops events when full (scheduling never waits for them) and one writer. Events of a ClusterResourceBinding go
/// to the <c>default</c> namespace, as client-go does for cluster-scoped objects.
/// </summary>
public sealed partial class SchedulingEventRecorder : IAsyncDisposable
{
    private const int MaxQueuedEvents = 1000;
    private readonly KubeApiClient _client;
    private readonly string _component;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<JsonObject> _pending = Channel.CreateBounded<JsonObject>(
        new BoundedChannelOptions(MaxQueuedEvents) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private Task? _writer;
    private CancellationTokenSource? _stopping;

    public SchedulingEventRecorder(KubeApiClient client, string component, TimeProvider timeProvider, ILogger<SchedulingEventRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(component);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _component = component;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Queues an Event about the binding; returns false when the queue is full and the event was dropped.</summary>
    public bool Record(SchedulableBinding binding, SchedulingEvent schedulingEvent)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(schedulingEvent);
        return _pending.Writer.TryWrite(BuildEvent(binding, schedulingEvent, _component, _timeProvider.GetUtcNow()));
    }

    /// <summary>Starts the writer; events recorded before are written then.</summary>
    public void Start()
    {
        if (_writer is not null)
        {
            return;
        }

        _stopping = new CancellationTokenSource();
        _writer = Task.Run(() => WriteAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops the writer after it has written what is queued, or when <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        if (_writer is { } writer)
        {
            await using (cancellationToken.Register(() => _stopping?.Cancel()))
            {
                await writer.ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping?.Cancel();
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping?.Dispose();
    }

    /// <summary>The Event object: name <c>{binding}.{unix nanoseconds as hex}</c>, as client-go names them.</summary>
    public static JsonObject BuildEvent(SchedulableBinding binding, SchedulingEvent schedulingEvent, string component, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ArgumentNullException.ThrowIfNull(schedulingEvent);
        var name = binding.Metadata.Name ?? string.Empty;
        var nanos = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var microTimestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var involved = new JsonObject
        {
            ["kind"] = binding.Kind,
            ["name"] = name,
            ["uid"] = binding.Metadata.Uid,
            ["apiVersion"] = SchedulableBinding.ApiVersion,
            ["resourceVersion"] = binding.Metadata.ResourceVersion,
        };
        if (!binding.IsClusterScoped)
        {
            involved["namespace"] = binding.Metadata.Namespace;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject
            {
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"{name}.{nanos:x}"),
                ["namespace"] = binding.IsClusterScoped ? "default" : binding.Metadata.Namespace,
            },
            ["involvedObject"] = involved,
            ["reason"] = schedulingEvent.Reason,
            ["message"] = schedulingEvent.Message,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = timestamp,
            ["lastTimestamp"] = timestamp,
            ["eventTime"] = microTimestamp,
            ["count"] = 1,
            ["type"] = schedulingEvent.Type,
            ["reportingComponent"] = component,
            ["reportingInstance"] = Environment.MachineName,
        };
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _client.CreateAsync(SchedulerResources.Events, item, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (ApiException ex)
                {
                    LogEventFailed(_logger, (string?)item["metadata"]?["name"], ex);
                }
                catch (HttpRequestException ex)
                {
                    LogEventFailed(_logger, (string?)item["metadata"]?["name"], ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: queued events are dropped, as client-go's broadcaster drops them on shutdown.
        }
    }

    // Event ids 5000-5009: event recorder. Next free id: 5001.
    [LoggerMessage(5000, LogLevel.Warning, "Failed to record event {Event}")]
    private static partial void LogEventFailed(ILogger logger, string? @event, Exception exception);
}
