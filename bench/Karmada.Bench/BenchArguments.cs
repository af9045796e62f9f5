namespace Karmada.Bench;

/// <summary>
/// Command-line options after the workload name: <c>--name value</c> pairs and bare <c>--flag</c>s. The common ones
/// (<c>--scale</c>, <c>--json</c>) have properties; workloads read their own with <see cref="Get"/>.
/// </summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private BenchArguments()
    {
    }

    /// <summary><c>small</c> (quick, well under a minute per configuration) or <c>full</c>.</summary>
    public BenchScale Scale => Get("scale", "small") switch
    {
        "small" => BenchScale.Small,
        "full" => BenchScale.Full,
        var other => throw new ArgumentException($"--scale must be small or full, not '{other}'"),
    };

    /// <summary>Print one JSON object on the last line of standard output.</summary>
    public bool Json => Has("json");

    public bool Has(string name) => _values.ContainsKey(name);

    public string Get(string name, string defaultValue) => _values.TryGetValue(name, out var value) ? value : defaultValue;

    public static BenchArguments Parse(IEnumerable<string> args)
    {
        var result = new BenchArguments();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    result._values[pending] = "true";
                }

                var body = arg[2..];
                var eq = body.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    result._values[body[..eq]] = body[(eq + 1)..];
                    pending = null;
                }
                else
                {
                    pending = body;
                }
            }
            else if (pending is not null)
            {
                result._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }

        if (pending is not null)
        {
            result._values[pending] = "true";
        }

        return result;
    }
}
