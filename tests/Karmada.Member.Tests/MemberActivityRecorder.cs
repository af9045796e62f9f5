using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Karmada.Member.Tests;

/// <summary>
/// Counts one member's own API requests by verb (its components' client carries the user agent
/// <c>karmada-member-simulator/NAME</c>) and the reconciles of every controller in the process (so tests using it run
/// alone, see <see cref="MemberActivityCollection"/>).
/// </summary>
internal sealed class MemberActivityRecorder : IDisposable
{
    private readonly string _userAgent;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _reconciles = new(StringComparer.Ordinal);

    public MemberActivityRecorder(string memberName)
    {
        _userAgent = "karmada-member-simulator/" + memberName;
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

    public long Requests(string verb) => _requests.GetValueOrDefault(verb);

    /// <summary>POST, PUT, PATCH and DELETE requests.</summary>
    public long Writes => _requests.Where(r => r.Key is "POST" or "PUT" or "PATCH" or "DELETE").Sum(r => r.Value);

    public long Reconciles(string controller) => _reconciles.GetValueOrDefault(controller);

    public string Summary =>
        "requests " + string.Join(' ', _requests.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))
        + "; reconciles " + string.Join(' ', _reconciles.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));

    /// <summary>Starts counting afresh (e.g. after the member's own start-up).</summary>
    public void Reset()
    {
        _requests.Clear();
        _reconciles.Clear();
    }

    public void Dispose() => _listener.Dispose();

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "karmada_controller_reconcile_total")
        {
            _reconciles.AddOrUpdate(Tag(tags, "controller"), value, (_, sum) => sum + value);
        }
        else if (Tag(tags, "user_agent") == _userAgent)
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

/// <summary>Tests that count reconciles, which the controllers' metrics do not tell apart by member: run alone.</summary>
[CollectionDefinition(nameof(MemberActivityCollection), DisableParallelization = true)]
public sealed class MemberActivityCollection;
