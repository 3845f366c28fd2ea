using CustomerNeeds.Api.Tests.Infrastructure;

namespace CustomerNeeds.Api.Tests.Merge;

/// <summary>An interaction may name one of a business customer's contact persons.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContactPersonTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task A_contact_person_of_a_business_customer_is_stored_and_returned()
    {
        var (id, _) = await api.CreateCustomerAsync(TestData.FullProfile());
        var call = TestData.Inquiry("cp-1", TestData.At(TimeSpan.FromHours(1)));
        call.ContactPerson = "Bea Keller";

        var recorded = await api.RecordAsync(id, call);

        Assert.Equal("Bea Keller", recorded.Interaction.ContactPerson);
        Assert.Equal("Bea Keller", (await api.GetInteractionAsync(id, "cp-1")).ContactPerson);
        Assert.Equal("Bea Keller", Assert.Single(await api.ListAllInteractionsAsync(id)).ContactPerson);
        Assert.True((await api.RecordAsync(id, call)).Replayed);
    }

    [Fact]
    public async Task An_unknown_person_or_a_customer_without_contact_persons_is_invalid_and_records_nothing()
    {
        var (company, _) = await api.CreateCustomerAsync(TestData.FullProfile());
        var (person, _) = await api.CreateCustomerAsync(TestData.MinimalProfile());
        var unknown = TestData.Inquiry("cp-2", TestData.At(TimeSpan.FromHours(1)));
        unknown.ContactPerson = "Dora Unknown";
        var named = TestData.Inquiry("cp-3", TestData.At(TimeSpan.FromHours(1)));
        named.ContactPerson = "Bea Keller";
        var tooLong = TestData.Inquiry("cp-4", TestData.At(TimeSpan.FromHours(1)));
        tooLong.ContactPerson = new string('x', 201);

        await RpcAssert.InvalidAsync(() => api.RecordAsync(company, unknown), "interaction.contact_person");
        await RpcAssert.InvalidAsync(() => api.RecordAsync(person, named), "interaction.contact_person");
        await RpcAssert.InvalidAsync(() => api.RecordAsync(company, tooLong), "interaction.contact_person");
        Assert.Empty(await api.ListAllInteractionsAsync(company));
        Assert.Empty(await api.ListAllInteractionsAsync(person));
    }
}
