using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Resources;

/// <summary>
/// The subset of kubectl JSONPath that printer columns and scale paths use: <c>.a.b</c>, <c>.a[0]</c>,
/// <c>.a[*].b</c> and filters <c>.a[?(@.type=="Ready")].status</c>. Evaluates to every matching node.
/// </summary>
public static class JsonPathExpression
{
    public static List<JsonNode?> Evaluate(JsonNode? root, string path)
    {
        var current = new List<JsonNode?> { root };
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        var i = 0;
        while (i < text.Length && current.Count > 0)
        {
            if (text[i] == '.')
            {
                i++;
                var start = i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                var name = text[start..i];
                if (name.Length == 0)
                {
                    continue;
                }

                current = current.Select(n => n is JsonObject o && o.TryGetPropertyValue(name, out var v) ? v : null)
                    .Where(n => n is not null).ToList();
            }
            else if (text[i] == '[')
            {
                var close = FindClose(text, i);
                var inner = text[(i + 1)..close];
                i = close + 1;
                current = ApplyBracket(current, inner);
            }
            else
            {
                i++;
            }
        }

        return current;
    }

    /// <summary>The first match rendered as kubectl prints a cell (strings bare, others as JSON).</summary>
    public static string? EvaluateToString(JsonNode? root, string path)
    {
        var matches = Evaluate(root, path);
        if (matches.Count == 0 || matches[0] is null)
        {
            return null;
        }

        return string.Join(",", matches.Where(m => m is not null).Select(Render));
    }

    public static string Render(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        var inQuote = false;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '[')
            {
                depth++;
            }
            else if (!inQuote && c == ']' && --depth == 0)
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private static List<JsonNode?> ApplyBracket(List<JsonNode?> current, string inner)
    {
        var result = new List<JsonNode?>();
        inner = inner.Trim();
        foreach (var node in current)
        {
            if (inner == "*")
            {
                if (node is JsonArray all)
                {
                    result.AddRange(all);
                }
                else if (node is JsonObject obj)
                {
                    result.AddRange(obj.Select(p => p.Value));
                }
            }
            else if (inner.StartsWith("?(", StringComparison.Ordinal) && node is JsonArray filtered)
            {
                var condition = inner[2..^1];
                result.AddRange(filtered.Where(item => Matches(item, condition)));
            }
            else if (int.TryParse(inner, out var index) && node is JsonArray array)
            {
                if (index < 0)
                {
                    index += array.Count;
                }

                if (index >= 0 && index < array.Count)
                {
                    result.Add(array[index]);
                }
            }
            else if ((inner.StartsWith('\'') || inner.StartsWith('"')) && node is JsonObject keyed)
            {
                var key = inner[1..^1];
                if (keyed.TryGetPropertyValue(key, out var value))
                {
                    result.Add(value);
                }
            }
        }

        return result;
    }

    private static bool Matches(JsonNode? item, string condition)
    {
        var op = condition.Contains("!=", StringComparison.Ordinal) ? "!=" : "==";
        var parts = condition.Split(op, 2);
        if (parts.Length != 2)
        {
            return Evaluate(item, parts[0].Trim().TrimStart('@')).Count > 0;
        }

        var left = parts[0].Trim();
        if (left.StartsWith('@'))
        {
            left = left[1..];
        }

        var expected = parts[1].Trim().Trim('"', '\'');
        var actual = EvaluateToString(item, left);
        return op == "==" ? actual == expected : actual != expected;
    }
}
