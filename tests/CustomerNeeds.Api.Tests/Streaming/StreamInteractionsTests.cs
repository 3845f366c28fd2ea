using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Rpc;
using Grpc.Core;
using Result = CustomerNeeds.Api.V1.StreamInteractionsResponse.Types.Result;

namespace CustomerNeeds.Api.Tests.Streaming;

/// <summary>StreamInteractions: one answer per item, in order; created, duplicate and error items; stored as answered.</summary>
[Collection(ApiCollection.Name)]
public sealed class StreamInteractionsTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task A_mixed_stream_of_600_items_over_40_customers_is_answered_once_per_item_in_order_and_stored_as_answered()
    {
        const int count = 600;
        var customers = await api.CreateCustomersAsync(40);

        // Every 7th item is invalid, every 50th names an unknown customer, every 10th repeats the
        // customer's item of 40 places before (a duplicate when that one was stored).
        var items = new List<StreamInteractionsRequest>();
        var expected = new List<Result>();
        for (var i = 0; i < count; i++)
        {
            var customer = customers[i % customers.Count];
            var at = TestData.AtMs(i * 1000L);
            var id = $"s-{i:D4}";
            if (i % 50 == 17)
            {
                items.Add(StreamCalls.Item(TestData.NewCustomerId(), TestData.Inquiry(id, at)));
                expected.Add(Result.Error);
            }
            else if (i % 7 == 3)
            {
                var bad = TestData.Survey(id, at, csat: 9, nps: null);
                items.Add(StreamCalls.Item(customer, bad));
                expected.Add(Result.Error);
            }
            else if (i % 10 == 5 && i >= 40 && expected[i - 40] != Result.Error)
            {
                items.Add(items[i - 40].Clone());
                expected.Add(Result.Duplicate);
            }
            else
            {
                var interaction = (i % 13) switch
                {
                    6 => TestData.Purchase(id, at, TestData.Eur(i)),
                    9 => TestData.Complaint(id, at),
                    _ => TestData.Inquiry(id, at),
                };
                items.Add(StreamCalls.Item(customer, interaction));
                expected.Add(Result.Created);
            }
        }

        var answers = await api.StreamAsync(items);

        StreamCalls.AssertOnePerItemInOrder(count, answers);
        for (var i = 0; i < count; i++)
        {
            Assert.True(expected[i] == answers[i].Result, $"Item {i}: expected {expected[i]}, got {StreamCalls.Describe(answers[i])}");
            switch (expected[i])
            {
                case Result.Created:
                    StreamCalls.AssertCreated(items[i], answers[i]);
                    Assert.Equal(items[i].Interaction.Kind == InteractionKind.Complaint, answers[i].OpenedComplaint.Length > 0);
                    break;
                case Result.Duplicate:
                    Assert.Equal(answers[i - 40].Interaction, answers[i].Interaction);
                    Assert.Equal(answers[i - 40].OpenedComplaint, answers[i].OpenedComplaint);
                    break;
                default:
                    var code = i % 50 == 17 ? Code.NotFound : Code.InvalidArgument;
                    var error = StreamCalls.AssertError(answers[i], code);
                    if (code == Code.InvalidArgument)
                    {
                        Assert.Equal("interaction.csat", Assert.Single(StreamCalls.Violations(error)).Field);
                    }

                    break;
            }
        }

        // Stored exactly as answered: the log rows, the listing and each interaction read back.
        var created = Enumerable.Range(0, count).Where(i => expected[i] == Result.Created).ToList();
        Assert.Equal(count - expected.Count(r => r != Result.Created), created.Count);
        Assert.Equal(created.Count, await StreamCalls.CountInteractionRowsAsync(fixture.Database.DataSource, customers));
        foreach (var customer in customers)
        {
            var listed = await api.ListAllInteractionsAsync(customer);
            var ids = created.Where(i => items[i].Parent == TestData.CustomerName(customer)).Select(i => items[i].Interaction.InteractionId);
            Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Select(l => l.InteractionId).Order(StringComparer.Ordinal));
        }

        await api.AssertReadBackAsync(items, created.Select(i => answers[i]).ToList());
    }

    [Fact]
    public async Task The_same_item_twice_is_created_then_duplicate_and_the_same_id_with_other_content_is_already_exists()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var complaint = StreamCalls.Item(id, TestData.Complaint("i-c", TestData.At(TimeSpan.FromHours(1))));
        var changed = complaint.Clone();
        changed.Interaction.Summary = "Something else entirely.";
        var recordedBefore = await api.RecordAsync(id, TestData.Inquiry("i-unary", TestData.At(TimeSpan.FromHours(2))));
        var unaryAgain = StreamCalls.Item(id, TestData.Inquiry("i-unary", TestData.At(TimeSpan.FromHours(2))));

        var answers = await api.StreamAsync([complaint, complaint.Clone(), changed, unaryAgain]);

        StreamCalls.AssertOnePerItemInOrder(4, answers);
        StreamCalls.AssertCreated(complaint, answers[0]);
        Assert.Matches($"^customers/{id}/complaints/[A-Za-z0-9._-]+$", answers[0].OpenedComplaint);
        Assert.Equal(Result.Duplicate, answers[1].Result);
        Assert.Equal(answers[0].Interaction, answers[1].Interaction);
        Assert.Equal(answers[0].OpenedComplaint, answers[1].OpenedComplaint);
        var conflict = StreamCalls.AssertError(answers[2], Code.AlreadyExists);
        Assert.Contains("i-c", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(Result.Duplicate, answers[3].Result);
        Assert.Equal(recordedBefore.Interaction, answers[3].Interaction);

        Assert.Equal(2, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
        Assert.Equal(2, (await api.GetCustomerAsync(id)).Lifetime.InteractionCount);
        Assert.Single(await api.ListAllComplaintsAsync(new ListComplaintsRequest { Parent = TestData.CustomerName(id) }));
    }

    [Fact]
    public async Task Bad_items_in_the_middle_are_answered_with_the_status_record_interaction_gives_and_the_stream_goes_on()
    {
        var (id, _) = await api.CreateCustomerAsync();
        var (other, _) = await api.CreateCustomerAsync();
        var noTime = TestData.Inquiry("i-bad", TestData.At(TimeSpan.FromHours(2)));
        noTime.OccurTime = null;
        var twoBad = TestData.Purchase("i-two", TestData.At(TimeSpan.FromHours(3)), TestData.Eur(1));
        twoBad.Amount.CurrencyCode = "USD";
        twoBad.Nps = 11;
        var unknown = TestData.NewCustomerId();
        var noSuchNeed = TestData.Inquiry("i-need", TestData.At(TimeSpan.FromHours(4)));
        noSuchNeed.RelatedNeeds.Add(TestData.NeedName(id, "n-missing"));
        StreamInteractionsRequest[] items =
        [
            StreamCalls.Item(id, TestData.Inquiry("i-0", TestData.At(TimeSpan.FromHours(1)))),
            StreamCalls.Item(id, noTime),
            StreamCalls.Item(id, twoBad),
            StreamCalls.Item(unknown, TestData.Inquiry("i-1", TestData.At(TimeSpan.FromHours(1)))),
            new StreamInteractionsRequest { Parent = "customers/bad id", Interaction = TestData.Inquiry("i-2", TestData.At(TimeSpan.FromHours(1))) },
            new StreamInteractionsRequest { Parent = TestData.CustomerName(id) },
            StreamCalls.Item(id, noSuchNeed),
            StreamCalls.Item(id, TestData.Inquiry("i-3", TestData.At(TimeSpan.FromHours(5)))),
            StreamCalls.Item(other, TestData.Inquiry("i-4", TestData.At(TimeSpan.FromHours(5)))),
        ];

        var answers = await api.StreamAsync(items);

        StreamCalls.AssertOnePerItemInOrder(items.Length, answers);
        StreamCalls.AssertCreated(items[0], answers[0]);
        Assert.Equal(["interaction.occur_time"], StreamCalls.Violations(StreamCalls.AssertError(answers[1], Code.InvalidArgument)).Select(v => v.Field));
        Assert.Equal(
            ["interaction.amount.currency_code", "interaction.nps"],
            StreamCalls.Violations(StreamCalls.AssertError(answers[2], Code.InvalidArgument)).Select(v => v.Field).Order(StringComparer.Ordinal));
        StreamCalls.AssertError(answers[3], Code.NotFound);
        Assert.Equal(["parent"], StreamCalls.Violations(StreamCalls.AssertError(answers[4], Code.InvalidArgument)).Select(v => v.Field));
        Assert.Equal(["interaction"], StreamCalls.Violations(StreamCalls.AssertError(answers[5], Code.InvalidArgument)).Select(v => v.Field));
        StreamCalls.AssertError(answers[6], Code.NotFound);
        StreamCalls.AssertCreated(items[7], answers[7]);
        StreamCalls.AssertCreated(items[8], answers[8]);

        // Each error is exactly what RecordInteraction answers for the same request (code, violations).
        for (var i = 1; i <= 6; i++)
        {
            var unary = await RpcAssert.FailsAsync((StatusCode)answers[i].Error.Code, () => api.Interactions.RecordInteractionAsync(
                new RecordInteractionRequest { Parent = items[i].Parent, Interaction = items[i].Interaction }, deadline: Calls.Deadline()).ResponseAsync);
            var unaryStatus = unary.GetRpcStatus();
            var unaryViolations = unaryStatus?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
            var streamViolations = answers[i].Error.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
            Assert.Equal(unaryViolations, streamViolations);
        }

        Assert.Equal(2, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, id));
        Assert.Equal(1, await Calls.CountInteractionRowsAsync(fixture.Database.DataSource, other));
    }

    [Fact]
    public async Task The_items_of_one_customer_are_recorded_in_stream_order()
    {
        const int perCustomer = 200;
        var customers = await api.CreateCustomersAsync(3);

        // Interleaved, and all of one customer at the same occur_time: the listing's order is then the record order.
        var items = new List<StreamInteractionsRequest>();
        for (var n = 0; n < perCustomer; n++)
        {
            for (var c = 0; c < customers.Count; c++)
            {
                items.Add(StreamCalls.Item(customers[c], TestData.Inquiry($"o-{n:D3}", TestData.At(TimeSpan.FromHours(c + 1)))));
            }
        }

        var answers = await api.StreamAsync(items);

        StreamCalls.AssertOnePerItemInOrder(items.Count, answers);
        Assert.All(answers, a => Assert.Equal(Result.Created, a.Result));
        var inStreamOrder = Enumerable.Range(0, perCustomer).Select(n => $"o-{n:D3}").ToList();
        foreach (var customer in customers)
        {
            Assert.Equal(inStreamOrder, await LogOrderAsync(customer));
            var listed = await api.ListAllInteractionsAsync(customer);
            Assert.Equal(inStreamOrder.AsEnumerable().Reverse(), listed.Select(i => i.InteractionId));
            var recordTimes = answers.Where(a => a.Interaction.Name.StartsWith(TestData.CustomerName(customer) + "/", StringComparison.Ordinal))
                .Select(a => a.Interaction.RecordTime).ToList();
            for (var n = 1; n < recordTimes.Count; n++)
            {
                Assert.True(recordTimes[n - 1] <= recordTimes[n], $"{customer}: record_time of item {n} is before that of item {n - 1}");
            }
        }
    }

    [Fact]
    public async Task A_stream_half_closed_without_items_ends_ok_without_answers()
    {
        var answers = await api.StreamAsync([]);
        Assert.Empty(answers);
    }

    /// <summary>The interaction ids of a customer in log (sequence) order.</summary>
    private async Task<List<string>> LogOrderAsync(string customerId)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT interaction_id FROM customer_events WHERE customer_id = $1 AND interaction_id IS NOT NULL ORDER BY sequence");
        command.Parameters.AddWithValue(customerId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
