using System.Text.Json;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Privacy;

namespace CustomerNeeds.Domain.Tests.Privacy;

public sealed class ConsentDecisionsTests
{
    private static readonly DateTimeOffset Now = States.Now;

    private static CustomerState Decide(CustomerState state, SetConsent command, DateTimeOffset now) =>
        CustomerEvolution.Apply(state, ConsentDecisions.Decide(state, command, now));

    [Fact]
    public void Grant_deny_and_revoke_keep_the_date_of_each_decision()
    {
        var state = States.Existing();

        Decide(state, new SetConsent("marketing-email", ConsentStatus.Granted, Now.AddDays(-10), "webshop"), Now.AddDays(-9));
        Decide(state, new SetConsent("marketing-email", ConsentStatus.Revoked, null, "call-center"), Now.AddDays(-5));
        Decide(state, new SetConsent("marketing-email", ConsentStatus.Denied, Now.AddDays(-1), "app"), Now);

        var consent = state.Consents["marketing-email"];
        Assert.Equal(
            new Consent("marketing-email", ConsentStatus.Denied, Now.AddDays(-10), Now.AddDays(-1), Now.AddDays(-5), "app", Now),
            consent);
        Assert.Equal(4, state.Version);
    }

    [Fact]
    public void The_event_tells_the_previous_and_the_new_status_the_decision_time_and_the_source()
    {
        var state = States.Existing();
        Decide(state, new SetConsent("profiling", ConsentStatus.Granted, null, "webshop"), Now.AddHours(-1));

        var e = Assert.IsType<ConsentChanged>(Assert.Single(
            ConsentDecisions.Decide(state, new SetConsent("profiling", ConsentStatus.Revoked, Now.AddMinutes(-3), "call-center"), Now)));

        Assert.Equal(("profiling", ConsentStatus.Granted, ConsentStatus.Revoked, Now.AddMinutes(-3), "call-center", Now),
            (e.Purpose, e.FromStatus, e.ToStatus, e.DecidedAt, e.Source, e.OccurredAt));
    }

    [Theory]
    [InlineData(ConsentStatus.Granted)]
    [InlineData(ConsentStatus.Denied)]
    [InlineData(ConsentStatus.Revoked)]
    public void Setting_the_status_the_consent_has_decides_nothing(ConsentStatus status)
    {
        var state = States.Existing();
        Decide(state, new SetConsent("profiling", ConsentStatus.Granted, null, "a"), Now.AddHours(-2));
        Decide(state, new SetConsent("profiling", status, null, "a"), Now.AddHours(-1));

        Assert.Empty(ConsentDecisions.Decide(state, new SetConsent("profiling", status, Now, "another source"), Now));
    }

    [Theory]
    [InlineData(null, "never granted")]
    [InlineData(ConsentStatus.Denied, "it is DENIED, not GRANTED")]
    public void Only_a_granted_consent_can_be_revoked(ConsentStatus? before, string message)
    {
        var state = States.Existing();
        if (before is { } b)
        {
            Decide(state, new SetConsent("profiling", b, null, ""), Now.AddHours(-1));
        }

        var version = state.Version;
        var error = Assert.Throws<ConsentRefusedException>(() =>
            ConsentDecisions.Decide(state, new SetConsent("profiling", ConsentStatus.Revoked, null, ""), Now));

        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(version, state.Version);
    }

    [Fact]
    public void A_51st_purpose_is_refused_but_the_50_held_can_still_change()
    {
        var state = States.Existing();
        for (var i = 0; i < ConsentDecisions.MaxPurposes; i++)
        {
            Decide(state, new SetConsent($"purpose-{i}", ConsentStatus.Granted, null, ""), Now);
        }

        var error = Assert.Throws<ConsentRefusedException>(() =>
            ConsentDecisions.Decide(state, new SetConsent("one-more", ConsentStatus.Denied, null, ""), Now));
        Assert.Equal(DomainErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains("50 purposes", error.Message, StringComparison.Ordinal);

        Assert.Single(ConsentDecisions.Decide(state, new SetConsent("purpose-7", ConsentStatus.Revoked, null, ""), Now));
    }

    [Theory]
    [InlineData("", "purpose")]
    [InlineData("Marketing", "purpose")]
    [InlineData("1st-party", "purpose")]
    [InlineData("-x", "purpose")]
    [InlineData("marketing_email", "purpose")]
    [InlineData("marketing email", "purpose")]
    public void A_malformed_purpose_is_refused(string purpose, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() =>
            ConsentDecisions.Decide(States.Existing(), new SetConsent(purpose, ConsentStatus.Granted, null, ""), Now));

        Assert.Equal(field, Assert.Single(error.Fields).Field);
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("a-1-b", true)]
    [InlineData("third-party-sharing", true)]
    [InlineData("é", false)]
    [InlineData("A", false)]
    public void Purpose_form(string purpose, bool valid)
    {
        Assert.Equal(valid, ConsentPurpose.IsValid(purpose));
        Assert.True(ConsentPurpose.IsValid(new string('a', 64)));
        Assert.False(ConsentPurpose.IsValid(new string('a', 65)));
    }

    [Fact]
    public void A_future_decision_time_an_unspecified_status_and_a_long_source_are_refused()
    {
        var error = Assert.Throws<DomainValidationException>(() => ConsentDecisions.Decide(
            States.Existing(), new SetConsent("profiling", ConsentStatus.Unspecified, Now.AddSeconds(1), new string('s', 129)), Now));

        Assert.Equal(["status", "decision_time", "source"], error.Fields.Select(f => f.Field));
    }

    [Fact]
    public void An_unknown_customer_is_not_found()
    {
        Assert.Throws<CustomerNotFoundException>(() =>
            ConsentDecisions.Decide(new CustomerState { Id = "c-9" }, new SetConsent("profiling", ConsentStatus.Granted, null, ""), Now));
    }

    [Fact]
    public void Consents_round_trip_through_a_snapshot_and_the_summary_lists_them_by_purpose()
    {
        var state = States.Existing();
        Decide(state, new SetConsent("profiling", ConsentStatus.Denied, null, "x"), Now);
        Decide(state, new SetConsent("marketing-email", ConsentStatus.Granted, Now.AddDays(-1), "y"), Now);
        Decide(state, new SetConsent("marketing-2", ConsentStatus.Granted, null, "z"), Now);

        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<CustomerState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(state.Consents["marketing-email"], back.Consents["marketing-email"]);
        var summary = CustomerSummary.From(back, new CustomerPolicy(), Now);
        Assert.Equal(["marketing-2", "marketing-email", "profiling"], summary.Consents!.Select(c => c.Purpose));
    }

    [Fact]
    public void A_snapshot_written_before_consents_existed_reads_with_none()
    {
        var json = JsonSerializer.Serialize(States.Existing());
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.TryGetProperty("Consents", out _));
        var older = JsonSerializer.Serialize(document.RootElement.EnumerateObject()
            .Where(p => p.Name != "Consents").ToDictionary(p => p.Name, p => p.Value));

        var back = JsonSerializer.Deserialize<CustomerState>(older)!;

        Assert.Empty(back.Consents);
        Assert.Single(ConsentDecisions.Decide(back, new SetConsent("profiling", ConsentStatus.Granted, null, ""), Now));
    }

    [Fact]
    public void A_clone_holds_the_consents_and_shares_no_dictionary()
    {
        var state = States.Existing();
        Decide(state, new SetConsent("profiling", ConsentStatus.Granted, null, ""), Now);

        var clone = state.Clone();
        Decide(clone, new SetConsent("profiling", ConsentStatus.Revoked, null, ""), Now);
        Decide(clone, new SetConsent("other", ConsentStatus.Denied, null, ""), Now);

        Assert.Equal(ConsentStatus.Granted, Assert.Single(state.Consents).Value.Status);
        Assert.Equal(2, clone.Consents.Count);
    }
}
