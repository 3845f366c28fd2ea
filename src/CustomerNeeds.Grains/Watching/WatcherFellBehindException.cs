namespace CustomerNeeds.Grains.Watching;

/// <summary>A watcher did not keep up: more than the buffered commits were waiting for it.</summary>
public sealed class WatcherFellBehindException(long lastDelivered, int bufferedCommits)
    : Exception($"The watcher fell behind by more than {bufferedCommits} commits; resume with after_sequence set to the last sequence received (the server delivered up to {lastDelivered}).")
{
    /// <summary>The last sequence handed to the caller's stream.</summary>
    public long LastDelivered { get; } = lastDelivered;
}
