namespace CustomerNeeds.Abstractions;

/// <summary>
/// The caller's deadline, carried with every grain call of a request in the Orleans request context
/// (docs/security.md, "Deadlines"): a write whose deadline has passed is not started.
/// </summary>
public static class CallDeadline
{
    private const string Key = "cn-deadline";

    /// <summary>Sets the deadline of the calls this request makes from here on.</summary>
    public static void Set(DateTimeOffset deadline) => RequestContext.Set(Key, deadline.UtcTicks);

    /// <summary>The deadline of the current grain call, or null when the caller set none.</summary>
    public static DateTimeOffset? Current =>
        RequestContext.Get(Key) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
