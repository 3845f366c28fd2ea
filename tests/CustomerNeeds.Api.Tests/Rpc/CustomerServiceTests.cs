using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Rpc;

/// <summary>CreateCustomer, GetCustomer and UpdateCustomer happy paths.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerServiceTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Create_returns_the_profile_with_name_times_and_etag_and_get_returns_the_same()
    {
        var profile = TestData.FullProfile();
        var (id, created) = await api.CreateCustomerAsync(profile);

        Assert.Equal(TestData.CustomerName(id), created.Name);
        Assert.Equal(profile, TestData.ProfileOf(created));
        Assert.NotNull(created.CreateTime);
        Assert.NotNull(created.UpdateTime);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(0, created.OpenComplaintCount);
        Assert.Empty(created.RecentInteractions);
        Assert.Empty(created.TopNeeds);
        Assert.Equal(0, created.Lifetime?.InteractionCount ?? 0);
        Assert.Equal(0, created.Lifetime?.PurchaseCount ?? 0);

        var read = await api.GetCustomerAsync(id);
        Assert.Equal(profile, TestData.ProfileOf(read));
        Assert.Equal(created.Name, read.Name);
        Assert.Equal(created.CreateTime, read.CreateTime);
        Assert.Equal(created.UpdateTime, read.UpdateTime);
        Assert.Equal(created.Etag, read.Etag);
    }

    [Fact]
    public async Task Create_ignores_output_only_fields_and_name()
    {
        var profile = TestData.MinimalProfile();
        profile.Name = "customers/someone-else";
        profile.OpenComplaintCount = 7;
        profile.Etag = "bogus";
        profile.Lifetime = new LifetimeCounters { InteractionCount = 99 };
        var (id, created) = await api.CreateCustomerAsync(profile);

        Assert.Equal(TestData.CustomerName(id), created.Name);
        Assert.Equal(0, created.OpenComplaintCount);
        Assert.NotEqual("bogus", created.Etag);
        Assert.Equal(0, created.Lifetime?.InteractionCount ?? 0);
    }

    [Fact]
    public async Task Update_replaces_only_the_masked_fields_and_changes_the_etag()
    {
        var (id, created) = await api.CreateCustomerAsync(TestData.FullProfile());

        var change = new Customer
        {
            Name = TestData.CustomerName(id),
            Etag = created.Etag,
            DisplayName = "ACME Holding AG",
            Region = "EMEA",          // not in the mask: must stay "CH-ZH"
            Industry = "",            // in the mask and empty: cleared
        };
        change.Tags.Add("strategic");
        var mask = new FieldMask();
        mask.Paths.Add(["display_name", "tags", "industry"]);
        var updated = await api.Customers.UpdateCustomerAsync(new UpdateCustomerRequest { Customer = change, UpdateMask = mask }, deadline: Calls.Deadline());

        Assert.Equal("ACME Holding AG", updated.DisplayName);
        Assert.Equal(new[] { "strategic" }, updated.Tags);
        Assert.Equal("", updated.Industry);
        Assert.Equal("CH-ZH", updated.Region);
        Assert.Equal(created.ContactPersons, updated.ContactPersons);
        Assert.Equal(created.ExternalIds, updated.ExternalIds);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(created.CreateTime, updated.CreateTime);
        Assert.True(updated.UpdateTime >= created.UpdateTime);

        var read = await api.GetCustomerAsync(id);
        Assert.Equal(TestData.ProfileOf(updated), TestData.ProfileOf(read));
        Assert.Equal(updated.Etag, read.Etag);
    }

    [Fact]
    public async Task Update_with_an_empty_etag_is_unconditional_and_replaces_repeated_and_map_fields_whole()
    {
        var (id, created) = await api.CreateCustomerAsync(TestData.FullProfile());

        var change = new Customer { Name = TestData.CustomerName(id), Kind = CustomerKind.External };
        change.ContactPersons.Add(new ContactPerson { DisplayName = "Dora Frei", DecisionRole = DecisionRole.DelegatedDecisionMaker });
        change.Attributes.Add("segment", "b2c");
        var mask = new FieldMask();
        mask.Paths.Add(["contact_persons", "attributes", "kind", "phone_numbers"]);
        var updated = await api.Customers.UpdateCustomerAsync(new UpdateCustomerRequest { Customer = change, UpdateMask = mask }, deadline: Calls.Deadline());

        Assert.Equal(CustomerKind.External, updated.Kind);
        Assert.Single(updated.ContactPersons);
        Assert.Equal("Dora Frei", updated.ContactPersons[0].DisplayName);
        Assert.Equal(new Dictionary<string, string> { ["segment"] = "b2c" }, updated.Attributes.ToDictionary());
        Assert.Empty(updated.PhoneNumbers);
        Assert.Equal(created.EmailAddresses, updated.EmailAddresses);
        Assert.NotEqual(created.Etag, updated.Etag);
    }
}
