using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Errors;

/// <summary>INVALID_ARGUMENT on RecordInteraction and ListInteractions; a rejected interaction changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class InteractionValidationTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    /// <summary>Sends a broken interaction and asserts the exact violations and that nothing was recorded.</summary>
    private async Task AssertRejectedAsync(Action<Interaction> breakIt, params string[] fields)
    {
        var (id, _) = await api.CreateCustomerAsync();
        await api.RecordAsync(id, TestData.Inquiry("i-ok", TestData.At(TimeSpan.FromHours(1))));
        var before = await api.GetCustomerAsync(id);
        var events = await Calls.CountEventsAsync(fixture.Database.DataSource, id);

        var interaction = TestData.Inquiry("i-bad", TestData.At(TimeSpan.FromHours(2)));
        breakIt(interaction);
        await RpcAssert.InvalidAsync(() => api.RecordAsync(id, interaction), fields);

        var after = await api.GetCustomerAsync(id);
        TestData.AssertUnchanged(before, after);
        Assert.Equal(1, after.Lifetime.InteractionCount);
        Assert.Equal(events, await Calls.CountEventsAsync(fixture.Database.DataSource, id));
        Assert.Equal(1, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
        if (interaction.InteractionId == "i-bad")
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, () => api.GetInteractionAsync(id, "i-bad"));
        }

        Assert.Single(await api.ListAllInteractionsAsync(id));
    }

    [Fact]
    public Task Csat_6_is_rejected() => AssertRejectedAsync(i => i.Csat = 6, "interaction.csat");

    [Fact]
    public Task Csat_0_is_rejected() => AssertRejectedAsync(i => i.Csat = 0, "interaction.csat");

    [Fact]
    public Task Nps_11_is_rejected() => AssertRejectedAsync(i => i.Nps = 11, "interaction.nps");

    [Fact]
    public Task Nps_minus_1_is_rejected() => AssertRejectedAsync(i => i.Nps = -1, "interaction.nps");

    [Fact]
    public Task An_interaction_id_off_the_pattern_is_rejected() => AssertRejectedAsync(i => i.InteractionId = "has space", "interaction.interaction_id");

    [Fact]
    public Task A_missing_interaction_id_is_rejected() => AssertRejectedAsync(i => i.InteractionId = "", "interaction.interaction_id");

    [Fact]
    public Task Unspecified_channel_kind_and_direction_are_rejected() => AssertRejectedAsync(i =>
    {
        i.Channel = InteractionChannel.Unspecified;
        i.Kind = InteractionKind.Unspecified;
        i.Direction = InteractionDirection.Unspecified;
    }, "interaction.channel", "interaction.kind", "interaction.direction");

    [Fact]
    public Task Unknown_enum_numbers_are_rejected() => AssertRejectedAsync(i =>
    {
        i.Channel = (InteractionChannel)99;
        i.Sentiment = (Sentiment)99;
    }, "interaction.channel", "interaction.sentiment");

    [Fact]
    public Task A_missing_occur_time_is_rejected() => AssertRejectedAsync(i => i.OccurTime = null, "interaction.occur_time");

    [Fact]
    public Task An_occur_time_before_1970_is_rejected() =>
        AssertRejectedAsync(i => i.OccurTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero)), "interaction.occur_time");

    [Fact]
    public Task An_occur_time_a_day_in_the_future_is_rejected() =>
        AssertRejectedAsync(i => i.OccurTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)), "interaction.occur_time");

    [Fact]
    public Task An_absurd_timestamp_is_rejected() =>
        AssertRejectedAsync(i => i.OccurTime = new Timestamp { Seconds = long.MaxValue / 2 }, "interaction.occur_time");

    [Fact]
    public Task A_timestamp_with_negative_nanos_is_rejected() =>
        AssertRejectedAsync(i => i.OccurTime = new Timestamp { Seconds = TestData.At(TimeSpan.FromHours(2)).Seconds, Nanos = -1 }, "interaction.occur_time");

    [Fact]
    public Task A_purchase_in_another_currency_is_rejected() => AssertRejectedAsync(i =>
    {
        i.Kind = InteractionKind.Purchase;
        i.Amount = new Money { CurrencyCode = "USD", Units = 10 };
    }, "interaction.amount.currency_code");

    [Fact]
    public Task A_purchase_without_amount_is_rejected() => AssertRejectedAsync(i => i.Kind = InteractionKind.Purchase, "interaction.amount");

    [Fact]
    public Task A_negative_purchase_is_rejected() => AssertRejectedAsync(i =>
    {
        i.Kind = InteractionKind.Purchase;
        i.Amount = TestData.Eur(-5);
    }, "interaction.amount");

    [Fact]
    public Task An_amount_on_a_non_purchase_is_rejected() => AssertRejectedAsync(i => i.Amount = TestData.Eur(5), "interaction.amount");

    [Fact]
    public Task A_complaint_without_severity_and_summary_is_rejected() => AssertRejectedAsync(i =>
    {
        i.Kind = InteractionKind.Complaint;
        i.Summary = "";
    }, "interaction.complaint_severity", "interaction.summary");

    [Fact]
    public Task A_referred_customer_on_a_non_referral_is_rejected() =>
        AssertRejectedAsync(i => i.ReferredCustomer = "customers/someone", "interaction.referred_customer");

    [Fact]
    public Task A_malformed_related_need_is_rejected() =>
        AssertRejectedAsync(i => i.RelatedNeeds.Add("needs/n-1"), "interaction.related_needs[0]");

    [Fact]
    public Task An_agent_of_129_characters_is_rejected() => AssertRejectedAsync(i => i.Agent = new string('a', 129), "interaction.agent");

    [Fact]
    public async Task A_missing_interaction_or_bad_parent_is_rejected()
    {
        await RpcAssert.InvalidAsync(
            () => api.Interactions.RecordInteractionAsync(new RecordInteractionRequest { Parent = TestData.CustomerName(TestData.NewCustomerId()) }, deadline: Calls.Deadline()).ResponseAsync,
            "interaction");
        await RpcAssert.InvalidAsync(
            () => api.Interactions.RecordInteractionAsync(new RecordInteractionRequest { Parent = "customers/bad id", Interaction = TestData.Inquiry("i", TestData.At(TimeSpan.Zero)) }, deadline: Calls.Deadline()).ResponseAsync,
            "parent");
    }

    [Fact]
    public async Task List_rejects_negative_page_size_bad_tokens_unknown_filters_and_empty_time_ranges()
    {
        var (id, _) = await api.CreateCustomerAsync();
        for (var i = 0; i < 3; i++)
        {
            await api.RecordAsync(id, TestData.Inquiry($"i-{i}", TestData.At(TimeSpan.FromHours(i))));
        }

        var parent = TestData.CustomerName(id);
        Task List(ListInteractionsRequest r) => api.Interactions.ListInteractionsAsync(r, deadline: Calls.Deadline()).ResponseAsync;

        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest { Parent = parent, PageSize = -1 }), "page_size");
        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest { Parent = parent, PageToken = "not-a-token" }), "page_token");
        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest { Parent = parent, PageToken = "!!!" }), "page_token");
        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest { Parent = parent, Channels = { (InteractionChannel)99 } }), "channels[0]");
        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest { Parent = parent, Kinds = { InteractionKind.Inquiry, (InteractionKind)77 } }), "kinds[1]");
        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest
        {
            Parent = parent,
            OccurStartTime = TestData.At(TimeSpan.FromHours(2)),
            OccurEndTime = TestData.At(TimeSpan.FromHours(2)),
        }), "occur_end_time");
        await RpcAssert.InvalidAsync(() => List(new ListInteractionsRequest { Parent = "customers/" }), "parent");

        // A token is bound to the request that returned it.
        var first = await api.Interactions.ListInteractionsAsync(new ListInteractionsRequest { Parent = parent, PageSize = 1 }, deadline: Calls.Deadline());
        Assert.NotEmpty(first.NextPageToken);
        await RpcAssert.InvalidAsync(
            () => List(new ListInteractionsRequest { Parent = parent, PageSize = 1, PageToken = first.NextPageToken, Channels = { InteractionChannel.Phone } }),
            "page_token");
        var (other, _) = await api.CreateCustomerAsync();
        await RpcAssert.InvalidAsync(
            () => List(new ListInteractionsRequest { Parent = TestData.CustomerName(other), PageSize = 1, PageToken = first.NextPageToken }),
            "page_token");
        // page_size may differ between pages.
        var rest = await api.Interactions.ListInteractionsAsync(new ListInteractionsRequest { Parent = parent, PageSize = 10, PageToken = first.NextPageToken }, deadline: Calls.Deadline());
        Assert.Equal(2, rest.Interactions.Count);
    }
}
