namespace Karmada.Policy.Admission;

/// <summary>The parts of Go's <c>net/url.Parse</c> that cluster validation looks at, with its error texts.</summary>
internal sealed class GoUrl
{
    public string Scheme { get; private init; } = "";

    public string? User { get; private init; }

    public string Host { get; private init; } = "";

    public string RawQuery { get; private init; } = "";

    public string Fragment { get; private init; } = "";

    /// <summary>Parses like <c>url.Parse</c>; on failure <paramref name="error"/> is upstream's <c>parse "..": ..</c> text.</summary>
    public static GoUrl? TryParse(string raw, out string error)
    {
        error = "";
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = hash >= 0 ? raw[..hash] : raw;
        var fragment = hash >= 0 ? raw[(hash + 1)..] : "";
        var url = Parse(withoutFragment, fragment, out var inner);
        if (url is null)
        {
            error = $"parse {Quote(withoutFragment)}: {inner}";
        }

        return url;
    }

    private static GoUrl? Parse(string raw, string fragment, out string error)
    {
        error = "";
        if (raw.Any(c => c < 0x20 || c == 0x7f))
        {
            error = "net/url: invalid control character in URL";
            return null;
        }

        if (!TrySplitScheme(raw, out var scheme, out var rest, out error))
        {
            return null;
        }

        var query = "";
        if (rest.EndsWith('?') && rest.Count(c => c == '?') == 1)
        {
            rest = rest[..^1];
        }
        else
        {
            var q = rest.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                query = rest[(q + 1)..];
                rest = rest[..q];
            }
        }

        if (!rest.StartsWith('/'))
        {
            if (scheme.Length > 0)
            {
                // Opaque URL such as "host:6443": no host at all.
                return new GoUrl { Scheme = scheme, RawQuery = query, Fragment = fragment };
            }

            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if ((slash >= 0 ? rest[..slash] : rest).Contains(':', StringComparison.Ordinal))
            {
                error = "first path segment in URL cannot contain colon";
                return null;
            }
        }

        string? user = null;
        var host = "";
        if ((scheme.Length > 0 || !rest.StartsWith("///", StringComparison.Ordinal)) && rest.StartsWith("//", StringComparison.Ordinal))
        {
            var authority = rest[2..];
            var slash = authority.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                authority = authority[..slash];
            }

            var at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                user = authority[..at];
                authority = authority[(at + 1)..];
            }

            if (!TryValidateHost(authority, out error))
            {
                return null;
            }

            host = authority;
        }

        return new GoUrl { Scheme = scheme, User = user, Host = host, RawQuery = query, Fragment = fragment };
    }

    private static bool TrySplitScheme(string raw, out string scheme, out string rest, out string error)
    {
        scheme = "";
        rest = raw;
        error = "";
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                continue;
            }

            if (c is (>= '0' and <= '9') or '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return true;
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    error = "missing protocol scheme";
                    return false;
                }

                scheme = raw[..i].ToLowerInvariant();
                rest = raw[(i + 1)..];
            }

            return true;
        }

        return true;
    }

    private static bool TryValidateHost(string host, out string error)
    {
        error = "";
        string portPart;
        if (host.StartsWith('['))
        {
            var close = host.LastIndexOf(']');
            if (close < 0)
            {
                error = "missing ']' in host";
                return false;
            }

            portPart = host[(close + 1)..];
        }
        else
        {
            var colon = host.LastIndexOf(':');
            portPart = colon >= 0 ? host[colon..] : "";
        }

        if (portPart.Length > 0 && (portPart[0] != ':' || !portPart[1..].All(char.IsAsciiDigit)))
        {
            error = $"invalid port {Quote(portPart)} after host";
            return false;
        }

        return true;
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
