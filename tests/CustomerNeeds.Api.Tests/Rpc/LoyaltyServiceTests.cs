using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Rpc;

/// <summary>GetLoyalty and SetTierFloor happy paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class LoyaltyServiceTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private Task<Loyalty> GetAsync(string id) =>
        api.Loyalty.GetLoyaltyAsync(new GetLoyaltyRequest { Name = TestData.LoyaltyName(id) }, deadline: Calls.Deadline()).ResponseAsync;

    private Task<Loyalty> FloorAsync(string id, string tier, string reason = "key account") =>
        api.Loyalty.SetTierFloorAsync(new SetTierFloorRequest { Name = TestData.LoyaltyName(id), Tier = tier, Reason = reason, Actor = "manager:dan" }, deadline: Calls.Deadline()).ResponseAsync;

    [Fact]
    public async Task Get_returns_rfm_values_over_the_recorded_purchases()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var empty = await GetAsync(id);
        Assert.Equal(TestData.LoyaltyName(id), empty.Name);
        Assert.NotNull(empty.EvaluateTime);
        Assert.NotNull(empty.Rfm);
        Assert.NotNull(empty.Rfm.Window);
        Assert.True(empty.Rfm.Window.Seconds > 0);
        Assert.Equal(0, empty.Rfm.PurchaseCount);
        Assert.Null(empty.Rfm.LastPurchaseTime);
        Assert.False(empty.Rfm.HasDaysSinceLastPurchase);
        Assert.NotNull(empty.ChurnRisk);
        Assert.InRange(empty.ChurnRisk.Score, 0, 1);

        var last = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
        await api.RecordAsync(id, TestData.Purchase("p-1", Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(last.AddDays(-20)), TestData.Eur(10, 250_000_000)));
        await api.RecordAsync(id, TestData.Purchase("p-2", Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(last.AddDays(-10)), TestData.Eur(20)));
        await api.RecordAsync(id, TestData.Purchase("p-3", Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(last), TestData.Eur(0, 750_000_000)));

        var loyalty = await GetAsync(id);
        Assert.Equal(3, loyalty.Rfm.PurchaseCount);
        Assert.Equal(TestData.Eur(31), loyalty.Rfm.Spend);
        Assert.Equal(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(last), loyalty.Rfm.LastPurchaseTime);
        Assert.True(loyalty.Rfm.HasDaysSinceLastPurchase);
        Assert.Equal(0, loyalty.Rfm.DaysSinceLastPurchase);
        Assert.NotEqual(LadderStage.Unspecified, loyalty.LadderStage);
        Assert.All(loyalty.TierHistory, change => Assert.False(string.IsNullOrWhiteSpace(change.Reason), "a tier change without a reason"));

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(loyalty.Tier, customer.Loyalty.Tier);
        Assert.Equal(loyalty.LadderStage, customer.Loyalty.LadderStage);
        Assert.Equal(loyalty.ChurnRisk.Level, customer.Loyalty.ChurnRiskLevel);
    }

    [Fact]
    public async Task A_tier_floor_raises_the_tier_at_once_and_the_tier_never_drops_below_it()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var before = await GetAsync(id);
        Assert.NotEqual("gold", before.Tier);

        var floored = await FloorAsync(id, "gold", "strategic partner, agreed with sales");
        Assert.Equal("gold", floored.Tier);
        Assert.Equal("gold", floored.TierFloor);
        Assert.Equal("strategic partner, agreed with sales", floored.TierFloorReason);
        Assert.Equal("manager:dan", floored.TierFloorActor);
        Assert.NotNull(floored.TierFloorSetTime);
        var change = floored.TierHistory[^1];
        Assert.Equal(before.Tier, change.FromTier);
        Assert.Equal("gold", change.ToTier);
        Assert.Contains("strategic partner, agreed with sales", change.Reason, StringComparison.Ordinal);
        Assert.Equal("manager:dan", change.Actor);
        Assert.NotNull(change.ChangeTime);
        Assert.All(floored.TierHistory, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason), "a tier change without a reason"));

        // Small purchases and a detractor: still gold.
        await api.RecordAsync(id, TestData.Purchase("p-1", TestData.At(TimeSpan.FromHours(1)), TestData.Eur(1)));
        await api.RecordAsync(id, TestData.Survey("s-1", TestData.At(TimeSpan.FromHours(2)), csat: 1, nps: 0));
        var after = await GetAsync(id);
        Assert.Equal("gold", after.Tier);
        Assert.Equal("gold", (await api.GetCustomerAsync(id)).Loyalty.Tier);

        // Setting the same floor again changes nothing.
        var again = await FloorAsync(id, "gold", "strategic partner, agreed with sales");
        Assert.Equal("gold", again.Tier);
        Assert.Equal(after.TierHistory.Count, again.TierHistory.Count);

        // Clearing the floor.
        var cleared = await FloorAsync(id, "", "partnership ended");
        Assert.Equal("", cleared.TierFloor);
        Assert.Equal("", cleared.TierFloorReason);
        Assert.Null(cleared.TierFloorSetTime);
    }
}
