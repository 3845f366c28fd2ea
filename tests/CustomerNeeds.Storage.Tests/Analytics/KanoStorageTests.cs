using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.Analytics;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Storage.Tests.Analytics;

/// <summary>Questionnaire features, staff beliefs and the answer-pair counts of the KANO analysis on PostgreSQL.</summary>
public sealed class KanoStorageTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2030, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => ReadModelRows.ClearAsync(db.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    private KanoFeatures Features => new(db.DataSource);

    private KanoStaffBeliefs Beliefs => new(db.DataSource);

    [Fact]
    public async Task A_feature_is_created_once_with_etag_one_and_read_back()
    {
        var created = await Features.CreateAsync("reorder", "One-click reorder", "If it has it?", "If it has not?", T0, CancellationToken.None);
        var again = await Features.CreateAsync("reorder", "Other", "a", "b", T0.AddHours(1), CancellationToken.None);

        var expected = new KanoFeatureRow("reorder", "One-click reorder", "If it has it?", "If it has not?", T0, T0, 1);
        Assert.Equal(new KanoFeatureOutcome(KanoFeatureChange.Done, expected), created);
        Assert.Equal(KanoFeatureChange.AlreadyExists, again.Change);
        Assert.Equal(expected, await Features.GetAsync("reorder", CancellationToken.None));
        Assert.Null(await Features.GetAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task Features_list_in_id_order_after_the_given_id()
    {
        foreach (var id in new[] { "c", "a", "b" })
        {
            await Features.CreateAsync(id, id, "f", "d", T0, CancellationToken.None);
        }

        var first = await Features.ListAsync(null, 2, CancellationToken.None);
        var rest = await Features.ListAsync("b", 2, CancellationToken.None);

        Assert.Equal(["a", "b"], first.Select(f => f.FeatureId));
        Assert.Equal(["c"], rest.Select(f => f.FeatureId));
    }

    [Fact]
    public async Task An_update_changes_the_named_fields_and_the_etag_and_refuses_a_stale_etag()
    {
        await Features.CreateAsync("f", "Name", "Functional?", "Dysfunctional?", T0, CancellationToken.None);

        var updated = await Features.UpdateAsync("f", new KanoFeatureEdit("New name", null, null), 1, T0.AddHours(1), CancellationToken.None);
        var stale = await Features.UpdateAsync("f", new KanoFeatureEdit(null, "Changed?", null), 1, T0.AddHours(2), CancellationToken.None);
        var missing = await Features.UpdateAsync("nope", new KanoFeatureEdit("x", null, null), null, T0, CancellationToken.None);

        var expected = new KanoFeatureRow("f", "New name", "Functional?", "Dysfunctional?", T0, T0.AddHours(1), 2);
        Assert.Equal(new KanoFeatureOutcome(KanoFeatureChange.Done, expected), updated);
        Assert.Equal(new KanoFeatureOutcome(KanoFeatureChange.EtagMismatch, expected), stale);
        Assert.Equal(KanoFeatureChange.NotFound, missing.Change);
        Assert.Equal(expected, await Features.GetAsync("f", CancellationToken.None));
    }

    [Fact]
    public async Task A_delete_takes_the_staff_beliefs_along_but_is_refused_once_customers_answered()
    {
        await Features.CreateAsync("quiet", "Quiet", "f", "d", T0, CancellationToken.None);
        await Features.CreateAsync("asked", "Asked", "f", "d", T0, CancellationToken.None);
        await Beliefs.RecordAsync(new KanoStaffBeliefRow("quiet", "anna", 1, 5, 2, T0), CancellationToken.None);
        await Beliefs.RecordAsync(new KanoStaffBeliefRow("quiet", "ben", 1, 3, 3, T0), CancellationToken.None);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c1", "asked", 1, 5);

        var stale = await Features.DeleteAsync("quiet", 7, CancellationToken.None);
        var deleted = await Features.DeleteAsync("quiet", 1, CancellationToken.None);
        var refused = await Features.DeleteAsync("asked", null, CancellationToken.None);
        var missing = await Features.DeleteAsync("quiet", null, CancellationToken.None);

        Assert.Equal(KanoFeatureChange.EtagMismatch, stale.Change);
        Assert.Equal((KanoFeatureChange.Done, 2L), (deleted.Change, deleted.DeletedBeliefs));
        Assert.Equal(KanoFeatureChange.Answered, refused.Change);
        Assert.Equal(KanoFeatureChange.NotFound, missing.Change);
        Assert.Null(await Features.GetAsync("quiet", CancellationToken.None));
        Assert.NotNull(await Features.GetAsync("asked", CancellationToken.None));
        Assert.Null(await Beliefs.ListAsync("quiet", null, 50, CancellationToken.None));
    }

    [Fact]
    public async Task A_staff_belief_is_one_per_staff_member_replaced_on_record_and_needs_the_feature()
    {
        await Features.CreateAsync("f", "F", "f", "d", T0, CancellationToken.None);

        await Beliefs.RecordAsync(new KanoStaffBeliefRow("f", "zoe", 1, 5, 2, T0), CancellationToken.None);
        await Beliefs.RecordAsync(new KanoStaffBeliefRow("f", "anna", 2, 5, 1, T0), CancellationToken.None);
        var replaced = await Beliefs.RecordAsync(new KanoStaffBeliefRow("f", "zoe", 1, 3, 3, T0.AddDays(1)), CancellationToken.None);
        var orphan = await Beliefs.RecordAsync(new KanoStaffBeliefRow("nope", "zoe", 1, 3, 3, T0), CancellationToken.None);

        Assert.Equal(new KanoStaffBeliefRow("f", "zoe", 1, 3, 3, T0.AddDays(1)), replaced);
        Assert.Null(orphan);
        Assert.NotNull(replaced);
        var all = await Beliefs.ListAsync("f", null, 50, CancellationToken.None);
        Assert.Equal([new KanoStaffBeliefRow("f", "anna", 2, 5, 1, T0), replaced], all);
        Assert.Equal([replaced], await Beliefs.ListAsync("f", "anna", 50, CancellationToken.None));
    }

    [Fact]
    public async Task The_analysis_counts_answer_pairs_per_feature_for_customers_and_staff()
    {
        await Features.CreateAsync("a", "A", "f", "d", T0, CancellationToken.None);
        await Features.CreateAsync("b", "B", "f", "d", T0, CancellationToken.None);
        await Features.CreateAsync("c", "C", "f", "d", T0, CancellationToken.None);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c1", "a", 1, 5);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c2", "a", 1, 5);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c3", "a", 3, 3);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c1", "b", 2, 5);
        await Beliefs.RecordAsync(new KanoStaffBeliefRow("a", "s1", 1, 3, 3, T0), CancellationToken.None);

        var query = new KanoAnalysisQuery(db.DataSource);
        var one = await query.OneAsync("a", null, CancellationToken.None);
        var page = await query.PageAsync(null, 2, null, CancellationToken.None);
        var next = await query.PageAsync("b", 2, null, CancellationToken.None);

        Assert.NotNull(one);
        Assert.Equal("a", one.Feature.FeatureId);
        Assert.Equal([new KanoPairCount(1, 5, 2), new KanoPairCount(3, 3, 1)], one.Customers.OrderBy(p => p.Functional));
        Assert.Equal([new KanoPairCount(1, 3, 1)], one.Staff);
        Assert.Equal(["a", "b"], page.Select(p => p.Feature.FeatureId));
        Assert.Equal([new KanoPairCount(2, 5, 1)], page[1].Customers);
        Assert.Empty(page[1].Staff);
        Assert.Equal(["c"], next.Select(p => p.Feature.FeatureId));
        Assert.Empty(next[0].Customers);
        Assert.Null(await query.OneAsync("zzz", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_segment_restricts_the_customers_answers_but_not_the_staff_beliefs()
    {
        await Features.CreateAsync("a", "A", "f", "d", T0, CancellationToken.None);
        await ReadModelRows.SummaryAsync(db.DataSource, "c1", region: "north");
        await ReadModelRows.SummaryAsync(db.DataSource, "c2", region: "south");
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c1", "a", 1, 5);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c2", "a", 3, 3);
        await ReadModelRows.KanoAnswerAsync(db.DataSource, "c3", "a", 2, 5); // no summary: in no segment
        await Beliefs.RecordAsync(new KanoStaffBeliefRow("a", "s1", 1, 3, 3, T0), CancellationToken.None);
        var north = new CustomerFilterChecker(CustomerFieldCatalog.Create(["gold"])).Check("region = \"north\"");

        var counts = await new KanoAnalysisQuery(db.DataSource).OneAsync("a", north, CancellationToken.None);

        Assert.NotNull(counts);
        Assert.Equal([new KanoPairCount(1, 5, 1)], counts.Customers);
        Assert.Equal([new KanoPairCount(1, 3, 1)], counts.Staff);
    }
}
