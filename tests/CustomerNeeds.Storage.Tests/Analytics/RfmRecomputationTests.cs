using CustomerNeeds.Storage.Analytics;
using CustomerNeeds.Testing;
using Npgsql;

namespace CustomerNeeds.Storage.Tests.Analytics;

/// <summary>The RFM job on hand-computed populations: quintile boundaries, ties, customers without purchases, re-runs and the lock.</summary>
public sealed class RfmRecomputationTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Day0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RunAt = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => ReadModelRows.ClearAsync(db.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ten_distinct_purchasers_fill_each_quintile_with_two_and_rank_each_dimension_on_its_own()
    {
        // Customer p{i}, i = 1..10: last purchase on day i (later is better), 11 - i purchases
        // (so frequency runs the other way), spend 100 * ((i * 3) % 10 + 1) (a shuffled order).
        for (var i = 1; i <= 10; i++)
        {
            await ReadModelRows.SummaryAsync(db.DataSource, $"p{i:00}", purchaseCount: 11 - i, lifetimeSpend: 100 * (((i * 3) % 10) + 1), lastPurchaseAt: Day0.AddDays(i));
        }

        var run = await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);

        Assert.Equal(new RfmRun(true, 10), run);
        var scores = await ScoresAsync();
        // Quintile of the k-th worst of 10 (k = 1..10): 1 + floor(5 (k - 1) / 10) = 1,1,2,2,3,3,4,4,5,5.
        int[] quintileOfRank = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
        for (var i = 1; i <= 10; i++)
        {
            var spendRank = ((i * 3) % 10) + 1; // spend order: the k-th smallest spend is 100 k
            Assert.Equal((quintileOfRank[i - 1], quintileOfRank[10 - i], quintileOfRank[spendRank - 1]), scores[$"p{i:00}"]);
        }
    }

    [Fact]
    public async Task Seven_purchasers_split_one_two_three_three_four_five_by_the_count_of_worse_values()
    {
        for (var i = 1; i <= 7; i++)
        {
            await ReadModelRows.SummaryAsync(db.DataSource, $"s{i}", purchaseCount: i, lifetimeSpend: i, lastPurchaseAt: Day0.AddDays(i));
        }

        await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);

        // 1 + floor(5 b / 7) for b = 0..6 worse purchasers: 1, 1, 2, 3, 3, 4, 5.
        int[] expected = [1, 1, 2, 3, 3, 4, 5];
        var scores = await ScoresAsync();
        for (var i = 1; i <= 7; i++)
        {
            Assert.Equal((expected[i - 1], expected[i - 1], expected[i - 1]), scores[$"s{i}"]);
        }
    }

    [Fact]
    public async Task Equal_values_share_the_quintile_of_the_lowest_of_them()
    {
        // Spend 10, 10, 10, 20, 30: worse purchasers 0, 0, 0, 3, 4 -> 1, 1, 1, 4, 5.
        // Purchases 2 for all: nobody is worse -> 1 for everyone. Last purchase: two on day 1, three on day 2.
        decimal[] spend = [10, 10, 10, 20, 30];
        for (var i = 0; i < 5; i++)
        {
            await ReadModelRows.SummaryAsync(db.DataSource, $"t{i}", purchaseCount: 2, lifetimeSpend: spend[i], lastPurchaseAt: Day0.AddDays(i < 2 ? 1 : 2));
        }

        await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);

        var scores = await ScoresAsync();
        // Recency: 0 worse for the two on day 1 -> 1; 2 worse for the three on day 2 -> 1 + floor(10 / 5) = 3.
        Assert.Equal((1, 1, 1), scores["t0"]);
        Assert.Equal((1, 1, 1), scores["t1"]);
        Assert.Equal((3, 1, 1), scores["t2"]);
        Assert.Equal((3, 1, 4), scores["t3"]);
        Assert.Equal((3, 1, 5), scores["t4"]);
    }

    [Fact]
    public async Task Customers_without_purchases_score_one_and_do_not_move_the_purchasers()
    {
        for (var i = 1; i <= 5; i++)
        {
            await ReadModelRows.SummaryAsync(db.DataSource, $"b{i}", purchaseCount: i, lifetimeSpend: 10 * i, lastPurchaseAt: Day0.AddDays(i));
        }

        await ReadModelRows.SummaryAsync(db.DataSource, "n1");
        await ReadModelRows.SummaryAsync(db.DataSource, "n2");

        var run = await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);

        Assert.Equal(7, run.ScoredCustomers);
        var scores = await ScoresAsync();
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal((i, i, i), scores[$"b{i}"]);
        }

        Assert.Equal((1, 1, 1), scores["n1"]);
        Assert.Equal((1, 1, 1), scores["n2"]);
    }

    [Fact]
    public async Task A_second_run_replaces_the_scores_and_their_time()
    {
        await ReadModelRows.SummaryAsync(db.DataSource, "r1", purchaseCount: 1, lifetimeSpend: 10, lastPurchaseAt: Day0);
        await ReadModelRows.SummaryAsync(db.DataSource, "r2", purchaseCount: 2, lifetimeSpend: 20, lastPurchaseAt: Day0.AddDays(1));
        await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);
        Assert.Equal((1, 1, 1), (await ScoresAsync())["r1"]);

        await using (var command = db.DataSource.CreateCommand(
            "UPDATE customer_summaries SET purchase_count = 9, lifetime_spend = 900, last_purchase_at = $1 WHERE customer_id = 'r1'"))
        {
            command.Parameters.AddWithValue(Day0.AddDays(5));
            await command.ExecuteNonQueryAsync();
        }

        var later = RunAt.AddMinutes(5);
        await RfmRecomputation.RunAsync(db.DataSource, later, CancellationToken.None);

        var row = await new RfmScores(db.DataSource).GetAsync("r1", CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal((3, 3, 3), ((int)row.Recency!, (int)row.Frequency!, (int)row.Monetary!));
        Assert.Equal(later, row.ComputedAt);
        Assert.Equal((1, 1, 1), (await ScoresAsync())["r2"]);
    }

    [Fact]
    public async Task A_run_while_another_session_holds_the_lock_does_nothing()
    {
        await ReadModelRows.SummaryAsync(db.DataSource, "l1", purchaseCount: 1, lifetimeSpend: 10, lastPurchaseAt: Day0);
        await using var other = await db.DataSource.OpenConnectionAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", other, otherTransaction))
        {
            take.Parameters.AddWithValue(RfmRecomputation.AdvisoryLockKey);
            await take.ExecuteNonQueryAsync();
        }

        var run = await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);

        Assert.Equal(new RfmRun(false, 0), run);
        Assert.Empty(await ScoresAsync());

        await otherTransaction.RollbackAsync();
        Assert.True((await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None)).Ran);
    }

    [Fact]
    public async Task The_distribution_counts_customers_per_cell_and_per_dimension_over_the_population()
    {
        for (var i = 1; i <= 5; i++)
        {
            await ReadModelRows.SummaryAsync(db.DataSource, $"d{i}", purchaseCount: i, lifetimeSpend: 10 * i, lastPurchaseAt: Day0.AddDays(i));
        }

        await ReadModelRows.SummaryAsync(db.DataSource, "d0");
        await RfmRecomputation.RunAsync(db.DataSource, RunAt, CancellationToken.None);
        await ReadModelRows.SummaryAsync(db.DataSource, "d-new"); // not scored yet

        var distribution = await new RfmScores(db.DataSource).DistributionAsync(CancellationToken.None);

        Assert.Equal(7, distribution.CustomerCount);
        Assert.Equal(6, distribution.ScoredCount);
        Assert.Equal(RunAt, distribution.OldestComputedAt);
        Assert.Equal(RunAt, distribution.NewestComputedAt);
        Assert.Equal(
            [new RfmCellRow(5, 5, 5, 1), new RfmCellRow(4, 4, 4, 1), new RfmCellRow(3, 3, 3, 1), new RfmCellRow(2, 2, 2, 1), new RfmCellRow(1, 1, 1, 2)],
            distribution.Cells);
    }

    [Fact]
    public async Task One_customer_reads_null_scores_before_the_first_run_and_null_when_unknown()
    {
        await ReadModelRows.SummaryAsync(db.DataSource, "u1", purchaseCount: 3, lifetimeSpend: 12.5m, lastPurchaseAt: Day0);
        var scores = new RfmScores(db.DataSource);

        var before = await scores.GetAsync("u1", CancellationToken.None);

        Assert.Equal(new RfmScoreRow("u1", null, null, null, null, Day0, 3, 12.5m), before);
        Assert.Null(await scores.GetAsync("nobody", CancellationToken.None));
    }

    private async Task<Dictionary<string, (int R, int F, int M)>> ScoresAsync()
    {
        var scores = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        await using var command = db.DataSource.CreateCommand("SELECT customer_id, recency, frequency, monetary FROM customer_rfm");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            scores[reader.GetString(0)] = (reader.GetInt16(1), reader.GetInt16(2), reader.GetInt16(3));
        }

        return scores;
    }
}
