using System.Buffers;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Printing;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Karmada.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Karmada.ApiServer.Handlers;

/// <summary>
/// Serves <c>?watch=true</c>: newline-delimited JSON events from the resource's watch cache, flushed once per batch
/// of queued events. An RV older than the cache's history gives HTTP 200 with one ERROR event (410 Expired), as
/// kube-apiserver does.
/// </summary>
public sealed class WatchStreamer(TimeProvider time)
{
    private const int FlushThresholdBytes = 64 * 1024;

    private static readonly TimeSpan BookmarkInterval = TimeSpan.FromSeconds(30);

    public async Task StreamAsync(HttpContext context, ResourceDefinition resource, ResourceStore store, string? ns, ListQuery query, bool table)
    {
        var ct = context.RequestAborted;
        var keyPrefix = store.PrefixFor(ns);
        var filter = ObjectFields.Filter(query.Labels, query.Fields);
        var timeout = TimeSpan.FromSeconds(query.TimeoutSeconds is > 0 ? query.TimeoutSeconds.Value : 1800 + Random.Shared.Next(1800));

        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaTypes.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        await context.Response.StartAsync(ct);

        await store.SyncAsync(ct);
        var requested = ParseRevision(query.ResourceVersion);
        WatchSubscription subscription;
        var initial = new List<CachedObject>();
        long sentRevision;
        try
        {
            if (requested is null || query.SendInitialEvents)
            {
                // RV unset or "0": synthetic ADDED for the current state, then changes after it.
                var (items, revision) = store.Cache.Snapshot(keyPrefix);
                subscription = store.Cache.Subscribe(revision);
                initial.AddRange(items.Where(filter));
                sentRevision = revision;
            }
            else
            {
                subscription = store.Cache.Subscribe(requested.Value);
                sentRevision = requested.Value;
            }
        }
        catch (StorageException ex) when (ex.Kind == StorageErrorKind.Expired)
        {
            await WriteLineAsync(context, ErrorEvent(Errors.Expired(ex.Message)), ct);
            return;
        }

        using var _ = subscription;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        var token = timeoutSource.Token;
        var firstTable = true;
        try
        {
            foreach (var item in initial)
            {
                await WriteEventAsync(context, resource, "ADDED", item, table, firstTable, token);
                firstTable = false;
            }

            await context.Response.BodyWriter.FlushAsync(token);

            if (query.AllowBookmarks)
            {
                await WriteLineAsync(context, Bookmark(resource, sentRevision, query.SendInitialEvents), token);
            }

            var nextBookmark = time.GetUtcNow() + BookmarkInterval;
            while (!token.IsCancellationRequested)
            {
                var wait = subscription.Events.WaitToReadAsync(token).AsTask();
                if (query.AllowBookmarks)
                {
                    var delay = nextBookmark - time.GetUtcNow();
                    var timer = Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, token);
                    if (await Task.WhenAny(wait, timer) == timer)
                    {
                        await WriteLineAsync(context, Bookmark(resource, sentRevision, false), token);
                        nextBookmark = time.GetUtcNow() + BookmarkInterval;
                        if (!await wait)
                        {
                            break;
                        }
                    }
                    else if (!await wait)
                    {
                        break;
                    }
                }
                else if (!await wait)
                {
                    break;
                }

                while (subscription.Events.TryRead(out var change))
                {
                    if (!change.Object.Key.StartsWith(keyPrefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var type = Transition(change, filter);
                    if (type is not null)
                    {
                        await WriteEventAsync(context, resource, type, change.Object, table, firstTable, token);
                        firstTable = false;
                    }

                    sentRevision = change.Revision;
                }

                // Everything queued since the last wake-up goes out in one flush (fewer frames and syscalls under fan-out).
                await context.Response.BodyWriter.FlushAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // Client went away or the watch timed out: end the stream cleanly.
        }
        catch (StorageException ex) when (ex.Kind == StorageErrorKind.Expired && !ct.IsCancellationRequested)
        {
            await WriteLineAsync(context, ErrorEvent(Errors.Expired(ex.Message)), ct);
        }
    }

    /// <summary>For selector-filtered watches: objects moving out of the selection are DELETED, into it ADDED.</summary>
    private static string? Transition(WatchCacheEvent change, Func<CachedObject, bool> filter)
    {
        var now = filter(change.Object);
        switch (change.Type)
        {
            case WatchEventType.Added:
                return now ? "ADDED" : null;
            case WatchEventType.Deleted:
                return change.Previous is not null && filter(change.Previous) ? "DELETED" : null;
            default:
                var before = change.Previous is not null && filter(change.Previous);
                return (before, now) switch
                {
                    (true, true) => "MODIFIED",
                    (false, true) => "ADDED",
                    (true, false) => "DELETED",
                    _ => null,
                };
        }
    }

    private async Task WriteEventAsync(HttpContext context, ResourceDefinition resource, string type, CachedObject obj, bool table, bool includeColumns, CancellationToken ct)
    {
        if (table)
        {
            var t = TablePrinter.Build(resource, [obj.ToJsonObject()], "Metadata", time.GetUtcNow(), obj.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), null, includeColumns);
            await WriteLineAsync(context, new JsonObject { ["type"] = type, ["object"] = t }, ct);
            return;
        }

        // Written into the response pipe without a flush; the caller flushes once per batch of events, and a large
        // batch (an initial list) is flushed as it goes so it is never buffered whole.
        var body = context.Response.BodyWriter;
        body.Write(EventPrefix(type));
        body.Write(obj.Json);
        body.Write("}\n"u8);
        if (!body.CanGetUnflushedBytes || body.UnflushedBytes >= FlushThresholdBytes)
        {
            await body.FlushAsync(ct);
        }
    }

    private static ReadOnlySpan<byte> EventPrefix(string type) => type switch
    {
        "ADDED" => "{\"type\":\"ADDED\",\"object\":"u8,
        "MODIFIED" => "{\"type\":\"MODIFIED\",\"object\":"u8,
        "DELETED" => "{\"type\":\"DELETED\",\"object\":"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a watch event type with an object"),
    };

    private static async Task WriteLineAsync(HttpContext context, JsonObject evt, CancellationToken ct)
    {
        var bytes = ObjectJson.Serialize(evt);
        await context.Response.Body.WriteAsync(bytes, ct);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
        await context.Response.Body.FlushAsync(ct);
    }

    private static JsonObject Bookmark(ResourceDefinition resource, long revision, bool initialEventsEnd)
    {
        var metadata = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        return new JsonObject
        {
            ["type"] = "BOOKMARK",
            ["object"] = new JsonObject { ["kind"] = resource.Kind, ["apiVersion"] = resource.GroupVersion, ["metadata"] = metadata },
        };
    }

    private static JsonObject ErrorEvent(ApiStatus status) => new() { ["type"] = "ERROR", ["object"] = status.ToJson() };

    private static long? ParseRevision(string? value)
    {
        if (string.IsNullOrEmpty(value) || value == "0")
        {
            return null;
        }

        return long.TryParse(value, out var revision)
            ? revision
            : throw new ApiException(Errors.BadRequest($"invalid resource version \"{value}\""));
    }
}
