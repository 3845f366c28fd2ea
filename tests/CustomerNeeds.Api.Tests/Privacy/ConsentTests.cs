using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using CustomerNeeds.Api.Tests.Watching;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>SetConsent over real gRPC on real PostgreSQL (docs/privacy.md, Consent).</summary>
[Collection(ApiCollection.Name)]
public sealed class ConsentTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Grant_revoke_and_deny_keep_each_date_and_show_on_the_customer()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var granted = await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Granted, TestData.At(TimeSpan.FromHours(1)), "webshop-cookie-banner");

        Assert.Equal(ConsentStatus.Granted, granted.Status);
        Assert.Equal(TestData.At(TimeSpan.FromHours(1)), granted.GrantTime);
        Assert.Null(granted.DenyTime);
        Assert.Null(granted.RevokeTime);
        Assert.Equal("webshop-cookie-banner", granted.Source);
        Assert.NotNull(granted.UpdateTime);

        var revoked = await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Revoked, TestData.At(TimeSpan.FromHours(2)), "call-center");
        Assert.Equal(ConsentStatus.Revoked, revoked.Status);
        Assert.Equal(TestData.At(TimeSpan.FromHours(1)), revoked.GrantTime);
        Assert.Equal(TestData.At(TimeSpan.FromHours(2)), revoked.RevokeTime);
        Assert.Equal("call-center", revoked.Source);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var denied = await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Denied);
        Assert.Equal(ConsentStatus.Denied, denied.Status);
        Assert.InRange(denied.DenyTime.ToDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(revoked.RevokeTime, denied.RevokeTime);
        Assert.Equal(revoked.GrantTime, denied.GrantTime);

        await api.SetConsentAsync(id, "profiling", ConsentStatus.Denied, source: "app");
        await api.SetConsentAsync(id, "a-first", ConsentStatus.Granted);
        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(["a-first", "marketing-email", "profiling"], customer.Consents.Select(c => c.Purpose));
        Assert.Equal(denied, customer.Consents[1]);
    }

    [Fact]
    public async Task Revoking_a_consent_that_is_not_granted_is_a_failed_precondition_and_changes_nothing()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var never = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.SetConsentAsync(id, "profiling", ConsentStatus.Revoked));
        Assert.Contains("never granted", never.Status.Detail, StringComparison.Ordinal);

        await api.SetConsentAsync(id, "profiling", ConsentStatus.Denied);
        var etag = (await api.GetCustomerAsync(id)).Etag;
        var denied = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.SetConsentAsync(id, "profiling", ConsentStatus.Revoked));
        Assert.Contains("DENIED, not GRANTED", denied.Status.Detail, StringComparison.Ordinal);

        var customer = await api.GetCustomerAsync(id);
        Assert.Equal(etag, customer.Etag);
        Assert.Equal(ConsentStatus.Denied, Assert.Single(customer.Consents).Status);
    }

    [Fact]
    public async Task Repeating_the_status_changes_nothing_and_returns_the_consent_as_it_is()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var first = await api.SetConsentAsync(id, "third-party-sharing", ConsentStatus.Granted, TestData.At(TimeSpan.FromHours(1)), "webshop");
        var etag = (await api.GetCustomerAsync(id)).Etag;

        var again = await api.SetConsentAsync(id, "third-party-sharing", ConsentStatus.Granted, TestData.At(TimeSpan.FromHours(5)), "another");

        Assert.Equal(first, again);
        Assert.Equal(etag, (await api.GetCustomerAsync(id)).Etag);
        Assert.Equal(long.Parse(etag, System.Globalization.CultureInfo.InvariantCulture), await Calls.CountEventsAsync(fixture.Database.DataSource, id));
    }

    [Fact]
    public async Task A_51st_purpose_is_a_failed_precondition()
    {
        var (id, _) = await api.CreateCustomerAsync();
        for (var i = 0; i < 50; i++)
        {
            await api.SetConsentAsync(id, $"purpose-{i}", ConsentStatus.Denied);
        }

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => api.SetConsentAsync(id, "purpose-50", ConsentStatus.Granted));
        Assert.Contains("50 purposes", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ConsentStatus.Granted, (await api.SetConsentAsync(id, "purpose-49", ConsentStatus.Granted)).Status);
        Assert.Equal(50, (await api.GetCustomerAsync(id)).Consents.Count);
    }

    [Fact]
    public async Task A_decision_time_in_the_future_is_invalid()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var future = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1));

        await RpcAssert.InvalidAsync(() => api.SetConsentAsync(id, "profiling", ConsentStatus.Granted, future), "decision_time");
        Assert.Empty((await api.GetCustomerAsync(id)).Consents);
    }

    [Theory]
    [InlineData("", "purpose")]
    [InlineData("Marketing", "purpose")]
    [InlineData("1st-party", "purpose")]
    [InlineData("marketing_email", "purpose")]
    [InlineData("a-purpose-that-is-far-too-long-for-the-service-because-it-has-6-5", "purpose")]
    public async Task A_bad_purpose_is_invalid(string purpose, string field)
    {
        var (id, _) = await api.CreateCustomerAsync();
        await RpcAssert.InvalidAsync(() => api.SetConsentAsync(id, purpose, ConsentStatus.Granted), field);
    }

    [Fact]
    public async Task Every_bad_field_is_named()
    {
        var request = new SetConsentRequest
        {
            Customer = "customer/x",
            Purpose = "Bad Purpose",
            Status = ConsentStatus.Unspecified,
            DecisionTime = new Timestamp { Seconds = FieldMaxSeconds + 1 },
            Source = new string('s', 129),
        };

        await RpcAssert.InvalidAsync(
            () => api.Privacy().SetConsentAsync(request, deadline: Calls.Deadline()).ResponseAsync,
            "customer", "purpose", "status", "decision_time", "source");
        await RpcAssert.InvalidAsync(
            () => api.Privacy().SetConsentAsync(new SetConsentRequest { Customer = TestData.CustomerName("c-1"), Purpose = "p", Status = (ConsentStatus)9 }, deadline: Calls.Deadline()).ResponseAsync,
            "status");
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.SetConsentAsync(TestData.NewCustomerId(), "profiling", ConsentStatus.Granted));
    }

    [Fact]
    public async Task A_watcher_sees_the_change_with_purpose_both_statuses_decision_time_and_source_and_the_customer_with_it()
    {
        var (id, created) = await api.CreateCustomerAsync();
        using var call = api.Watch(id);
        Assert.Equal(WatchCalls.SequenceOf(created), (await call.NextCurrentAsync()).Sequence);

        await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Granted, TestData.At(TimeSpan.FromHours(1)), "webshop");
        await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Revoked, TestData.At(TimeSpan.FromHours(3)), "call-center");

        await call.NextChangeAsync();
        var change = await call.NextChangeAsync();
        Assert.Equal("consent-changed", change.EventType);
        var e = change.Event.Fields;
        Assert.Equal("marketing-email", e["Purpose"].StringValue);
        Assert.Equal((double)ConsentStatus.Granted, e["FromStatus"].NumberValue);
        Assert.Equal((double)ConsentStatus.Revoked, e["ToStatus"].NumberValue);
        Assert.Equal(TestData.BaseTime.AddHours(3), DateTimeOffset.Parse(e["DecidedAt"].StringValue, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("call-center", e["Source"].StringValue);
        Assert.Equal(ConsentStatus.Revoked, Assert.Single(change.Customer.Consents).Status);
    }

    private const long FieldMaxSeconds = 253_402_300_799;
}
