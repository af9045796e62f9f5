using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Karmada.Bench.Workloads.Members;

/// <summary>
/// What the simulated members' own components did during the load: their API requests by verb (the members' clients
/// carry the <c>karmada-member-simulator</c> user agent) and their reconciles per controller. Divided by pods and
/// Deployments these are the load-independent cost figures (writes per pod, reconciles per Deployment).
/// </summary>
public sealed class MemberActivity : IDisposable
{
    private const string MemberUserAgent = "karmada-member-simulator";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _reconciles = new(StringComparer.Ordinal);

    public MemberActivity()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name is "karmada_controller_reconcile_total" or "rest_client_requests_total")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.Start();
    }

    /// <summary>Requests by HTTP verb (GET includes lists and watches).</summary>
    public IReadOnlyDictionary<string, long> Requests => new SortedDictionary<string, long>(_requests, StringComparer.Ordinal);

    /// <summary>Reconciles (any result) by controller name, summed over the members.</summary>
    public IReadOnlyDictionary<string, long> Reconciles => new SortedDictionary<string, long>(_reconciles, StringComparer.Ordinal);

    /// <summary>POST, PUT, PATCH and DELETE requests.</summary>
    public long Writes => _requests.Where(r => r.Key is "POST" or "PUT" or "PATCH" or "DELETE").Sum(r => r.Value);

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "karmada_controller_reconcile_total")
        {
            _reconciles.AddOrUpdate(Tag(tags, "controller"), value, (_, sum) => sum + value);
        }
        else if (Tag(tags, "user_agent").StartsWith(MemberUserAgent, StringComparison.Ordinal))
        {
            _requests.AddOrUpdate(Tag(tags, "verb"), value, (_, sum) => sum + value);
        }
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString() ?? "?";
            }
        }

        return "?";
    }
}
