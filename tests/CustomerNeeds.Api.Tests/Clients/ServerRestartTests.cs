using System.Collections.Concurrent;
using System.Globalization;
using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Client;

namespace CustomerNeeds.Api.Tests.Clients;

/// <summary>
/// RecordInteraction through the channel of src/CustomerNeeds.Client while its only server is killed (SIGKILL)
/// and started again: calls in flight fail UNAVAILABLE and are retried, calls made while it is down wait for it,
/// and every interaction ends up stored exactly once.
/// </summary>
public sealed class ServerRestartTests
{
    private const int Writers = 8;

    [Fact]
    public async Task Every_interaction_recorded_across_a_kill_and_restart_succeeds_and_is_stored_exactly_once()
    {
        await using var own = await OwnServer.StartAsync();
        var (customerId, _) = await own.Clients.CreateCustomerAsync();
        using var channel = CustomerNeedsChannel.Create(new CustomerNeedsClientOptions
        {
            Addresses = [own.Server.Address],
            BearerToken = TestTokens.Default,
            DefaultDeadline = TimeSpan.FromSeconds(90),
        });
        var interactions = new InteractionService.InteractionServiceClient(channel.CallInvoker);

        var acked = new ConcurrentBag<string>();
        var retried = 0;
        var failures = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var sequence = 0;
        async Task WriteUntilStoppedAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var id = "r-" + Interlocked.Increment(ref sequence).ToString(CultureInfo.InvariantCulture);
                var request = new RecordInteractionRequest { Parent = TestData.CustomerName(customerId), Interaction = TestData.Inquiry(id, TestData.AtMs(sequence)) };
                try
                {
                    using var call = interactions.RecordInteractionAsync(request);
                    await call.ResponseAsync;
                    if ((await call.ResponseHeadersAsync).GetValue("grpc-previous-rpc-attempts") is not null)
                    {
                        Interlocked.Increment(ref retried);
                    }

                    acked.Add(id);
                }
                catch (Grpc.Core.RpcException e)
                {
                    failures.Add($"{id}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteUntilStoppedAsync)).ToList();
        await WaitForAsync(() => acked.Count >= 200);

        // SIGKILL with calls in flight; the writers go on calling while the server is down.
        await own.Server.KillAsync();
        var beforeRestart = acked.Count;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await own.Server.RestartAsync();
        await WaitForAsync(() => acked.Count >= beforeRestart + 200);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.True(retried > 0, "no call was in flight at the kill: the test did not exercise a retry");

        // Exactly once: every acknowledged id is stored, once; nothing else is.
        var stored = await own.Clients.ListAllInteractionsAsync(customerId);
        var storedIds = stored.Select(i => i.InteractionId).ToList();
        Assert.Equal(storedIds.Count, storedIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(acked.Order(StringComparer.Ordinal), storedIds.Order(StringComparer.Ordinal));
        Assert.Equal(acked.Count, await Calls.CountInteractionRowsAsync(own.Database.DataSource, customerId));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The writers made no progress within 60 s.");
            }

            await Task.Delay(20);
        }
    }
}
