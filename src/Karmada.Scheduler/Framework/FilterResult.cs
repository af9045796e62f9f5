namespace Karmada.Scheduler.Framework;

/// <summary>
/// The result of a filter (or score/normalize) plugin call, as upstream's <c>framework.Result</c>: a code plus
/// reasons worded like upstream (they end up in the <c>Scheduled</c> condition), and a short human explanation for
/// the "why not" feature.
/// </summary>
public sealed class FilterResult
{
    private FilterResult(ResultCode code, IReadOnlyList<string> reasons, string? explanation)
    {
        Code = code;
        Reasons = reasons;
        Explanation = explanation;
    }

    /// <summary>The shared success result.</summary>
    public static FilterResult Success { get; } = new(ResultCode.Success, [], null);

    /// <summary>Success, Unschedulable or Error.</summary>
    public ResultCode Code { get; }

    /// <summary>Upstream-worded reasons, e.g. <c>cluster(s) had untolerated taint {key=value:NoSchedule}</c>.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>A short phrase for people, e.g. <c>untolerated taint cluster.karmada.io/not-ready:NoSchedule</c>.</summary>
    public string? Explanation { get; }

    /// <summary>Whether the code is <see cref="ResultCode.Success"/>.</summary>
    public bool IsSuccess => Code == ResultCode.Success;

    /// <summary>
    /// The message upstream's <c>AsError()</c> yields: empty on success, reasons joined by <c>", "</c> for
    /// Unschedulable and by <c>","</c> for Error.
    /// </summary>
    public string Message => Code switch
    {
        ResultCode.Success => "",
        ResultCode.Error => string.Join(',', Reasons),
        _ => string.Join(", ", Reasons),
    };

    /// <summary>The binding cannot go to the cluster.</summary>
    /// <param name="reason">The upstream-worded reason.</param>
    /// <param name="explanation">A short phrase for people; defaults to the reason.</param>
    public static FilterResult Unschedulable(string reason, string? explanation = null) =>
        new(ResultCode.Unschedulable, [reason], explanation ?? reason);

    /// <summary>The plugin failed.</summary>
    public static FilterResult Error(string reason) => new(ResultCode.Error, [reason], reason);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? "Success" : $"{Code}: {Message}";
}
