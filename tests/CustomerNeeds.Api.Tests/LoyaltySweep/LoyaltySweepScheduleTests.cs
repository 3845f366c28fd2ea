using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace CustomerNeeds.Api.Tests.LoyaltySweep;

/// <summary>The server's loyalty sweep schedule: a silent customer is reviewed once, a recent one never.</summary>
public sealed class LoyaltySweepScheduleTests
{
    [Fact]
    public async Task The_schedule_reviews_the_silent_customer_once_and_leaves_the_recent_one_alone()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__Loyalty__LoyaltySweepEnabled"] = "true",
            ["CustomerNeeds__Loyalty__LoyaltySweepFirstRunDelay"] = "00:00:00.200",
            ["CustomerNeeds__Loyalty__LoyaltySweepInterval"] = "00:00:00.500",
        });
        var api = own.Clients;
        var now = DateTimeOffset.UtcNow;
        var (silent, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(silent, TestData.Inquiry("i-1", Timestamp.FromDateTimeOffset(now.AddDays(-100))));
        var (recent, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(recent, TestData.Inquiry("i-1", Timestamp.FromDateTimeOffset(now.AddDays(-1))));
        var ds = own.Database.DataSource;
        Assert.Equal(Dormancy.SemiDormant, (await LoyaltyAsync(api, silent)).Dormancy);
        Assert.Equal(Dormancy.Active, (await LoyaltyAsync(api, recent)).Dormancy);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await TypesAsync(ds, silent)).Contains("dormancy-changed"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The sweep did not review the silent customer within 60 s.");
            await Task.Delay(200);
        }

        // Several more runs: nothing more is written for either customer.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(["customer-created", "tier-changed", "interaction-recorded", "dormancy-changed"], await TypesAsync(ds, silent));
        Assert.Equal(["customer-created", "tier-changed", "interaction-recorded"], await TypesAsync(ds, recent));

        await using var command = ds.CreateCommand("SELECT next_review_at > now() FROM customer_summaries WHERE customer_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = silent });
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    private static Task<Loyalty> LoyaltyAsync(ApiClients api, string customerId) =>
        api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = TestData.LoyaltyName(customerId) }, deadline: Calls.Deadline()).ResponseAsync;

    private static async Task<List<string>> TypesAsync(NpgsqlDataSource ds, string customerId)
    {
        await using var command = ds.CreateCommand("SELECT event_type FROM customer_events WHERE customer_id = $1 ORDER BY sequence");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }
}
