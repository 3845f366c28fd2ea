namespace CustomerNeeds.Storage.Privacy;

/// <summary>One erasure: the customers whose data goes (the target first, then every customer merged into it).</summary>
/// <param name="CustomerIds">The customer ids; the first is the one the erasure was asked for.</param>
/// <param name="ReminderGrainIds">The Orleans grain ids (string form) under which these customers' reminders are stored.</param>
/// <param name="ErasedBy">Who asked, as the audit log names the caller.</param>
/// <param name="ErasedAt">When.</param>
public sealed record CustomerErasure(
    IReadOnlyList<string> CustomerIds,
    IReadOnlyList<string> ReminderGrainIds,
    string ErasedBy,
    DateTimeOffset ErasedAt);
