using Karmada.ApiServer.Http;

namespace Karmada.ApiServer.Selection;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>path=v</c>, <c>path==v</c>, <c>path!=v</c>, commas mean AND. Which paths a
/// resource supports is decided by the handler; unsupported ones are rejected with 400 as upstream.
/// </summary>
public sealed class FieldSelector
{
    private FieldSelector(IReadOnlyList<FieldRequirement> requirements)
    {
        Requirements = requirements;
    }

    public static FieldSelector Everything { get; } = new([]);

    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    /// <summary>The value required for <paramref name="field"/> by an equality term, if any.</summary>
    public string? RequiredValue(string field)
    {
        foreach (var r in Requirements)
        {
            if (!r.Negated && r.Field == field)
            {
                return r.Value;
            }
        }

        return null;
    }

    public bool Matches(Func<string, string?> fieldValue)
    {
        foreach (var r in Requirements)
        {
            var value = fieldValue(r.Field) ?? "";
            if ((value == r.Value) == r.Negated)
            {
                return false;
            }
        }

        return true;
    }

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<FieldRequirement>();
        foreach (var rawTerm in SplitTerms(text))
        {
            var term = rawTerm.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            int at;
            if ((at = term.IndexOf("!=", StringComparison.Ordinal)) > 0)
            {
                requirements.Add(new FieldRequirement(term[..at].Trim(), Unescape(term[(at + 2)..].Trim()), true));
            }
            else if ((at = term.IndexOf("==", StringComparison.Ordinal)) > 0)
            {
                requirements.Add(new FieldRequirement(term[..at].Trim(), Unescape(term[(at + 2)..].Trim()), false));
            }
            else if ((at = term.IndexOf('=', StringComparison.Ordinal)) > 0)
            {
                requirements.Add(new FieldRequirement(term[..at].Trim(), Unescape(term[(at + 1)..].Trim()), false));
            }
            else
            {
                throw new ApiException(Errors.BadRequest($"invalid field selector: '{term}' is not a valid field selector term"));
            }
        }

        return new FieldSelector(requirements);
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == ',')
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static string Unescape(string value) =>
        value.Replace("\\,", ",", StringComparison.Ordinal).Replace("\\=", "=", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
