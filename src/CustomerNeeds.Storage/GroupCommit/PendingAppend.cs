namespace CustomerNeeds.Storage.GroupCommit;

/// <summary>An append waiting in the appender's queue, and the caller waiting for its commit.</summary>
internal sealed class PendingAppend(CustomerAppend append)
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CustomerAppend Append { get; } = append;

    /// <summary>Completes when the append is committed, or fails with why it was not.</summary>
    public Task Committed => completion.Task;

    public void Commit() => completion.TrySetResult();

    public void Fail(Exception error) => completion.TrySetException(error);
}
