using System.Text;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Registry;
using Karmada.Security.Authentication;

namespace Karmada.ApiServer.Authentication;

/// <summary>
/// Authenticates bearer tokens of the form <c>id.secret</c> against the bootstrap-token Secrets in <c>kube-system</c>
/// (kube-apiserver's <c>--enable-bootstrap-token-auth</c>), read from the watch cache; the decision is
/// <see cref="BootstrapToken.Authenticate"/>.
/// </summary>
public sealed class BootstrapTokenAuthenticator(ObjectService objects, TimeProvider time) : ITokenAuthenticator
{
    public async ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!BootstrapToken.TryParse(token, out var id, out _) || objects.Catalog.Find("", "v1", "secrets") is not { } secrets)
        {
            return null;
        }

        var cached = await objects.GetAsync(secrets, BootstrapToken.SecretNamespace, BootstrapToken.SecretName(id), cancellationToken);
        if (cached is null)
        {
            return null;
        }

        var secret = cached.ToJsonObject();
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

        var type = secret["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var t) ? t : null;
        var deleting = secret["metadata"]?["deletionTimestamp"] is not null;
        return BootstrapToken.Authenticate(token, type, data, deleting, time.GetUtcNow());
    }
}
