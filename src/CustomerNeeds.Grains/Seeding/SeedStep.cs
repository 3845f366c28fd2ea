namespace CustomerNeeds.Grains.Seeding;

/// <summary>One command of a synthetic history and the instant it is decided at.</summary>
/// <param name="At">The decision time (the command's "now").</param>
/// <param name="Command">A domain command: CreateCustomer, CreateNeed, UpdateNeed, RecordInteraction or TransitionComplaint.</param>
public sealed record SeedStep(DateTimeOffset At, object Command);
