namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>Why the appender refused an append without trying it.</summary>
public enum AppendRefusal
{
    /// <summary>The queue is full while PostgreSQL answers: the server is overloaded; retry later.</summary>
    QueueFull = 1,

    /// <summary>The queue is full and the last batch failed on a storage error: PostgreSQL is down.</summary>
    StorageUnavailable = 2,

    /// <summary>The appender is shutting down.</summary>
    ShuttingDown = 3,
}

/// <summary>The append was refused before it was tried: nothing of it was written.</summary>
public sealed class AppendRefusedException(AppendRefusal refusal, string message) : Exception(message)
{
    /// <summary>Why.</summary>
    public AppendRefusal Refusal { get; } = refusal;
}
