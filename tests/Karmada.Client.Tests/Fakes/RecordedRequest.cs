namespace Karmada.Client.Tests.Fakes;

/// <summary>One request the fake API server received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? ContentType,
    string? Authorization,
    string? ClientCertificateSubject,
    string Body)
{
    public bool IsWatch => Query.Contains("watch=true", StringComparison.Ordinal);

    /// <summary>The decoded value of one query parameter, or null.</summary>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            if (key == name)
            {
                return eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }

        return null;
    }
}
