using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>
/// The retention sweep (docs/privacy.md, Retention) on a real server: interactions older than the
/// retention lose their personal fields in the state and in the log, recent ones keep them, and no
/// figure changes; later runs change nothing.
/// </summary>
public sealed class RetentionSweepTests
{
    [Fact]
    public async Task Old_interactions_are_anonymised_recent_ones_kept_and_the_figures_do_not_change()
    {
        await using var own = await OwnServer.StartAsync(new Dictionary<string, string>
        {
            ["CustomerNeeds__Privacy__RetentionSweepEnabled"] = "true",
            ["CustomerNeeds__Privacy__InteractionRetention"] = "30.00:00:00",
            ["CustomerNeeds__Privacy__RetentionSweepFirstRunDelay"] = "00:00:02",
            ["CustomerNeeds__Privacy__RetentionSweepInterval"] = "00:00:00.500",
        });
        var api = own.Clients;
        var ds = own.Database.DataSource;
        var now = DateTimeOffset.UtcNow;
        var profile = TestData.MinimalProfile("Olga Old");
        profile.ContactPersons.Add(new ContactPerson { DisplayName = "Olga's Assistant", DecisionRole = DecisionRole.Influencer });
        var (id, _) = await api.CreateCustomerAsync(profile);
        var old = TestData.Inquiry("old-1", Timestamp.FromDateTimeOffset(now.AddDays(-40)));
        old.ContactPerson = "Olga's Assistant";
        old.Csat = 2;
        old.Sentiment = Sentiment.Negative;
        await api.RecordAsync(id, old);
        await api.RecordAsync(id, TestData.Purchase("old-2", Timestamp.FromDateTimeOffset(now.AddDays(-35)), TestData.Eur(300)));
        await api.RecordAsync(id, TestData.Purchase("new-1", Timestamp.FromDateTimeOffset(now.AddDays(-5)), TestData.Eur(50)));
        var before = await api.GetCustomerAsync(id);
        var loyaltyBefore = await LoyaltyAsync(api, id);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync(ds, "SELECT count(*) FROM customer_events WHERE customer_id = $1 AND anonymised", id) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "The sweep did not anonymise the old interactions within 60 s.");
            await Task.Delay(200);
        }

        // Read back through the API: the old ones without summary and contact person, the figures kept.
        var stripped = await api.GetInteractionAsync(id, "old-1");
        Assert.Equal("", stripped.Summary);
        Assert.Equal("", stripped.ContactPerson);
        Assert.Equal(2, stripped.Csat);
        Assert.Equal(Sentiment.Negative, stripped.Sentiment);
        Assert.Equal(InteractionChannel.Phone, stripped.Channel);
        Assert.Equal(old.OccurTime, stripped.OccurTime);
        var purchase = await api.GetInteractionAsync(id, "old-2");
        Assert.Equal("", purchase.Summary);
        Assert.Equal(300, purchase.Amount.Units);
        Assert.Equal("Bought goods.", (await api.GetInteractionAsync(id, "new-1")).Summary);
        var (listed, _) = await api.ListAllInteractionsAsync(new ListInteractionsRequest { Parent = TestData.CustomerName(id) });
        Assert.Equal(["", "", "Bought goods."], listed.OrderBy(i => i.OccurTime).Select(i => i.Summary));

        // The customer's recent interactions (state) are stripped too; lifetime figures and loyalty unchanged.
        var after = await api.GetCustomerAsync(id);
        Assert.Equal(["", "", "Bought goods."], after.RecentInteractions.OrderBy(i => i.OccurTime).Select(i => i.Summary));
        Assert.Equal(before.Lifetime, after.Lifetime);
        Assert.Equal(before.Satisfaction, after.Satisfaction);
        var loyaltyAfter = await LoyaltyAsync(api, id);
        Assert.Equal(loyaltyBefore.Tier, loyaltyAfter.Tier);
        Assert.Equal(loyaltyBefore.LadderStage, loyaltyAfter.LadderStage);
        Assert.Equal(
            ["customer-created", "interaction-recorded", "interaction-recorded", "interaction-recorded", "interactions-anonymised"],
            (await TypesAsync(ds, id)).Where(t => t != "tier-changed"));
        Assert.DoesNotContain("Olga's Assistant", await PayloadsAsync(ds, id), StringComparison.Ordinal);

        // More runs: nothing more is written.
        var events = await TypesAsync(ds, id);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(events, await TypesAsync(ds, id));
        Assert.Equal(2, await CountAsync(ds, "SELECT count(*) FROM customer_events WHERE customer_id = $1 AND anonymised", id));

        // After a restart the state is read back stripped (snapshot and log agree).
        await own.KillAndRestartAsync();
        Assert.Equal(["", "", "Bought goods."], (await api.GetCustomerAsync(id)).RecentInteractions.OrderBy(i => i.OccurTime).Select(i => i.Summary));
    }

    private static Task<Loyalty> LoyaltyAsync(ApiClients api, string customerId) =>
        api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = TestData.LoyaltyName(customerId) }, deadline: Calls.Deadline()).ResponseAsync;

    private static async Task<long> CountAsync(NpgsqlDataSource ds, string sql, string customerId) =>
        await ErasureCalls.CountAsync(ds, sql, customerId);

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

    private static async Task<string> PayloadsAsync(NpgsqlDataSource ds, string customerId)
    {
        await using var command = ds.CreateCommand("SELECT string_agg(payload::text, '\n') FROM customer_events WHERE customer_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
