using Karmada.Api.Core;

namespace Karmada.Cli;

/// <summary>One argument of <c>karmadactl taint</c>: <c>key=value:Effect</c> to add, <c>key[:Effect]-</c> to remove.</summary>
public sealed record TaintSpec(string Key, string? Value, TaintEffect? Effect, bool Remove)
{
    public static TaintSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var remove = text.EndsWith('-');
        var body = remove ? text[..^1] : text;
        var colon = body.LastIndexOf(':');
        string keyValue = colon < 0 ? body : body[..colon];
        TaintEffect? effect = null;
        if (colon >= 0)
        {
            if (!Enum.TryParse<TaintEffect>(body[(colon + 1)..], ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                throw new CliException($"Taint '{text}': unknown effect '{body[(colon + 1)..]}'; use NoSchedule, PreferNoSchedule, NoExecute or PreferNoExecute.");
            }

            effect = parsed;
        }
        else if (!remove)
        {
            throw new CliException($"Taint '{text}' has no effect; write key=value:Effect (or key:Effect), or key- to remove.");
        }

        var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? keyValue : keyValue[..equals];
        var value = equals < 0 ? null : keyValue[(equals + 1)..];
        if (key.Length == 0)
        {
            throw new CliException($"Taint '{text}' has an empty key.");
        }

        return new TaintSpec(key, string.IsNullOrEmpty(value) ? null : value, effect, remove);
    }

    /// <summary>Applies this spec to <paramref name="taints"/>; returns a message describing the change.</summary>
    public string ApplyTo(List<Taint> taints, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(taints);
        if (Remove)
        {
            var removed = taints.RemoveAll(t => t.Key == Key && (Effect is null || t.Effect == Effect));
            return removed == 0 ? throw new CliException($"Taint {Key}{(Effect is null ? "" : ":" + Effect)} is not on the cluster.") : $"untainted {Key}";
        }

        var existing = taints.Find(t => t.Key == Key && t.Effect == Effect);
        if (existing is not null)
        {
            if (!overwrite && existing.Value != Value)
            {
                throw new CliException($"The cluster already has taint {Key}:{Effect} with value '{existing.Value}'; pass --overwrite to replace it.");
            }

            existing.Value = Value;
            return $"tainted {Key}";
        }

        taints.Add(new Taint { Key = Key, Value = Value, Effect = Effect!.Value });
        return $"tainted {Key}";
    }
}
