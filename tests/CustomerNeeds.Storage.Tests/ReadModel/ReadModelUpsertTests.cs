using CustomerNeeds.Storage.GroupCommit;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Storage.Tests.GroupCommit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static CustomerNeeds.Storage.Tests.ReadModel.ReadModelRows;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>The read-model rows written by the append statement and by the rebuild's upsert, on a real PostgreSQL.</summary>
public sealed class ReadModelUpsertTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private NpgsqlDataSource DataSource => database.DataSource;

    private static string NewCustomerId() => "c-" + Guid.NewGuid().ToString("N");

    private static NewEvent Note(int n) => new("note-added", $$"""{"n":{{n}}}""", T0.AddSeconds(n));

    private static NewEvent Interaction(string id) =>
        new("interaction-recorded", $$"""{"id":"{{id}}"}""", T0, new InteractionKey(id, T0, "Email", "Inquiry", "hash-" + id));

    private static CustomerAppend Append(string customerId, long expected, int events, string label, params NewEvent[] extra) =>
        new(customerId, expected, [.. Enumerable.Range(1, events).Select(n => Note((int)expected + n)), .. extra], [], Projection(customerId, expected + events + extra.Length, label));

    private GroupCommitAppender NewAppender() =>
        new(DataSource, new PostgresCustomerEventLog(DataSource), new GroupCommitOptions(), NullLogger<GroupCommitAppender>.Instance);

    [Fact]
    public async Task AnAcceptedAppendWritesEveryColumnOfItsRows()
    {
        var customer = NewCustomerId();

        await new PostgresCustomerEventLog(DataSource).AppendAsync(Append(customer, 0, 2, "first"), CancellationToken.None);

        var summary = await RowAsync(DataSource, """
            SELECT display_name, kind::text, value_types::text, relationship_mode::text, industry, region, tags::text, attributes::text,
                   tier, tier_since::text, ladder_stage::text, churn_risk_score::text, churn_risk_level::text, csat_mean::text, csat_count::text,
                   nps_score::text, last_nps::text, nps_category::text, open_complaint_count::text, complaint_count::text, interaction_count::text,
                   purchase_count::text, lifetime_spend::text, first_purchase_at::text, last_purchase_at::text, referral_count::text,
                   last_interaction_at::text, created_at::text, updated_at::text, evaluated_at::text, last_sequence::text
            FROM customer_summaries WHERE customer_id = $1
            """, customer);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["display_name"] = "first", ["kind"] = "3", ["value_types"] = "{1,3}", ["relationship_mode"] = "2", ["industry"] = "retail",
            ["region"] = null, ["tags"] = "{vip,key-account}", ["attributes"] = """{"segment": "b2b"}""", ["tier"] = "gold",
            ["tier_since"] = "2026-03-01 09:00:00+00", ["ladder_stage"] = "4", ["churn_risk_score"] = "0.25", ["churn_risk_level"] = "1",
            ["csat_mean"] = "4.5", ["csat_count"] = "2", ["nps_score"] = "100", ["last_nps"] = "9", ["nps_category"] = "3",
            ["open_complaint_count"] = "1", ["complaint_count"] = "2", ["interaction_count"] = "7", ["purchase_count"] = "3",
            ["lifetime_spend"] = "1234.56", ["first_purchase_at"] = "2026-02-19 09:00:00+00", ["last_purchase_at"] = "2026-02-28 09:00:00+00",
            ["referral_count"] = "1", ["last_interaction_at"] = "2026-03-01 08:00:00+00", ["created_at"] = "2025-03-01 09:00:00+00",
            ["updated_at"] = "2026-03-01 09:00:00.123456+00", ["evaluated_at"] = "2026-03-01 09:00:00.123456+00", ["last_sequence"] = "2",
        }, summary);
        var need = await RowAsync(DataSource, "SELECT need_id, type::text, area::text, kano_class::text, status::text, title, title_words::text, last_sequence::text FROM customer_summary_needs WHERE customer_id = $1", customer);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["need_id"] = "n1", ["type"] = "1", ["area"] = "4", ["kano_class"] = "1", ["status"] = "2", ["title"] = "Faster delivery first",
            ["title_words"] = "{faster,delivery,first}", ["last_sequence"] = "2",
        }, need);
        var answer = await RowAsync(DataSource, "SELECT feature_id, functional::text, dysfunctional::text, answer_class::text, interaction_id, answered_at::text, last_sequence::text FROM kano_answers WHERE customer_id = $1", customer);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["feature_id"] = "f-speed", ["functional"] = "1", ["dysfunctional"] = "5", ["answer_class"] = "2", ["interaction_id"] = "i-first",
            ["answered_at"] = "2026-03-01 09:00:00+00", ["last_sequence"] = "2",
        }, answer);
    }

    [Fact]
    public async Task RefusedAppendsOfABatchWriteNoRows()
    {
        await using var appender = NewAppender();
        var existing = NewCustomerId();
        await appender.AppendAsync(Append(existing, 0, 0, "before", Interaction("i-old")));
        var good = NewCustomerId();
        var stale = NewCustomerId();

        Task blocker, goodAppend, staleAppend, duplicateAppend;
        await using (var gate = await BatchGate.CloseAsync(DataSource))
        {
            blocker = appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []));
            await gate.WaitUntilBlockedAsync(DataSource);
            goodAppend = appender.AppendAsync(Append(good, 0, 1, "good"));
            staleAppend = appender.AppendAsync(Append(stale, 3, 1, "stale"));
            duplicateAppend = appender.AppendAsync(Append(existing, 1, 0, "duplicate", Interaction("i-new"), Interaction("i-old")));
        }

        await blocker;
        await goodAppend;
        await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => staleAppend);
        await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => duplicateAppend);
        Assert.Equal(3, appender.Statistics.Batches);
        Assert.Equal(("good", 1L), await SummaryAsync(DataSource, good));
        Assert.Null(await SummaryAsync(DataSource, stale));
        Assert.Empty(await ChildRowsAsync(DataSource, stale));
        Assert.Equal(("before", 1L), await SummaryAsync(DataSource, existing));
        Assert.Equal(["kano f-speed i-before 1", "need n1 Faster delivery before 1"], await ChildRowsAsync(DataSource, existing));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OfTwoAppendsOfOneCustomerInOneBatchOnlyTheAcceptedOneWritesRows(bool acceptedFirst)
    {
        await using var appender = NewAppender();
        var customer = NewCustomerId();
        await appender.AppendAsync(Append(customer, 0, 1, "one"));

        Task blocker, accepted, refused;
        await using (var gate = await BatchGate.CloseAsync(DataSource))
        {
            blocker = appender.AppendAsync(new CustomerAppend(NewCustomerId(), 0, [Note(1)], []));
            await gate.WaitUntilBlockedAsync(DataSource);
            if (acceptedFirst)
            {
                accepted = appender.AppendAsync(Append(customer, 1, 2, "three"));
                refused = appender.AppendAsync(Append(customer, 0, 4, "four"));
            }
            else
            {
                refused = appender.AppendAsync(Append(customer, 0, 4, "four"));
                accepted = appender.AppendAsync(Append(customer, 1, 2, "three"));
            }
        }

        await blocker;
        await accepted;
        await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => refused);
        Assert.Equal(3, appender.Statistics.Batches);
        Assert.Equal(("three", 3L), await SummaryAsync(DataSource, customer));
        Assert.Equal(["kano f-speed i-three 3", "need n1 Faster delivery three 3"], await ChildRowsAsync(DataSource, customer));
    }

    [Fact]
    public async Task OfTwoProjectionsOfOneCustomerInOneUpsertTheLastWins()
    {
        var store = new ReadModelStore(DataSource);
        var customer = NewCustomerId();

        var written = await store.UpsertAsync([Projection(customer, 5, "five"), Projection(customer, 3, "three")], CancellationToken.None);

        Assert.Equal(new ReadModelRowCounts(1, 1, 1), written);
        Assert.Equal(("three", 3L), await SummaryAsync(DataSource, customer));
        Assert.Equal(["kano f-speed i-three 3", "need n1 Faster delivery three 3"], await ChildRowsAsync(DataSource, customer));
    }

    [Fact]
    public async Task AnOlderProjectionNeverReplacesANewerRowAndANewerOneDoes()
    {
        var store = new ReadModelStore(DataSource);
        var customer = NewCustomerId();
        await new PostgresCustomerEventLog(DataSource).AppendAsync(Append(customer, 0, 4, "live"), CancellationToken.None);

        var older = await store.UpsertAsync([Projection(customer, 3, "rebuilt")], CancellationToken.None);
        var same = await store.UpsertAsync([Projection(customer, 4, "same")], CancellationToken.None);

        Assert.Equal(default, older);
        Assert.Equal(default, same);
        Assert.Equal(("live", 4L), await SummaryAsync(DataSource, customer));
        Assert.Equal(["kano f-speed i-live 4", "need n1 Faster delivery live 4"], await ChildRowsAsync(DataSource, customer));

        // An append whose projection carries no child rows leaves them as they are.
        await new PostgresCustomerEventLog(DataSource).AppendAsync(
            new CustomerAppend(customer, 4, [Note(5)], [], Projection(customer, 5, "newer", withRows: false)), CancellationToken.None);
        Assert.Equal(("newer", 5L), await SummaryAsync(DataSource, customer));
        Assert.Equal(["kano f-speed i-live 4", "need n1 Faster delivery live 4"], await ChildRowsAsync(DataSource, customer));

        var newer = await store.UpsertAsync([Projection(customer, 6, "rebuilt")], CancellationToken.None);
        Assert.Equal(new ReadModelRowCounts(1, 1, 1), newer);
        Assert.Equal(("rebuilt", 6L), await SummaryAsync(DataSource, customer));
    }

    [Fact]
    public async Task AProjectionOfAnotherCustomerOrSequenceIsRefusedBeforeWriting()
    {
        var log = new PostgresCustomerEventLog(DataSource);
        var customer = NewCustomerId();

        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(
            new CustomerAppend(customer, 0, [Note(1)], [], Projection(NewCustomerId(), 1, "x")), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(
            new CustomerAppend(customer, 0, [Note(1)], [], Projection(customer, 2, "x")), CancellationToken.None));

        Assert.Equal(0, await log.LastSequenceAsync(customer, CancellationToken.None));
        Assert.Null(await SummaryAsync(DataSource, customer));
    }

    [Fact]
    public async Task InteractionFactsAndComplaintColumnsAreWrittenAndTheOpeningChannelIsKept()
    {
        var log = new PostgresCustomerEventLog(DataSource);
        var customer = NewCustomerId();
        var facts = new InteractionFacts(1, 4, 9, 12.50m, "EUR", "k-1", "c-friend");
        var opened = new ComplaintFacts(3, "Email", null, null, null, 0);
        await log.AppendAsync(
            new CustomerAppend(
                customer,
                0,
                [new NewEvent("interaction-recorded", "{}", T0, new InteractionKey("i-1", T0, "Email", "Complaint", "h", facts))],
                [new ComplaintRow("k-1", "Recorded", T0, T0, "{}", opened)]),
            CancellationToken.None);
        var responded = T0.AddTicks(36_000_000_001);
        await log.AppendAsync(
            new CustomerAppend(customer, 1, [Note(2)], [new ComplaintRow("k-1", "Closed", T0, T0, "{}", new ComplaintFacts(3, null, responded, T0.AddHours(5), T0.AddHours(6), 1))]),
            CancellationToken.None);

        var e = await RowAsync(DataSource, "SELECT direction::text, csat::text, nps::text, amount::text, currency, related_complaint_id, referred_customer_id FROM customer_events WHERE customer_id = $1 AND sequence = 1", customer);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["direction"] = "1", ["csat"] = "4", ["nps"] = "9", ["amount"] = "12.50", ["currency"] = "EUR", ["related_complaint_id"] = "k-1", ["referred_customer_id"] = "c-friend",
        }, e);
        var c = await RowAsync(DataSource, "SELECT severity::text, channel, first_response_at::text, resolved_at::text, closed_at::text, reopen_count::text FROM customer_complaints WHERE customer_id = $1", customer);
        Assert.Equal(new Dictionary<string, string?>
        {
            ["severity"] = "3", ["channel"] = "Email", ["first_response_at"] = "2026-03-01 10:00:00+00", // 100 ns past the hour: kept to the microsecond
            ["resolved_at"] = "2026-03-01 14:00:00+00", ["closed_at"] = "2026-03-01 15:00:00+00", ["reopen_count"] = "1",
        }, c);
        var note = await RowAsync(DataSource, "SELECT coalesce(direction::text, 'null') AS d FROM customer_events WHERE customer_id = $1 AND sequence = 2", customer);
        Assert.Equal("null", note["d"]);
    }
}
