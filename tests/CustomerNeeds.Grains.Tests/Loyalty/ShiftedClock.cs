namespace CustomerNeeds.Grains.Tests.Loyalty;

/// <summary>
/// The silo's wall clock, shifted forward by <see cref="Offset"/> from the system clock (timers and
/// timestamps stay the system's): a test moves it on as the days of silence pass. Never backward:
/// Orleans schedules activation collection on this clock and refuses times in the past.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    public static ShiftedClock Instance { get; } = new();

    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
