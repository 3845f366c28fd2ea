using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>INVALID_ARGUMENT on the customer RPCs: exact field violations, nothing persisted.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerValidationTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    private Task Create(string customerId, Customer? customer) =>
        api.Customers.CreateCustomerAsync(new CreateCustomerRequest { CustomerId = customerId, Customer = customer }, deadline: Calls.Deadline()).ResponseAsync;

    private async Task AssertNotStoredAsync(string customerId)
    {
        Assert.Equal(0, await Calls.CountEventsAsync(fixture.Database.DataSource, customerId));
    }

    private async Task AssertNotFoundAsync(string customerId)
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetCustomerAsync(customerId));
        await AssertNotStoredAsync(customerId);
    }

    [Theory]
    [InlineData("bad id!")]
    [InlineData("c/slash")]
    [InlineData("ümlaut")]
    [InlineData("")]
    public async Task A_customer_id_off_the_pattern_is_rejected(string customerId)
    {
        await RpcAssert.InvalidAsync(() => Create(customerId, TestData.MinimalProfile()), "customer_id");
        await AssertNotStoredAsync(customerId);
    }

    [Fact]
    public async Task A_customer_id_of_129_characters_is_rejected_and_128_is_accepted()
    {
        var prefix = TestData.NewCustomerId(); // 34 characters
        var tooLong = prefix + new string('x', 129 - prefix.Length);
        Assert.Equal(129, tooLong.Length);
        await RpcAssert.InvalidAsync(() => Create(tooLong, TestData.MinimalProfile()), "customer_id");
        await AssertNotStoredAsync(tooLong);

        var longest = tooLong[..128];
        var (_, created) = await api.CreateCustomerAsync(customerId: longest);
        Assert.Equal(TestData.CustomerName(longest), created.Name);
        Assert.Equal(created.Etag, (await api.GetCustomerAsync(longest)).Etag);
    }

    [Fact]
    public async Task A_missing_display_name_is_rejected()
    {
        var id = TestData.NewCustomerId();
        await RpcAssert.InvalidAsync(() => Create(id, new Customer { Kind = CustomerKind.External }), "customer.display_name");
        await AssertNotFoundAsync(id);
    }

    [Fact]
    public async Task A_missing_customer_is_rejected()
    {
        var id = TestData.NewCustomerId();
        await RpcAssert.InvalidAsync(() => Create(id, null), "customer");
        await AssertNotFoundAsync(id);
    }

    [Theory]
    [InlineData(CustomerKind.Unspecified)]
    [InlineData((CustomerKind)99)]
    [InlineData((CustomerKind)(-1))]
    public async Task An_unspecified_or_unknown_kind_is_rejected(CustomerKind kind)
    {
        var id = TestData.NewCustomerId();
        await RpcAssert.InvalidAsync(() => Create(id, new Customer { DisplayName = "X", Kind = kind }), "customer.kind");
        await AssertNotFoundAsync(id);
    }

    [Fact]
    public async Task Unknown_numbers_in_optional_and_repeated_enums_are_rejected()
    {
        var id = TestData.NewCustomerId();
        var profile = TestData.MinimalProfile();
        profile.SizeBand = (CompanySizeBand)42;
        profile.RelationshipMode = (RelationshipMode)42;
        profile.ValueTypes.Add(CustomerValueType.Unspecified);
        await RpcAssert.InvalidAsync(() => Create(id, profile), "customer.size_band", "customer.relationship_mode", "customer.value_types[0]");
        await AssertNotFoundAsync(id);
    }

    [Fact]
    public async Task Every_bad_field_gets_one_violation()
    {
        var profile = new Customer { DisplayName = new string('n', 201), Kind = CustomerKind.Unspecified };
        profile.EmailAddresses.Add(["ok@example.com", "no-at-sign"]);
        profile.ContactPersons.Add(new ContactPerson { DisplayName = "ok" });
        profile.ContactPersons.Add(new ContactPerson { DisplayName = "", EmailAddress = "nope" });
        await RpcAssert.InvalidAsync(
            () => Create("bad id", profile),
            "customer_id",
            "customer.display_name",
            "customer.kind",
            "customer.email_addresses[1]",
            "customer.contact_persons[1].display_name",
            "customer.contact_persons[1].email_address");
    }

    [Fact]
    public async Task Duplicate_tags_and_too_many_phone_numbers_are_rejected()
    {
        var id = TestData.NewCustomerId();
        var profile = TestData.MinimalProfile();
        profile.Tags.Add(["vip", "vip"]);
        profile.PhoneNumbers.Add(Enumerable.Range(0, 11).Select(i => $"+4179000000{i:D2}"));
        await RpcAssert.InvalidAsync(() => Create(id, profile), "customer.tags[1]", "customer.phone_numbers");
        await AssertNotFoundAsync(id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c-1")]
    [InlineData("customers/")]
    [InlineData("customers/a/b")]
    [InlineData("customer/c-1")]
    public async Task A_malformed_name_is_rejected_on_get(string name)
    {
        await RpcAssert.InvalidAsync(() => api.Customers.GetCustomerAsync(new GetCustomerRequest { Name = name }, deadline: Calls.Deadline()).ResponseAsync, "name");
    }

    [Fact]
    public async Task Echoed_input_in_violations_is_cut_so_the_status_fits_in_the_trailers()
    {
        // Found by the fuzz run: a 100,000-character update-mask path was echoed whole into the
        // BadRequest, the trailers passed the 64 KiB clients accept, and the client saw UNAVAILABLE.
        var (id, _) = await api.CreateCustomerAsync();
        var paths = Enumerable.Range(0, 30).Select(i => new string((char)('a' + (i % 26)), 100_000 + i)).ToArray();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = TestData.CustomerName(id), DisplayName = "X" }, UpdateMask = new FieldMask { Paths = { paths } } },
            deadline: Calls.Deadline()).ResponseAsync);

        var violation = Assert.Single(RpcAssert.Violations(ex));
        Assert.Equal("update_mask", violation.Field);
        Assert.InRange(violation.Description.Length, 1, 200);
    }

    [Fact]
    public async Task A_bad_update_is_rejected_and_changes_nothing()
    {
        var (id, created) = await api.CreateCustomerAsync(TestData.FullProfile());
        var events = await Calls.CountEventsAsync(fixture.Database.DataSource, id);

        Task Update(Customer customer, params string[] paths) =>
            api.Customers.UpdateCustomerAsync(new UpdateCustomerRequest { Customer = customer, UpdateMask = new FieldMask { Paths = { paths } } }, deadline: Calls.Deadline()).ResponseAsync;

        var name = TestData.CustomerName(id);
        await RpcAssert.InvalidAsync(() => Update(new Customer { Name = name, DisplayName = "" }, "display_name"), "customer.display_name");
        await RpcAssert.InvalidAsync(() => Update(new Customer { Name = name, Kind = CustomerKind.Unspecified }, "kind"), "customer.kind");
        await RpcAssert.InvalidAsync(() => Update(new Customer { Name = name, Kind = (CustomerKind)99 }, "kind"), "customer.kind");
        await RpcAssert.InvalidAsync(() => Update(new Customer { Name = "nope", DisplayName = "X" }, "display_name"), "customer.name");
        await RpcAssert.InvalidUnderAsync(() => Update(new Customer { Name = name, DisplayName = "X" }), "update_mask");
        await RpcAssert.InvalidUnderAsync(() => Update(new Customer { Name = name, DisplayName = "X" }, "no_such_field"), "update_mask");
        await RpcAssert.InvalidUnderAsync(() => Update(new Customer { Name = name, Etag = "x" }, "etag"), "update_mask");
        await RpcAssert.InvalidUnderAsync(() => Update(new Customer { Name = name }, "open_complaint_count"), "update_mask");
        await RpcAssert.InvalidUnderAsync(() => Update(new Customer { Name = name }, "*"), "update_mask");
        await RpcAssert.InvalidUnderAsync(() => Update(new Customer { Name = name }, "contact_persons.job_title"), "update_mask");

        var read = await api.GetCustomerAsync(id);
        Assert.Equal(created.Etag, read.Etag);
        Assert.Equal(TestData.ProfileOf(created), TestData.ProfileOf(read));
        Assert.Equal(events, await Calls.CountEventsAsync(fixture.Database.DataSource, id));
    }
}
