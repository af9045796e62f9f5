using System.Globalization;

namespace Karmada.Cli.Output;

/// <summary>Ages as kubectl prints them (apimachinery's <c>duration.HumanDuration</c>): <c>45s</c>, <c>3m20s</c>, <c>5h12m</c>, <c>3d4h</c>.</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan age)
    {
        var seconds = (long)age.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return I($"{seconds}s");
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? I($"{minutes}m") : I($"{minutes}m{seconds % 60}s");
        }

        if (minutes < 180)
        {
            return I($"{minutes}m");
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? I($"{hours}h") : I($"{hours}h{minutes % 60}m");
        }

        if (hours < 48)
        {
            return I($"{hours}h");
        }

        if (hours < 192)
        {
            return hours % 24 == 0 ? I($"{hours / 24}d") : I($"{hours / 24}d{hours % 24}h");
        }

        var days = hours / 24;
        if (days < 365 * 2)
        {
            return I($"{days}d");
        }

        var years = days / 365;
        return years < 8 && days % 365 != 0 ? I($"{years}y{days % 365}d") : I($"{years}y");
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
