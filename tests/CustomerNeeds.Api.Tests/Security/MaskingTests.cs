using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Security;

/// <summary>An analyst sees the figures of customers, not who they are: every field marked personal_data is masked (docs/security.md, "Masking").</summary>
[Collection(ApiCollection.Name)]
public sealed class MaskingTests(ServerFixture fixture)
{
    [Fact]
    public async Task An_analyst_gets_personal_fields_masked_and_the_figures_unchanged_while_an_agent_sees_everything()
    {
        var agentApi = fixture.Clients;
        var tag = "t-" + Guid.NewGuid().ToString("N")[..12];
        var profile = TestData.FullProfile();
        profile.Tags.Add(tag);
        var (id, _) = await agentApi.CreateCustomerAsync(profile);
        await agentApi.RecordAsync(id, TestData.Purchase("p-1", TestData.AtMs(1000), TestData.Eur(120)));
        var inquiry = TestData.Inquiry("i-1", TestData.AtMs(2000));
        inquiry.Summary = "Anna asked about her order 4711 to Bahnhofstrasse 1";
        await agentApi.RecordAsync(id, inquiry);

        using var analystChannel = fixture.Server.NewChannel(TestTokens.Create(["analyst"], subject: "analyst-1"));
        var analyst = new ApiClients(analystChannel);
        var masked = await analyst.GetCustomerAsync(id);
        var full = await agentApi.GetCustomerAsync(id);

        Assert.Equal("ACME Ltd.", full.DisplayName);
        Assert.Equal("***", masked.DisplayName);
        Assert.Equal("***", masked.Location);
        Assert.Empty(masked.PhoneNumbers);
        Assert.Empty(masked.EmailAddresses);
        Assert.Empty(masked.ExternalIds);
        Assert.Empty(masked.ContactPersons);
        Assert.Empty(masked.Attributes);
        Assert.All(masked.RecentInteractions, i => Assert.True(i.Summary.Length == 0 || i.Summary == "***"));
        Assert.Contains(masked.RecentInteractions, i => i.Summary == "***");

        // Not personal: kind, region, industry, tags, the figures.
        Assert.Equal(full.Kind, masked.Kind);
        Assert.Equal(full.Region, masked.Region);
        Assert.Equal(full.Industry, masked.Industry);
        Assert.Equal(full.Tags, masked.Tags);
        Assert.Equal(full.Loyalty, masked.Loyalty);
        Assert.Equal(full.Lifetime, masked.Lifetime);
        Assert.Equal(full.Etag, masked.Etag);

        var interactions = await analyst.Interactions.ListInteractionsAsync(new ListInteractionsRequest { Parent = TestData.CustomerName(id) });
        Assert.Contains(interactions.Interactions, i => i.Summary == "***");
        Assert.DoesNotContain(interactions.Interactions, i => i.Summary.Contains("Anna", StringComparison.Ordinal));

        var search = await analyst.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = $"tags:\"{tag}\"", View = CustomerView.Full });
        var found = Assert.Single(search.Customers);
        Assert.Equal("***", found.DisplayName);
        Assert.Empty(found.EmailAddresses);
    }

    [Fact]
    public async Task An_analyst_may_not_search_or_sort_on_personal_fields()
    {
        using var analystChannel = fixture.Server.NewChannel(TestTokens.Create(["analyst"], subject: "analyst-2"));
        var analyst = new ApiClients(analystChannel);
        var ex = await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () => analyst.Customers
            .ListCustomersAsync(new ListCustomersRequest { Filter = "attributes.segment = \"b2b\"" }).ResponseAsync);
        Assert.Contains("attributes", ex.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () => analyst.Customers
            .ListCustomersAsync(new ListCustomersRequest { OrderBy = "display_name" }).ResponseAsync);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () => analyst.Segments.CreateSegmentAsync(new CreateSegmentRequest
        {
            SegmentId = "s-" + Guid.NewGuid().ToString("N")[..8],
            Segment = new Segment { DisplayName = "by attribute", Filter = "attributes:\"source\"" },
        }).ResponseAsync);

        // The same searches are open to an agent, and other fields to the analyst.
        await fixture.Clients.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = "attributes.segment = \"b2b\"", OrderBy = "display_name" });
        await analyst.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = "tags:\"vip\"", OrderBy = "create_time" });
    }
}
