namespace Karmada.Scheduler.Assignment;

/// <summary>How a dynamic assignment treats the previous result.</summary>
public enum AssignmentMode
{
    /// <summary>Keep the existing distribution and change only what the new replica count requires.</summary>
    Steady,

    /// <summary>Ignore the previous result and divide everything again (<c>rescheduleTriggeredAt</c> is newer than the last schedule).</summary>
    Fresh,
}
