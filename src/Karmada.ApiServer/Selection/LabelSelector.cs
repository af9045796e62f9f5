using Karmada.ApiServer.Http;

namespace Karmada.ApiServer.Selection;

/// <summary>
/// A parsed <c>labelSelector</c> query: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>,
/// <c>k in (a,b)</c>, <c>k notin (a)</c>; commas mean AND.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements)
    {
        Requirements = requirements;
    }

    public static LabelSelector Everything { get; } = new([]);

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEverything => Requirements.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses the query form; throws <see cref="ApiException"/> (400) on bad syntax.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var requirements = new List<LabelRequirement>();
        var position = 0;
        while (position < text.Length)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                break;
            }

            requirements.Add(ParseRequirement(text, ref position));
            SkipSpaces(text, ref position);
            if (position < text.Length)
            {
                if (text[position] != ',')
                {
                    throw Fail(text, $"expected ',' at position {position}");
                }

                position++;
                SkipSpaces(text, ref position);
                if (position >= text.Length)
                {
                    throw Fail(text, "found '', expected: identifier");
                }
            }
        }

        return new LabelSelector(requirements);
    }

    /// <summary>Builds a selector from a <c>metav1.LabelSelector</c>'s matchLabels and matchExpressions.</summary>
    public static LabelSelector FromStructured(IReadOnlyDictionary<string, string>? matchLabels, IEnumerable<(string Key, string Operator, IReadOnlyList<string> Values)>? expressions)
    {
        var requirements = new List<LabelRequirement>();
        if (matchLabels is not null)
        {
            foreach (var (key, value) in matchLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                requirements.Add(new LabelRequirement(key, SelectorOperator.Equals, [value]));
            }
        }

        foreach (var (key, op, values) in expressions ?? [])
        {
            var parsed = op switch
            {
                "In" => SelectorOperator.In,
                "NotIn" => SelectorOperator.NotIn,
                "Exists" => SelectorOperator.Exists,
                "DoesNotExist" => SelectorOperator.DoesNotExist,
                _ => throw new ApiException(Errors.BadRequest($"\"{op}\" is not a valid label selector operator")),
            };
            requirements.Add(new LabelRequirement(key, parsed, values));
        }

        return new LabelSelector(requirements);
    }

    public override string ToString() => string.Join(",", Requirements.Select(Format));

    private static string Format(LabelRequirement r) => r.Operator switch
    {
        SelectorOperator.Equals => $"{r.Key}={r.Values[0]}",
        SelectorOperator.NotEquals => $"{r.Key}!={r.Values[0]}",
        SelectorOperator.In => $"{r.Key} in ({string.Join(",", r.Values)})",
        SelectorOperator.NotIn => $"{r.Key} notin ({string.Join(",", r.Values)})",
        SelectorOperator.Exists => r.Key,
        _ => "!" + r.Key,
    };

    private static LabelRequirement ParseRequirement(string text, ref int position)
    {
        if (text[position] == '!')
        {
            position++;
            SkipSpaces(text, ref position);
            return new LabelRequirement(ReadKey(text, ref position), SelectorOperator.DoesNotExist, []);
        }

        var key = ReadKey(text, ref position);
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] == ',')
        {
            return new LabelRequirement(key, SelectorOperator.Exists, []);
        }

        if (text[position] == '=')
        {
            position += position + 1 < text.Length && text[position + 1] == '=' ? 2 : 1;
            return new LabelRequirement(key, SelectorOperator.Equals, [ReadValue(text, ref position)]);
        }

        if (text[position] == '!' && position + 1 < text.Length && text[position + 1] == '=')
        {
            position += 2;
            return new LabelRequirement(key, SelectorOperator.NotEquals, [ReadValue(text, ref position)]);
        }

        var word = ReadKey(text, ref position);
        var op = word switch
        {
            "in" => SelectorOperator.In,
            "notin" => SelectorOperator.NotIn,
            _ => throw Fail(text, $"unknown operator \"{word}\""),
        };
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != '(')
        {
            throw Fail(text, "expected '(' after set operator");
        }

        position++;
        var values = new List<string>();
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                throw Fail(text, "unterminated value set");
            }

            if (text[position] == ')')
            {
                position++;
                break;
            }

            values.Add(ReadValue(text, ref position));
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
            }
        }

        return new LabelRequirement(key, op, values);
    }

    private static string ReadKey(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && IsKeyChar(text[position]))
        {
            position++;
        }

        if (position == start)
        {
            throw Fail(text, $"expected a label key at position {start}");
        }

        return text[start..position];
    }

    private static string ReadValue(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && IsKeyChar(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/';

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }

    private static ApiException Fail(string text, string why) =>
        new(Errors.BadRequest($"unable to parse requirement: invalid label selector \"{text}\": {why}"));
}
