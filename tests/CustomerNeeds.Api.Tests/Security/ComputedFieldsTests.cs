using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>A caller cannot set what the service computes (tier, ladder stage, churn risk, satisfaction, counters) except through the methods meant for it.</summary>
[Collection(ApiCollection.Name)]
public sealed class ComputedFieldsTests(ServerFixture fixture)
{
    [Fact]
    public async Task CreateCustomer_ignores_computed_fields_sent_by_the_caller()
    {
        var profile = TestData.MinimalProfile();
        profile.Loyalty = new LoyaltySummary { Tier = "platinum", LadderStage = LadderStage.Partner, ChurnRiskScore = 0.01, ChurnRiskLevel = ChurnRiskLevel.Low };
        profile.Satisfaction = new SatisfactionSummary { CsatMean = 5, CsatCount = 100, NpsScore = 100 };
        profile.Lifetime = new LifetimeCounters { InteractionCount = 999, PurchaseCount = 999, ReferralCount = 50, LifetimeSpend = TestData.Eur(1_000_000) };
        profile.OpenComplaintCount = 7;
        profile.CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);
        profile.Etag = "12345";

        var (_, created) = await fixture.Clients.CreateCustomerAsync(profile);

        var (_, plain) = await fixture.Clients.CreateCustomerAsync(TestData.MinimalProfile());
        Assert.Equal(plain.Loyalty, created.Loyalty);
        Assert.NotEqual("platinum", created.Loyalty.Tier);
        Assert.Equal(0, created.Lifetime.InteractionCount);
        Assert.Equal(0, created.Lifetime.PurchaseCount);
        Assert.Equal(0, created.Lifetime.ReferralCount);
        Assert.Equal(0, created.Satisfaction.CsatCount);
        Assert.Equal(0, created.OpenComplaintCount);
        Assert.NotEqual("12345", created.Etag);
        Assert.True(created.CreateTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Theory]
    [InlineData("loyalty")]
    [InlineData("loyalty.tier")]
    [InlineData("satisfaction")]
    [InlineData("lifetime")]
    [InlineData("lifetime.purchase_count")]
    [InlineData("open_complaint_count")]
    [InlineData("consents")]
    [InlineData("create_time")]
    public async Task UpdateCustomer_refuses_a_computed_field_in_the_mask_and_changes_nothing(string path)
    {
        var (id, created) = await fixture.Clients.CreateCustomerAsync();
        var customer = new Customer { Name = TestData.CustomerName(id), Loyalty = new LoyaltySummary { Tier = "platinum" } };
        await RpcAssert.InvalidUnderAsync(
            () => fixture.Clients.Customers.UpdateCustomerAsync(new UpdateCustomerRequest { Customer = customer, UpdateMask = new FieldMask { Paths = { path } } }).ResponseAsync,
            "update_mask");
        var after = await fixture.Clients.GetCustomerAsync(id);
        Assert.Equal(created.Etag, after.Etag);
        Assert.Equal(created.Loyalty, after.Loyalty);
    }
}
