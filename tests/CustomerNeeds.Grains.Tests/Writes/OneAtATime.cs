using System.Runtime.CompilerServices;

namespace CustomerNeeds.Grains.Tests.Writes;

/// <summary>
/// Runs the rest of a test method, and every continuation it awaits, one at a time on one
/// exclusive scheduler, the way Orleans runs a grain's turns. The write pipeline is built for that
/// (no locks), so tests that drive it from outside a silo must do the same.
/// </summary>
internal readonly struct OneAtATime(TaskScheduler scheduler) : INotifyCompletion
{
    public static OneAtATime Switch(TaskScheduler scheduler) => new(scheduler);

    public OneAtATime GetAwaiter() => this;

    public bool IsCompleted => false;

    public void OnCompleted(Action continuation) =>
        Task.Factory.StartNew(continuation, CancellationToken.None, TaskCreationOptions.None, scheduler);

    public void GetResult()
    {
    }
}
