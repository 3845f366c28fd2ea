using System.Text.Json;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Grains.Loyalty;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustomerNeeds.Grains.Tests.Loyalty;

/// <summary>
/// The loyalty sweep on real PostgreSQL and real grains: customers are created now with a past
/// history, then the grains' clock moves 20 and 60 days forward and sweeps run.
/// </summary>
[Collection(LoyaltySweepCollection.Name)]
public sealed class LoyaltySweepTests(LoyaltySweepFixture fixture)
{
    private readonly ShiftedClock clock = ShiftedClock.Instance;

    [Fact]
    public async Task Sweeps_review_exactly_the_customers_due_record_each_change_with_its_reason_and_then_rest()
    {
        clock.Offset = TimeSpan.Zero;
        var p = Whole(clock.GetUtcNow()).AddSeconds(-1);
        var run = Guid.NewGuid().ToString("N")[..8];
        string Id(string name) => $"{name}-{run}";

        // recent: in contact at P. semi: silent since P-40d. dormant: silent since P-200d.
        // grace: silver at P from two purchases at P-170d and P-169d (silver needs one within 180 days).
        // quiet: no interaction at all.
        await CreateAsync(Id("recent"), Contact("r1", p));
        await CreateAsync(Id("semi"), Contact("s1", p.AddDays(-40)));
        await CreateAsync(Id("dormant"), Contact("d1", p.AddDays(-200)));
        await CreateAsync(Id("grace"), Purchase("g1", p.AddDays(-170)), Purchase("g2", p.AddDays(-169)));
        await CreateAsync(Id("quiet"));
        Assert.Equal("silver", (await Grain(Id("grace")).GetLoyaltyAsync()).Tier);

        var created = await LastSequencesAsync();
        Assert.Equal(p.AddDays(90), (await NextReviewsAsync())[Id("recent")]);
        Assert.Equal(p.AddDays(50), (await NextReviewsAsync())[Id("semi")]);
        Assert.Null((await NextReviewsAsync())[Id("quiet")]);

        // Day 20: "dormant" and "grace" are due (since their creation); one customer per run, an unfinished run resumes.
        clock.Offset = TimeSpan.FromDays(20);
        var one = Sweep(batchSize: 1, maxPerRun: 1);
        var day20 = clock.GetUtcNow();
        Assert.Equal((1, false), Summary(await one.RunAsync(day20, CancellationToken.None)));
        Assert.Equal((1, false), Summary(await one.RunAsync(day20, CancellationToken.None)));
        Assert.Equal((0, true), Summary(await one.RunAsync(day20, CancellationToken.None)));

        var dormant = await EventsAfterAsync(Id("dormant"), created[Id("dormant")]);
        var silence = Assert.Single(dormant);
        Assert.Equal("dormancy-changed", silence.Type);
        Assert.Equal(((int)Dormancy.Active, (int)Dormancy.Dormant, 220), (silence.Int("From"), silence.Int("To"), silence.Int("DaysSilent")));
        Assert.Equal($"no contact for 220 days since {p.AddDays(-200):yyyy-MM-dd}: dormant from 180 days", silence.Reason);

        var grace = await EventsAfterAsync(Id("grace"), created[Id("grace")]);
        Assert.Equal(["tier-grace-period-changed", "dormancy-changed", "churn-risk-changed"], grace.Select(e => e.Type));
        Assert.StartsWith("below silver: last purchase 189 days ago > 180", grace[0].Reason, StringComparison.Ordinal);
        Assert.Contains("kept until the grace period of 30 days ends", grace[0].Reason, StringComparison.Ordinal);
        Assert.Equal(((int)ChurnRiskLevel.Low, (int)ChurnRiskLevel.Medium), (grace[2].Int("From"), grace[2].Int("To")));
        Assert.StartsWith("churn risk low -> medium at score 0.40: recency 0.40 (189 days since last purchase", grace[2].Reason, StringComparison.Ordinal);

        // Day 60: "semi" passed 90 silent days (day 50), "dormant" passed 239 days (day 39: medium risk),
        // the grace period of "grace" ended (day 50). "recent" and "quiet" are not due.
        clock.Offset = TimeSpan.FromDays(60);
        var sweep = Sweep(batchSize: 2, maxPerRun: 100);
        var day60 = clock.GetUtcNow();
        var second = await sweep.RunAsync(day60, CancellationToken.None);
        Assert.Equal(new LoyaltySweepRun(true, 3, 3, 3, 0, 0, true), second);

        var semi = Assert.Single(await EventsAfterAsync(Id("semi"), created[Id("semi")]));
        Assert.Equal(("dormancy-changed", (int)Dormancy.SemiDormant), (semi.Type, semi.Int("To")));
        Assert.Equal($"no contact for 100 days since {p.AddDays(-40):yyyy-MM-dd}: semi-dormant from 90 days", semi.Reason);

        var risk = (await EventsAfterAsync(Id("dormant"), created[Id("dormant")]))[^1];
        Assert.Equal(("churn-risk-changed", (int)ChurnRiskLevel.Medium), (risk.Type, risk.Int("To")));
        Assert.StartsWith("churn risk low -> medium at score 0.3778: recency 0.3778 (260 days since last interaction", risk.Reason, StringComparison.Ordinal);

        var dropped = (await EventsAfterAsync(Id("grace"), created[Id("grace")]))[^1];
        Assert.Equal("tier-changed", dropped.Type);
        Assert.Contains("grace period of 30 days over; qualifies for bronze", dropped.Reason, StringComparison.Ordinal);
        var loyalty = await Grain(Id("grace")).GetLoyaltyAsync();
        Assert.Equal("bronze", loyalty.Tier);
        Assert.Equal(("silver", "bronze"), (loyalty.History[^1].FromTier, loyalty.History[^1].ToTier));

        // Nobody else changed, and a second sweep changes nothing.
        var after = await LastSequencesAsync();
        Assert.Equal(created[Id("recent")], after[Id("recent")]);
        Assert.Equal(created[Id("quiet")], after[Id("quiet")]);
        Assert.Equal(new LoyaltySweepRun(true, 0, 0, 0, 0, 0, true), await sweep.RunAsync(day60, CancellationToken.None));
        Assert.Equal(after, await LastSequencesAsync());

        var next = await NextReviewsAsync();
        Assert.Equal(p.AddDays(90), next[Id("recent")]);
        Assert.Equal(p.AddDays(140), next[Id("semi")]);
        Assert.All(next.Values, at => Assert.True(at is null || at > day60));

        // A row due although its review changes nothing (here: forced) is reviewed once and moved on, not picked again.
        await ExecuteAsync("UPDATE customer_summaries SET next_review_at = $1 WHERE customer_id = $2", day60.AddDays(-1).UtcDateTime, Id("recent"));
        Assert.Equal(new LoyaltySweepRun(true, 1, 0, 0, 1, 0, true), await sweep.RunAsync(day60, CancellationToken.None));
        Assert.Equal(p.AddDays(90), (await NextReviewsAsync())[Id("recent")]);
        Assert.Equal(new LoyaltySweepRun(true, 0, 0, 0, 0, 0, true), await sweep.RunAsync(day60, CancellationToken.None));
        Assert.Equal(after, await LastSequencesAsync());
    }

    [Fact]
    public async Task Failing_reviews_are_counted_and_do_not_stop_the_run()
    {
        // Two rows without a customer behind them (their reviews fail: not found) and one real
        // customer with nothing time-driven, all due in the year 2000 (no other test's customer is).
        var run = Guid.NewGuid().ToString("N")[..8];
        var real = $"plain-{run}";
        await CreateAsync(real);
        await ExecuteAsync(
            """
            INSERT INTO customer_summaries (
                customer_id, display_name, kind, value_types, relationship_mode, tags, attributes, ladder_stage,
                churn_risk_score, churn_risk_level, csat_count, open_complaint_count, complaint_count, interaction_count,
                purchase_count, lifetime_spend, referral_count, created_at, updated_at, evaluated_at, last_sequence, next_review_at)
            SELECT replace(customer_id, 'plain-', g.prefix), display_name, kind, value_types, relationship_mode, tags, attributes, ladder_stage,
                   churn_risk_score, churn_risk_level, csat_count, open_complaint_count, complaint_count, interaction_count,
                   purchase_count, lifetime_spend, referral_count, created_at, updated_at, evaluated_at, last_sequence, $1
            FROM customer_summaries, (VALUES ('ghost-a-'), ('ghost-b-')) AS g(prefix)
            WHERE customer_id = $2
            """,
            new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            real);
        await ExecuteAsync("UPDATE customer_summaries SET next_review_at = $1 WHERE customer_id = $2", new DateTime(2000, 1, 2, 0, 0, 0, DateTimeKind.Utc), real);
        try
        {
            var year2001 = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
            Assert.Equal(new LoyaltySweepRun(true, 3, 0, 0, 1, 2, true), await Sweep(batchSize: 2, maxPerRun: 100).RunAsync(year2001, CancellationToken.None));
            Assert.Null((await NextReviewsAsync())[real]);
        }
        finally
        {
            await ExecuteAsync("DELETE FROM customer_summaries WHERE customer_id IN ($2, $3)", default, $"ghost-a-{run}", $"ghost-b-{run}");
        }
    }

    [Fact]
    public async Task A_run_skips_while_another_server_holds_the_sweep_lock()
    {
        await using var held = await Storage.Loyalty.SweepLock.TryTakeAsync(fixture.Database.DataSource, Storage.Loyalty.SweepLock.LoyaltySweepKey, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Same(LoyaltySweepRun.Skipped, await Sweep(10, 10).RunAsync(clock.GetUtcNow().AddYears(5), CancellationToken.None));
    }

    private static (int Reviewed, bool Complete) Summary(LoyaltySweepRun run) => (run.Reviewed, run.Complete);

    private static DateTimeOffset Whole(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private ICustomerGrain Grain(string id) => fixture.Grains.GetGrain<ICustomerGrain>(id);

    private LoyaltySweep Sweep(int batchSize, int maxPerRun) =>
        new(fixture.Database.DataSource, fixture.Grains, new LoyaltySweepSettings(batchSize, 4, maxPerRun), NullLogger<LoyaltySweep>.Instance);

    private async Task CreateAsync(string id, params Interaction[] interactions)
    {
        var grain = Grain(id);
        await grain.CreateAsync(Samples.Profile(id));
        foreach (var interaction in interactions)
        {
            await grain.RecordInteractionAsync(interaction);
        }
    }

    private static Interaction Contact(string id, DateTimeOffset at) => new()
    {
        InteractionId = id,
        Channel = Channel.Phone,
        Kind = InteractionKind.Inquiry,
        Direction = Direction.Inbound,
        OccurTime = at,
        Agent = "agent-7",
        Summary = "question",
    };

    private static Interaction Purchase(string id, DateTimeOffset at) =>
        Contact(id, at) with { Kind = InteractionKind.Purchase, Channel = Channel.WebForm, Amount = new Money(300m, "EUR") };

    private async Task<Dictionary<string, long>> LastSequencesAsync()
    {
        var rows = new Dictionary<string, long>();
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT customer_id, max(sequence) FROM customer_events GROUP BY customer_id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }

    private async Task<Dictionary<string, DateTimeOffset?>> NextReviewsAsync()
    {
        var rows = new Dictionary<string, DateTimeOffset?>();
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT customer_id, next_review_at FROM customer_summaries");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(1), TimeSpan.Zero);
        }

        return rows;
    }

    private async Task<List<LoggedEvent>> EventsAfterAsync(string customerId, long sequence)
    {
        var events = new List<LoggedEvent>();
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT event_type, payload::text FROM customer_events WHERE customer_id = $1 AND sequence > $2 ORDER BY sequence");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = customerId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(new LoggedEvent(reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }

        return events;
    }

    private async Task ExecuteAsync(string sql, DateTime at, params string[] customerIds)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        foreach (var id in customerIds)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        }

        await command.ExecuteNonQueryAsync();
    }

    private sealed record LoggedEvent(string Type, JsonElement Payload)
    {
        public string Reason => Payload.GetProperty("Reason").GetString()!;

        public int Int(string name) => Payload.GetProperty(name).GetInt32();
    }
}
