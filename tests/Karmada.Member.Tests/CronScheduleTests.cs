using Karmada.Member.Simulation;

namespace Karmada.Member.Tests;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Base = new(2026, 1, 1, 10, 0, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("*/5 * * * *", "2026-01-01T10:05:00Z")]
    [InlineData("@hourly", "2026-01-01T11:00:00Z")]
    [InlineData("@daily", "2026-01-02T00:00:00Z")]
    [InlineData("@every 90s", "2026-01-01T10:02:00Z")]
    [InlineData("@every 1h30m", "2026-01-01T11:30:30Z")]
    public void Next_FollowsTheSchedule(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Parse(schedule, null).Next(Base));

    [Fact]
    public void Next_HonoursTheTimeZone()
    {
        // 02:00 in New York (UTC-5 in January) is 07:00 UTC.
        var next = CronSchedule.Parse("0 2 * * *", "America/New_York").Next(Base);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 7, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void MostRecent_ReturnsTheLatestDueTimeAndCountsMissedOnes()
    {
        var schedule = CronSchedule.Parse("* * * * *", null);
        var (latest, missed) = schedule.MostRecent(Base, Base.AddMinutes(3).AddSeconds(10));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 3, 0, TimeSpan.Zero), latest);
        Assert.Equal(2, missed);
        Assert.Null(schedule.MostRecent(Base, Base.AddSeconds(20)).MostRecent);
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("@reboot")]
    [InlineData("@every soon")]
    [InlineData("61 * * * *")]
    public void Parse_RejectsInvalidSchedules(string schedule) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(schedule, null));

    [Fact]
    public void JobName_IsMinutesSinceEpoch() =>
        Assert.Equal("hello-29453760", CronJobPlan.JobName("hello", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
}
