namespace CustomerNeeds.Grains.Watching;

/// <summary>A watch asked to resume after a sequence the customer's log has not reached.</summary>
public sealed class WatchResumeOutOfRangeException(long afterSequence, long lastSequence)
    : Exception($"after_sequence {afterSequence} is beyond the customer's last sequence {lastSequence}.")
{
    public long AfterSequence { get; } = afterSequence;

    public long LastSequence { get; } = lastSequence;
}
