using System.Globalization;
using System.Text.Json.Nodes;

namespace Karmada.Patching.Json;

/// <summary>RFC 6901 JSON pointers as JSON patch uses them.</summary>
internal static class JsonPointer
{
    /// <summary>Splits a pointer into unescaped reference tokens; <c>""</c> (the whole document) has none.</summary>
    /// <returns><see langword="null"/> when the pointer is malformed.</returns>
    public static string[]? Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var tokens = pointer[1..].Split('/');
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (!token.Contains('~', StringComparison.Ordinal))
            {
                continue;
            }

            // RFC 6901 §4: "~1" becomes "/" before "~0" becomes "~"; any other "~" sequence is an error.
            for (var c = 0; c < token.Length; c++)
            {
                if (token[c] == '~' && (c + 1 >= token.Length || (token[c + 1] != '0' && token[c + 1] != '1')))
                {
                    return null;
                }
            }

            tokens[i] = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return tokens;
    }

    /// <summary>
    /// Parses an array index as evanphx/json-patch (and so kube-apiserver) does: Go <c>strconv.Atoi</c>, which
    /// also accepts a sign; negative indices count from the end.
    /// </summary>
    public static bool TryParseIndex(string token, out int index)
    {
        index = 0;
        if (token.Length == 0 || token.Length > 11)
        {
            return false;
        }

        var digits = token[0] is '+' or '-' ? token.AsSpan(1) : token.AsSpan();
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>Returns the node the tokens address, or <see langword="false"/> when any step is missing.</summary>
    public static bool TryResolve(JsonNode? root, ReadOnlySpan<string> tokens, out JsonNode? node)
    {
        node = root;
        foreach (var token in tokens)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(token, out node))
                    {
                        return false;
                    }

                    break;
                case JsonArray array:
                    if (!TryParseIndex(token, out var index))
                    {
                        return false;
                    }

                    if (index < 0)
                    {
                        index += array.Count;
                    }

                    if (index < 0 || index >= array.Count)
                    {
                        return false;
                    }

                    node = array[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
