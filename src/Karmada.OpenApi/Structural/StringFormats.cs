using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Karmada.OpenApi.Structural;

/// <summary>
/// The string formats that apiextensions-apiserver validates in CRD schemas (its <c>supportedVersionedFormats</c>
/// for 1.0). Other formats are ignored, as upstream strips them before validation.
/// </summary>
internal static partial class StringFormats
{
    private static readonly Dictionary<string, Func<string, bool>> Validators = new(StringComparer.Ordinal)
    {
        ["bsonobjectid"] = value => BsonObjectIdRegex().IsMatch(value),
        ["uri"] = IsRequestUri,
        ["email"] = value => System.Net.Mail.MailAddress.TryCreate(value, out _),
        ["hostname"] = value => value.Length <= 255 && HostnameRegex().IsMatch(value),
        ["ipv4"] = value => Ipv4Regex().IsMatch(value),
        ["ipv6"] = IsIpv6,
        ["cidr"] = IsCidr,
        ["mac"] = value => MacRegex().IsMatch(value),
        ["uuid"] = value => UuidRegex().IsMatch(value),
        ["uuid3"] = value => Uuid3Regex().IsMatch(value),
        ["uuid4"] = value => Uuid4Regex().IsMatch(value),
        ["uuid5"] = value => Uuid5Regex().IsMatch(value),
        ["isbn"] = value => IsIsbn10(value) || IsIsbn13(value),
        ["isbn10"] = IsIsbn10,
        ["isbn13"] = IsIsbn13,
        ["creditcard"] = value => CreditCardRegex().IsMatch(NonDigitRegex().Replace(value, string.Empty)),
        ["ssn"] = value => SsnRegex().IsMatch(value),
        ["hexcolor"] = value => HexColorRegex().IsMatch(value),
        ["rgbcolor"] = value => RgbColorRegex().IsMatch(value),
        ["byte"] = value => value.Length % 4 == 0 && Convert.TryFromBase64String(value, new byte[value.Length], out _),
        ["password"] = _ => true,
        ["date"] = value => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        ["duration"] = value => DurationRegex().IsMatch(value),
        ["datetime"] = IsDateTime,
        ["quantity"] = value => QuantityRegex().IsMatch(value),
    };

    /// <summary>go-openapi normalises format names by dropping dashes (<c>date-time</c> is <c>datetime</c>).</summary>
    public static string Normalize(string format) => format.Replace("-", string.Empty, StringComparison.Ordinal);

    public static bool IsKnown(string format) => Validators.ContainsKey(Normalize(format));

    public static bool IsValid(string format, string value) =>
        !Validators.TryGetValue(Normalize(format), out var validator) || validator(value);

    /// <summary>Go's <c>url.ParseRequestURI</c>: an absolute URI or an absolute path.</summary>
    private static bool IsRequestUri(string value) =>
        value.StartsWith('/') || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.Length > 0 && !value.Contains(' ', StringComparison.Ordinal));

    private static bool IsIpv6(string value) =>
        value.Contains(':', StringComparison.Ordinal) && !value.Contains('%', StringComparison.Ordinal) && !value.StartsWith('[')
        && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits))
        {
            return false;
        }

        var address = value[..slash];
        if (Ipv4Regex().IsMatch(address))
        {
            return bits <= 32;
        }

        return IsIpv6(address) && bits <= 128;
    }

    private static bool IsIsbn10(string value)
    {
        var compact = value.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!Isbn10Regex().IsMatch(compact))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = compact[i] is 'X' or 'x' ? 10 : compact[i] - '0';
            sum += (10 - i) * digit;
        }

        return sum % 11 == 0;
    }

    private static bool IsIsbn13(string value)
    {
        var compact = value.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!Isbn13Regex().IsMatch(compact))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 13; i++)
        {
            sum += (compact[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        return sum % 10 == 0;
    }

    private static bool IsDateTime(string value)
    {
        var match = DateTimeRegex().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var date = match.Groups["date"].Value;
        var time = match.Groups["time"].Value;
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && TimeOnly.TryParseExact(time.Length == 5 ? time + ":00" : time, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    [GeneratedRegex("^[0-9a-fA-F]{24}$")]
    private static partial Regex BsonObjectIdRegex();

    [GeneratedRegex(@"^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$")]
    private static partial Regex HostnameRegex();

    [GeneratedRegex(@"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$")]
    private static partial Regex Ipv4Regex();

    [GeneratedRegex("^([0-9a-fA-F]{2}([:-])){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{2}([:-])){7}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{2}([:-])){19}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\\.){2}[0-9a-fA-F]{4}$|^([0-9a-fA-F]{4}\\.){3}[0-9a-fA-F]{4}$|^([0-9a-fA-F]{4}\\.){9}[0-9a-fA-F]{4}$")]
    private static partial Regex MacRegex();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex UuidRegex();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid3Regex();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid4Regex();

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid5Regex();

    [GeneratedRegex("^[0-9]{9}[0-9Xx]$")]
    private static partial Regex Isbn10Regex();

    [GeneratedRegex("^[0-9]{13}$")]
    private static partial Regex Isbn13Regex();

    [GeneratedRegex("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35[0-9]{3})[0-9]{11})$")]
    private static partial Regex CreditCardRegex();

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigitRegex();

    [GeneratedRegex("^[0-9]{3}[- ]?[0-9]{2}[- ]?[0-9]{4}$")]
    private static partial Regex SsnRegex();

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColorRegex();

    [GeneratedRegex(@"^rgb\(\s*(0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\s*,\s*(0|[1-9][0-9]?|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\s*\)$")]
    private static partial Regex RgbColorRegex();

    [GeneratedRegex(@"^\s*[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*(ns|us|µs|μs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?|sec|secs|min|mins|hr|hrs)\s*)+$|^0$")]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ](?<time>[0-9]{2}:[0-9]{2}(:[0-9]{2})?)(\.[0-9]+)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?$")]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$")]
    private static partial Regex QuantityRegex();
}
