using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>The server's RFM schedule: a first run shortly after start-up, then again every interval, with the quintiles of the current summaries.</summary>
public sealed class RfmScheduleTests
{
    private static readonly DateTimeOffset Day0 = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_schedule_scores_the_population_and_rescores_it_after_a_change()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__ReadModel__RfmFirstRunDelay"] = "00:00:00.200",
            ["CustomerNeeds__ReadModel__RfmInterval"] = "00:00:01",
        });
        var ds = own.Database.DataSource;
        for (var i = 1; i <= 5; i++)
        {
            await ReadModelRows.SummaryAsync(ds, $"s{i}", purchaseCount: i, lifetimeSpend: 10 * i, lastPurchaseAt: Day0.AddDays(i));
        }

        var first = await WaitForScoreAsync(own.Clients, "s2", s => s.Recency == 2);
        Assert.Equal((2, 2, 2), (first.Recency, first.Frequency, first.Monetary));

        await using (var command = ds.CreateCommand("UPDATE customer_summaries SET purchase_count = 99, lifetime_spend = 9999, last_purchase_at = $1 WHERE customer_id = 's2'"))
        {
            command.Parameters.AddWithValue(Day0.AddDays(30));
            await command.ExecuteNonQueryAsync();
        }

        var second = await WaitForScoreAsync(own.Clients, "s2", s => s.Recency == 5);
        Assert.Equal((5, 5, 5), (second.Recency, second.Frequency, second.Monetary));
        Assert.True(second.ComputeTime > first.ComputeTime);
        Assert.Equal(4, (await WaitForScoreAsync(own.Clients, "s5", s => s.Recency == 4)).Monetary);
    }

    private static async Task<RfmScore> WaitForScoreAsync(ApiClients api, string customerId, Func<RfmScore, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var score = await api.Analytics.GetRfmScoreAsync(new GetRfmScoreRequest { Name = $"customers/{customerId}/rfmScore" }, deadline: Calls.Deadline());
                if (done(score))
                {
                    return score;
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"The RFM schedule did not score {customerId} as expected within 60 s.");
            await Task.Delay(200);
        }
    }
}
