using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.Client;
using Karmada.Security.Authentication;

namespace Karmada.Cli;

/// <summary>
/// Bootstrap tokens on the control plane, as <c>kubeadm token</c> keeps them: one Secret
/// <c>kube-system/bootstrap-token-&lt;id&gt;</c> of type <c>bootstrap.kubernetes.io/token</c> per token.
/// </summary>
public static class BootstrapTokenSecrets
{
    /// <summary>One token as listed.</summary>
    public sealed record Entry(string Token, DateTimeOffset? Expires, IReadOnlyList<string> Usages, string Description, string ExtraGroups);

    /// <summary>The Secret for <paramref name="token"/>; a zero or negative <paramref name="ttl"/> never expires.</summary>
    public static JsonObject Build(string token, TimeSpan ttl, string description, IReadOnlyList<string> extraGroups, DateTimeOffset now)
    {
        if (!BootstrapToken.TryParse(token, out var id, out var secret))
        {
            throw new CliException($"'{token}' is not a bootstrap token; it must match [a-z0-9]{{6}}.[a-z0-9]{{16}}.");
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BootstrapToken.TokenIdKey] = id,
            [BootstrapToken.TokenSecretKey] = secret,
            [BootstrapToken.UsageAuthenticationKey] = "true",
            [BootstrapToken.UsageSigningKey] = "true",
        };
        if (ttl > TimeSpan.Zero)
        {
            data[BootstrapToken.ExpirationKey] = (now + ttl).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        if (!string.IsNullOrEmpty(description))
        {
            data[BootstrapToken.DescriptionKey] = description;
        }

        if (extraGroups.Count > 0)
        {
            var bad = extraGroups.FirstOrDefault(g => !g.StartsWith(BootstrapToken.GroupPrefix, StringComparison.Ordinal));
            if (bad is not null)
            {
                throw new CliException($"group '{bad}' must start with '{BootstrapToken.GroupPrefix}'.");
            }

            data[BootstrapToken.ExtraGroupsKey] = string.Join(",", extraGroups);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = BootstrapToken.SecretName(id), ["namespace"] = BootstrapToken.SecretNamespace },
            ["type"] = BootstrapToken.SecretType,
            ["data"] = new JsonObject(data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Convert.ToBase64String(Encoding.UTF8.GetBytes(kv.Value))))),
        };
    }

    /// <summary>Stores a new token; returns it.</summary>
    public static async Task<string> CreateAsync(KubeApiClient controlPlane, string? token, TimeSpan ttl, string description, IReadOnlyList<string> extraGroups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        token ??= BootstrapToken.Generate();
        try
        {
            await controlPlane.CreateAsync(ResourceRef.Secrets, Build(token, ttl, description, extraGroups, now), cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsAlreadyExists())
        {
            throw new CliException($"a token with id '{token.Split('.')[0]}' already exists.", ex);
        }

        return token;
    }

    /// <summary>Every bootstrap token, oldest first.</summary>
    public static async Task<IReadOnlyList<Entry>> ListAsync(KubeApiClient controlPlane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        var secrets = await controlPlane.ListAsync(ResourceRef.Secrets, BootstrapToken.SecretNamespace, cancellationToken: cancellationToken);
        var entries = new List<Entry>();
        foreach (var secret in secrets.Items)
        {
            if (secret["type"]?.GetValue<string>() != BootstrapToken.SecretType)
            {
                continue;
            }

            var data = Decode(secret);
            if (!data.TryGetValue(BootstrapToken.TokenIdKey, out var id) || !data.TryGetValue(BootstrapToken.TokenSecretKey, out var value))
            {
                continue;
            }

            DateTimeOffset? expires = data.TryGetValue(BootstrapToken.ExpirationKey, out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            var usages = data.Where(kv => kv.Key.StartsWith("usage-bootstrap-", StringComparison.Ordinal) && kv.Value == "true")
                .Select(kv => kv.Key["usage-bootstrap-".Length..])
                .Order(StringComparer.Ordinal)
                .ToList();
            entries.Add(new Entry($"{id}.{value}", expires, usages, data.GetValueOrDefault(BootstrapToken.DescriptionKey, ""), data.GetValueOrDefault(BootstrapToken.ExtraGroupsKey, "")));
        }

        return entries;
    }

    /// <summary>Deletes a token given as <c>id.secret</c> or just its id.</summary>
    public static async Task DeleteAsync(KubeApiClient controlPlane, string tokenOrId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(controlPlane);
        var id = BootstrapToken.TryParse(tokenOrId, out var parsedId, out _) ? parsedId : tokenOrId;
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9]{6}$"))
        {
            throw new CliException($"'{tokenOrId}' is neither a bootstrap token nor a token id ([a-z0-9]{{6}}).");
        }

        try
        {
            await controlPlane.DeleteAsync(ResourceRef.Secrets, BootstrapToken.SecretNamespace, BootstrapToken.SecretName(id), cancellationToken: cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            throw new CliException($"bootstrap token '{id}' not found.", ex);
        }
    }

    private static Dictionary<string, string> Decode(JsonObject secret)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (secret["data"] is JsonObject encoded)
        {
            foreach (var (key, value) in encoded)
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var base64))
                {
                    data[key] = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
                }
            }
        }

        return data;
    }
}
