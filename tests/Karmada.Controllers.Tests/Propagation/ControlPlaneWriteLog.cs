using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Karmada.Controllers.Tests.Propagation;

/// <summary>
/// API server middleware that records every write reaching the control plane (method, resource, subresource, the
/// writer's user agent and, for a Work status patch, which controller's fields it carries), so a test can pin how many
/// writes of each kind a propagated workload costs.
/// </summary>
public sealed class ControlPlaneWriteLog
{
    private readonly ConcurrentQueue<ControlPlaneWrite> _writes = new();
    private long _lastWriteTicks = DateTime.UtcNow.Ticks;

    /// <summary>Registers the middleware.</summary>
    public void Attach(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (method is "GET" or "HEAD" or "OPTIONS")
            {
                await next(context);
                return;
            }

            string? body = null;
            if (method is "PATCH" or "POST")
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
                body = await reader.ReadToEndAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
            }

            await next(context);
            Interlocked.Exchange(ref _lastWriteTicks, DateTime.UtcNow.Ticks);
            _writes.Enqueue(ControlPlaneWrite.Of(method, context.Request.Path.Value ?? string.Empty, context.Request.Headers.UserAgent.ToString(), context.Response.StatusCode, body));
        });
    }

    /// <summary>The writes so far.</summary>
    public IReadOnlyList<ControlPlaneWrite> Writes => [.. _writes];

    /// <summary>Whether no write arrived for <paramref name="quiet"/>.</summary>
    public bool QuietFor(TimeSpan quiet) => DateTime.UtcNow - new DateTime(Interlocked.Read(ref _lastWriteTicks), DateTimeKind.Utc) >= quiet;

    /// <summary>The writes whose user agent is not <paramref name="excludedAgent"/>, grouped by <see cref="ControlPlaneWrite.Kind"/>.</summary>
    public SortedDictionary<string, int> CountByKind(string excludedAgent) =>
        new(Writes.Where(w => w.UserAgent != excludedAgent).GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}

/// <summary>One write the control plane answered.</summary>
public sealed record ControlPlaneWrite(string Method, string Path, string Resource, string? Subresource, string UserAgent, int StatusCode, string? Body)
{
    /// <summary>
    /// What kind of write it is: <c>METHOD resource[/subresource]</c>, with Work status patches told apart by the field
    /// they carry (the execution controller's conditions, the workStatus controller's manifest statuses) and failed
    /// writes marked with their status code.
    /// </summary>
    public string Kind
    {
        get
        {
            var kind = $"{Method} {Resource}{(Subresource is null ? "" : "/" + Subresource)}";
            if (Resource == "works" && Subresource == "status" && Body is not null && JsonNode.Parse(Body)?["status"] is JsonObject status)
            {
                var conditions = status.ContainsKey("conditions");
                var statuses = status.ContainsKey("manifestStatuses");
                kind += (conditions, statuses) switch
                {
                    (true, true) => " (conditions+manifestStatuses)",
                    (true, false) => " (conditions)",
                    (false, true) => " (manifestStatuses)",
                    _ => string.Empty,
                };
            }

            return StatusCode >= 400 ? $"{kind} -> {StatusCode}" : kind;
        }
    }

    /// <summary>Parses <c>/api/v1/namespaces/ns/configmaps/name[/sub]</c> and <c>/apis/group/version/...</c> paths.</summary>
    public static ControlPlaneWrite Of(string method, string path, string userAgent, int statusCode, string? body)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var rest = segments.Length > 0 && segments[0] == "api" ? segments.Skip(2).ToArray() : segments.Skip(3).ToArray();
        if (rest.Length >= 2 && rest[0] == "namespaces" && rest.Length > 2)
        {
            rest = rest[2..];
        }

        var resource = rest.Length > 0 ? rest[0] : path;
        var subresource = rest.Length > 2 ? rest[2] : null;
        return new ControlPlaneWrite(method, path, resource, subresource, userAgent, statusCode, body);
    }
}

/// <summary>A set of recorded writes, counted by <see cref="ControlPlaneWrite.Kind"/>.</summary>
public sealed class ControlPlaneWriteLogSlice(IReadOnlyList<ControlPlaneWrite> writes)
{
    private readonly Dictionary<string, int> _byKind = writes.GroupBy(w => w.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public int Total => writes.Count;

    /// <summary>Writes the API server refused (conflicts, failed patch guards).</summary>
    public int Failed => writes.Count(w => w.StatusCode >= 400);

    public int Count(string kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>The kinds of write seen.</summary>
    public IEnumerable<string> Kinds => _byKind.Keys;

    /// <summary>One line per kind with its count and its count per <paramref name="per"/> (for a test's output).</summary>
    public string Describe(int per)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Total} writes, {(double)Total / per:F2} per Deployment:");
        foreach (var (kind, count) in _byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-60} {count,5} {(double)count / per,7:F2}");
        }

        foreach (var failed in writes.Where(w => w.StatusCode >= 400))
        {
            var name = failed.Method == "POST" && failed.Body is { } body ? (string?)JsonNode.Parse(body)?["metadata"]?["name"] : null;
            text.AppendLine(CultureInfo.InvariantCulture, $"  failed: {failed.Method} {failed.Path} {name} -> {failed.StatusCode}");
        }

        return text.ToString();
    }
}
