using System.Globalization;
using Cronos;

namespace Karmada.Member.Simulation;

/// <summary>
/// A CronJob schedule as kube-controller-manager parses it (robfig/cron's standard parser): five cron fields, the
/// macros <c>@yearly @annually @monthly @weekly @daily @midnight @hourly</c>, or <c>@every DURATION</c> (Go duration,
/// at least one second), evaluated in <c>spec.timeZone</c> (UTC when absent).
/// </summary>
internal sealed class CronSchedule
{
    private readonly CronExpression? _expression;
    private readonly TimeSpan _every;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression? expression, TimeSpan every, TimeZoneInfo zone)
    {
        _expression = expression;
        _every = every;
        _zone = zone;
    }

    /// <summary>Parses a schedule; throws <see cref="FormatException"/> when it or the time zone is invalid.</summary>
    public static CronSchedule Parse(string schedule, string? timeZone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrEmpty(timeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new FormatException($"unknown time zone {timeZone}", ex);
        }

        var text = schedule.Trim();
        if (text.StartsWith("@every ", StringComparison.Ordinal))
        {
            var every = ParseGoDuration(text["@every ".Length..].Trim());
            return new CronSchedule(null, every < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : every, zone);
        }

        var expression = text switch
        {
            "@yearly" or "@annually" => "0 0 1 1 *",
            "@monthly" => "0 0 1 * *",
            "@weekly" => "0 0 * * 0",
            "@daily" or "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            _ when text.StartsWith('@') => throw new FormatException($"unrecognized descriptor: {text}"),
            _ => text,
        };
        try
        {
            return new CronSchedule(CronExpression.Parse(expression, CronFormat.Standard), TimeSpan.Zero, zone);
        }
        catch (CronFormatException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>The first scheduled time strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        if (_expression is null)
        {
            // robfig's ConstantDelaySchedule: the delay after the time, truncated to whole seconds.
            var truncated = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return truncated + _every;
        }

        return _expression.GetNextOccurrence(after.UtcDateTime, _zone) is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// The latest scheduled time in (<paramref name="earliest"/>, <paramref name="now"/>] and how many were missed
    /// before it, as <c>mostRecentScheduleTime</c>; null when no time is due.
    /// </summary>
    public (DateTimeOffset? MostRecent, int Missed) MostRecent(DateTimeOffset earliest, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        var count = 0;
        for (var t = Next(earliest); t is { } due && due <= now; t = Next(due))
        {
            latest = due;
            count++;
        }

        return (latest, Math.Max(0, count - 1));
    }

    private static TimeSpan ParseGoDuration(string text)
    {
        var total = TimeSpan.Zero;
        var i = 0;
        if (text.Length == 0)
        {
            throw new FormatException("empty duration");
        }

        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (start == unitStart || !double.TryParse(text.AsSpan(start, unitStart - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"invalid duration {text}");
            }

            total += text[unitStart..i] switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                "ns" => TimeSpan.FromTicks((long)(value / 100)),
                _ => throw new FormatException($"invalid duration {text}"),
            };
        }

        return total;
    }
}
