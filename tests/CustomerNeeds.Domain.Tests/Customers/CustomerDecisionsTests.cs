using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Tests.Customers;

public sealed class CustomerDecisionsTests
{
    private static readonly CustomerProfile Acme = new()
    {
        DisplayName = "Acme GmbH",
        ContactPoints = new ContactPoints { Phones = ["+49 30 1234"], Emails = ["info@acme.example"] },
        ContactPersons = [new ContactPerson { Name = "Dana", Role = DecisionRole.DecisionMaker }],
        Industry = "machinery",
        Kind = CustomerKind.External,
        RelationshipMode = RelationshipMode.Relational,
        ValueTypes = [CustomerValueType.Commercial],
        Tags = ["key"],
    };

    private static Scenario Created()
    {
        var s = new Scenario();
        s.Create(Acme);
        return s;
    }

    private static IReadOnlyList<CustomerEvent> Update(Scenario s, CustomerProfile profile, string? etag, params string[] paths) =>
        s.Run(st => CustomerDecisions.Decide(st, new UpdateProfile(profile, paths, etag), s.Now, s.Policy));

    [Fact]
    public void Create_records_the_customer_at_version_two_with_a_tier()
    {
        var s = Created();

        Assert.True(s.State.Exists);
        Assert.Equal("c-1", s.State.Id);
        Assert.Equal("Acme GmbH", s.State.Profile.DisplayName);
        Assert.Equal(2, s.State.Version);
        Assert.Equal("2", s.State.Etag);
        Assert.Equal(Scenario.T0, s.State.CreatedAt);
        Assert.Equal([typeof(CustomerCreated), typeof(TierChanged)], s.Events.Select(e => e.GetType()));
        Assert.All(s.Events, e => Assert.Equal(Scenario.T0, e.OccurredAt));
    }

    [Fact]
    public void Create_twice_is_already_exists()
    {
        var s = Created();
        var e = Assert.Throws<CustomerAlreadyExistsException>(() => s.Create(Acme));
        Assert.Equal(DomainErrorKind.AlreadyExists, e.Kind);
    }

    [Theory]
    [InlineData("c-10042", true)]
    [InlineData("A_b.9", true)]
    [InlineData("x", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("a/b", false)]
    [InlineData("kühn", false)]
    public void Customer_ids_follow_the_id_rule(string id, bool valid)
    {
        var decide = () => CustomerDecisions.Decide(new CustomerState(), new CreateCustomer(id, Acme), Scenario.T0, CustomerPolicy.Default);
        if (valid)
        {
            Assert.Equal(id, Assert.IsType<CustomerCreated>(decide()[0]).CustomerId);
        }
        else
        {
            Assert.Equal("customer_id", Assert.Single(Assert.Throws<DomainValidationException>(decide).Fields).Field);
        }
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Customer_ids_are_at_most_128_characters(int length, bool valid) =>
        Assert.Equal(valid, Domain.ResourceId.IsValid(new string('a', length)));

    public static TheoryData<CustomerProfile, string> BadProfiles() => new()
    {
        { Acme with { DisplayName = "" }, "customer.display_name" },
        { Acme with { DisplayName = "   " }, "customer.display_name" },
        { Acme with { DisplayName = new string('x', 201) }, "customer.display_name" },
        { Acme with { ContactPersons = [new ContactPerson { Name = "" }] }, "customer.contact_persons[0].name" },
        { Acme with { ContactPersons = [new ContactPerson { Name = "Al", Role = (DecisionRole)9 }] }, "customer.contact_persons[0].role" },
        { Acme with { Kind = (CustomerKind)9 }, "customer.kind" },
        { Acme with { ValueTypes = [(CustomerValueType)7] }, "customer.value_types" },
        { Acme with { Tags = Enumerable.Range(0, 51).Select(i => "t" + i).ToArray() }, "customer.tags" },
        { Acme with { Attributes = new Dictionary<string, string> { [""] = "x" } }, "customer.attributes[]" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public void Bad_profiles_name_the_field(CustomerProfile profile, string field)
    {
        var e = Assert.Throws<DomainValidationException>(() =>
            CustomerDecisions.Decide(new CustomerState(), new CreateCustomer("c-1", profile), Scenario.T0, CustomerPolicy.Default));
        Assert.Equal(field, Assert.Single(e.Fields).Field);
    }

    [Fact]
    public void Profiles_are_normalized()
    {
        var s = new Scenario();
        s.Create(Acme with
        {
            DisplayName = "  Acme  ",
            ValueTypes = [CustomerValueType.Influence, CustomerValueType.Commercial, CustomerValueType.Influence, CustomerValueType.Unspecified],
            Tags = [" key ", "key", "", "vip"],
            Attributes = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
        });

        var p = s.State.Profile;
        Assert.Equal("Acme", p.DisplayName);
        Assert.Equal([CustomerValueType.Influence, CustomerValueType.Commercial], p.ValueTypes);
        Assert.Equal(["key", "vip"], p.Tags);
        Assert.Equal(["a", "b"], p.Attributes.Keys);
    }

    [Fact]
    public void A_masked_update_changes_only_the_named_fields()
    {
        var s = Created();
        var events = Update(s, new CustomerProfile { DisplayName = "Acme AG", Industry = "ignored" }, null, "display_name");

        var e = Assert.IsType<ProfileUpdated>(Assert.Single(events));
        Assert.Equal(["display_name"], e.ChangedFields);
        Assert.Equal("Acme AG", s.State.Profile.DisplayName);
        Assert.Equal("machinery", s.State.Profile.Industry);
        Assert.Equal("Dana", Assert.Single(s.State.Profile.ContactPersons).Name);
        Assert.Equal(3, s.State.Version);
    }

    [Fact]
    public void A_sub_path_replaces_only_that_part_of_the_contact_points()
    {
        var s = Created();
        Update(s, new CustomerProfile { ContactPoints = new ContactPoints { Phones = ["+49 30 9999"] } }, null, "contact_points.phones");

        Assert.Equal(["+49 30 9999"], s.State.Profile.ContactPoints.Phones);
        Assert.Equal(["info@acme.example"], s.State.Profile.ContactPoints.Emails);
    }

    [Fact]
    public void An_empty_mask_replaces_the_whole_profile_and_names_what_changed()
    {
        var s = Created();
        var e = Assert.IsType<ProfileUpdated>(Assert.Single(Update(s, Acme with { Region = "north", Tags = ["key", "new"] }, null)));

        Assert.Equal(["region", "tags"], e.ChangedFields);
    }

    [Fact]
    public void An_update_that_changes_nothing_records_nothing()
    {
        var s = Created();
        Assert.Empty(Update(s, Acme, null, "display_name", "tags"));
        Assert.Equal(2, s.State.Version);
    }

    [Fact]
    public void Etags_guard_updates()
    {
        var s = Created();
        var stale = Assert.Throws<EtagMismatchException>(() => Update(s, Acme with { Region = "x" }, "1", "region"));
        Assert.Equal(("1", "2"), (stale.Expected, stale.Current));
        Assert.Equal(DomainErrorKind.Aborted, stale.Kind);

        Assert.Single(Update(s, Acme with { Region = "x" }, "2", "region"));
        Assert.Single(Update(s, Acme with { Region = "y" }, "", "region"));
        Assert.Equal("4", s.State.Etag);
    }

    [Fact]
    public void Unknown_paths_and_missing_customers_are_refused()
    {
        var s = Created();
        var e = Assert.Throws<DomainValidationException>(() => Update(s, Acme, null, "display_name", "credit_limit"));
        Assert.Equal(("update_mask", "unknown field path 'credit_limit'"), (e.Fields[0].Field, e.Fields[0].Description));

        Assert.Throws<CustomerNotFoundException>(() =>
            CustomerDecisions.Decide(new CustomerState(), new UpdateProfile(Acme, [], null), Scenario.T0, CustomerPolicy.Default));
    }

    [Fact]
    public void Every_known_path_can_be_updated()
    {
        var s = Created();
        var next = new CustomerProfile
        {
            DisplayName = "B",
            ContactPoints = new ContactPoints { Phones = ["1"], Emails = ["b@b"], ExternalIds = new Dictionary<string, string> { ["shop"] = "u-1" } },
            ContactPersons = [new ContactPerson { Name = "Eve", Role = DecisionRole.Influencer }],
            Industry = "i", SizeBand = "s", Region = "r", Location = "l", AgeBand = "a", Occupation = "o",
            Kind = CustomerKind.Intermediary,
            ValueTypes = [CustomerValueType.Brand],
            RelationshipMode = RelationshipMode.Transactional,
            ValuePropositions = [ValueProposition.SavesTime],
            Attributes = new Dictionary<string, string> { ["k"] = "v" },
            Tags = ["t"],
        };
        var e = Assert.IsType<ProfileUpdated>(Assert.Single(Update(s, next, null, [.. ProfileFields.TopLevel])));

        Assert.Equal(ProfileFields.TopLevel, e.ChangedFields);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(next), System.Text.Json.JsonSerializer.Serialize(s.State.Profile));
    }
}
