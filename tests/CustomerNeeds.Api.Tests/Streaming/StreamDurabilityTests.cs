using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Rpc;
using Grpc.Core;
using Result = CustomerNeeds.Api.V1.StreamInteractionsResponse.Types.Result;

namespace CustomerNeeds.Api.Tests.Streaming;

/// <summary>StreamInteractions on a server of its own: answered CREATED survives SIGKILL; a storage outage is an error per item.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class StreamDurabilityTests
{
    [Fact]
    public async Task Every_item_answered_created_survives_a_sigkill_in_the_middle_of_the_stream()
    {
        const int count = 2000;
        const int answeredBeforeKill = 800;
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var customers = await api.CreateCustomersAsync(40);

        var items = Enumerable.Range(0, count)
            .Select(i => StreamCalls.Item(customers[i % customers.Count], TestData.Purchase($"k-{i:D4}", TestData.AtMs(i * 1000L), TestData.Eur(3))))
            .ToList();

        // Kill while the stream is running: hundreds of items are in flight when the process dies.
        var answers = new List<StreamInteractionsResponse>();
        using (var call = api.Interactions.StreamInteractions(deadline: Calls.Deadline(300)))
        {
            var sending = StreamCalls.SendAllAsync(call.RequestStream, items);
            while (answers.Count < answeredBeforeKill && await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                answers.Add(call.ResponseStream.Current);
            }

            await own.Server.KillAsync();
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await sending;
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            });
        }

        await own.Server.RestartAsync();

        StreamCalls.AssertOnePerItemInOrder(answeredBeforeKill, answers);
        Assert.All(answers, a => Assert.Equal(Result.Created, a.Result));
        var storedAtKill = await StreamCalls.CountInteractionRowsAsync(own.Database.DataSource, customers);
        Assert.True(storedAtKill >= answeredBeforeKill, $"{answeredBeforeKill} items were answered CREATED, but only {storedAtKill} are in the log.");

        await api.AssertReadBackAsync(items, answers);

        // The whole stream again: what was answered is a duplicate; in the end every item is stored exactly once.
        var again = await api.StreamAsync(items);
        StreamCalls.AssertOnePerItemInOrder(count, again);
        Assert.All(answers, a => Assert.Equal(Result.Duplicate, again[(int)a.Index].Result));
        Assert.Equal(count - storedAtKill, again.Count(a => a.Result == Result.Created));
        Assert.Equal(count, await StreamCalls.CountInteractionRowsAsync(own.Database.DataSource, customers));
        foreach (var customer in customers)
        {
            var summary = await api.GetCustomerAsync(customer);
            Assert.Equal(count / customers.Count, summary.Lifetime.PurchaseCount);
            Assert.Equal(TestData.Eur(3 * count / customers.Count), summary.Lifetime.LifetimeSpend);
        }
    }

    [Fact]
    public async Task While_the_database_refuses_connections_items_are_answered_unavailable_and_the_stream_ends_ok()
    {
        await using var own = await OwnServer.StartAsync();
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(id, TestData.Inquiry("before", TestData.At(TimeSpan.FromHours(1))));
        var items = Enumerable.Range(0, 5)
            .Select(i => StreamCalls.Item(id, TestData.Inquiry($"u-{i}", TestData.At(TimeSpan.FromHours(2 + i)))))
            .ToList();

        List<StreamInteractionsResponse> answers;
        await DatabaseOutage.SetConnectionsAllowedAsync(own.Database.Name, allowed: false);
        try
        {
            answers = await api.StreamAsync(items);

            // The grain deactivated after the first failed commit; its reactivation cannot read the
            // snapshot either: still UNAVAILABLE (not INTERNAL), for unary calls too.
            await RpcAssert.FailsAsync(StatusCode.Unavailable, () => api.RecordAsync(id, items[0].Interaction));
        }
        finally
        {
            await DatabaseOutage.SetConnectionsAllowedAsync(own.Database.Name, allowed: true);
        }

        StreamCalls.AssertOnePerItemInOrder(items.Count, answers);
        Assert.All(answers, a => StreamCalls.AssertError(a, Code.Unavailable));

        var retried = await RetryUntilStoredAsync(api, items);
        Assert.All(retried, a => Assert.Equal(Result.Created, a.Result));
        Assert.Equal(1 + items.Count, await Calls.CountInteractionRowsAsync(own.Database.DataSource, id));
    }

    /// <summary>Sends the items again until none is UNAVAILABLE (the grain reloads once the database is back).</summary>
    private static async Task<List<StreamInteractionsResponse>> RetryUntilStoredAsync(ApiClients api, IReadOnlyList<StreamInteractionsRequest> items)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answers = await api.StreamAsync(items);
            if (answers.All(a => a.Result != Result.Error) || attempt == 30)
            {
                return answers;
            }

            Assert.All(answers.Where(a => a.Result == Result.Error), a => Assert.Equal((int)Code.Unavailable, a.Error.Code));
            await Task.Delay(1000);
        }
    }
}
