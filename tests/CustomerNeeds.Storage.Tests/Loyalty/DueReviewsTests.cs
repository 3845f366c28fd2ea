using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage.Loyalty;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Storage.Tests.ReadModel;

namespace CustomerNeeds.Storage.Tests.Loyalty;

/// <summary>The sweep's reads and deferrals on customer_summaries.next_review_at, on real PostgreSQL.</summary>
public sealed class DueReviewsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset T0 = ReadModelRows.T0;

    [Fact]
    public async Task Pages_hold_only_the_due_rows_oldest_first_with_ties_by_id_and_a_deferral_is_guarded_by_the_sequence()
    {
        await new ReadModelStore(database.DataSource).UpsertAsync(
        [
            Row("a", 3, T0.AddHours(-2)),
            Row("c", 4, T0.AddHours(-1)),
            Row("b", 5, T0.AddHours(-1)),
            Row("d", 6, T0.AddHours(1)),
            Row("e", 7, null),
            Row("f", 8, T0),
        ], CancellationToken.None);

        var first = await DueReviews.ReadAsync(database.DataSource, T0, null, 2, CancellationToken.None);
        Assert.Equal([new DueReview("a", T0.AddHours(-2), 3), new DueReview("b", T0.AddHours(-1), 5)], first);
        var second = await DueReviews.ReadAsync(database.DataSource, T0, first[^1], 2, CancellationToken.None);
        Assert.Equal([new DueReview("c", T0.AddHours(-1), 4), new DueReview("f", T0, 8)], second);
        Assert.Empty(await DueReviews.ReadAsync(database.DataSource, T0, second[^1], 2, CancellationToken.None));

        // A write came in between (the row is at another sequence): the deferral leaves the row alone.
        Assert.False(await DueReviews.DeferAsync(database.DataSource, "c", 99, T0.AddDays(1), CancellationToken.None));
        Assert.True(await DueReviews.DeferAsync(database.DataSource, "c", 4, T0.AddDays(1), CancellationToken.None));
        Assert.True(await DueReviews.DeferAsync(database.DataSource, "a", 3, null, CancellationToken.None));

        var after = await DueReviews.ReadAsync(database.DataSource, T0, null, 10, CancellationToken.None);
        Assert.Equal(["b", "f"], after.Select(r => r.CustomerId));
    }

    private static CustomerProjection Row(string id, long sequence, DateTimeOffset? nextReviewAt)
    {
        var projection = ReadModelRows.Projection($"due-{id}", sequence, id, withRows: false);
        return projection with { Summary = projection.Summary with { CustomerId = id, NextReviewAt = nextReviewAt } };
    }
}
