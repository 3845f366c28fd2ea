using System.Collections.Concurrent;
using CustomerNeeds.Api.Tests.Infrastructure;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Merge;

/// <summary>A merge while many interactions are recorded on both customers loses nothing and duplicates nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentMergeTests(ServerFixture fixture)
{
    private const int Writers = 8;
    private const int PerWriter = 40;

    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Every_acknowledged_interaction_is_found_through_the_target_once()
    {
        var (source, _) = await api.CreateCustomerAsync();
        var (target, _) = await api.CreateCustomerAsync();
        var acknowledged = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<string>();
        var enoughWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WriteAsync(int writer)
        {
            // Even writers write to the source, odd ones to the target.
            var customer = writer % 2 == 0 ? source : target;
            for (var n = 0; n < PerWriter; n++)
            {
                var id = $"w{writer}-{n}";
                try
                {
                    await api.RecordAsync(customer, TestData.Inquiry(id, TestData.AtMs((writer * PerWriter) + n)));
                    acknowledged[id] = customer;
                    if (acknowledged.Count >= Writers * 3)
                    {
                        enoughWritten.TrySetResult();
                    }
                }
                catch (RpcException e)
                {
                    failures.Add($"{id}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w))).ToArray();
        await enoughWritten.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var merged = await api.MergeAsync(source, target);
        await Task.WhenAll(writers);

        Assert.Empty(failures);
        Assert.Equal(Writers * PerWriter, acknowledged.Count);
        Assert.True(acknowledged.Count(a => a.Value == source) > 0);
        Assert.Equal(TestData.CustomerName(target), merged.Name);

        var history = await api.ListAllInteractionsAsync(target, pageSize: 37);
        var ids = history.Select(i => i.InteractionId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(acknowledged.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(Writers * PerWriter, (await api.GetCustomerAsync(target)).Lifetime.InteractionCount);

        // Both paths were taken: written to the source before the seal, and forwarded to the target after it.
        var sentToSource = history.Where(i => acknowledged[i.InteractionId] == source).ToList();
        Assert.Contains(sentToSource, i => i.OriginCustomer == TestData.CustomerName(source));
        Assert.Contains(sentToSource, i => i.OriginCustomer == "");

        // Retries of what was first sent to the source are replays, through either id, and add nothing.
        foreach (var (id, customer) in acknowledged.Where(a => a.Value == source).Take(20))
        {
            var writer = int.Parse(id[1..id.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            var n = int.Parse(id[(id.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var again = TestData.Inquiry(id, TestData.AtMs((writer * PerWriter) + n));
            Assert.True((await api.RecordAsync(source, again)).Replayed, id);
            Assert.True((await api.RecordAsync(target, again)).Replayed, id);
        }

        Assert.Equal(Writers * PerWriter, (await api.ListAllInteractionsAsync(target)).Count);
    }
}
