using CustomerNeeds.Storage.Segments;

namespace CustomerNeeds.Storage.Tests.ReadModel;

/// <summary>The segments table: create once, read, page by id, update and delete with an etag counter.</summary>
public sealed class PostgresSegmentStoreTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTime T0 = new(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc);

    private PostgresSegmentStore Store => new(database.DataSource);

    [Fact]
    public async Task A_segment_is_created_once_and_read_back()
    {
        var id = NewId();
        var created = await Store.CreateAsync(id, "VIPs", "our best", "tags:vip", T0, CancellationToken.None);
        Assert.Equal(new SegmentRow(id, "VIPs", "our best", "tags:vip", 1, T0, T0), created);
        Assert.Equal(created, await Store.GetAsync(id, CancellationToken.None));

        Assert.Null(await Store.CreateAsync(id, "other", "", "", T0.AddHours(1), CancellationToken.None));
        Assert.Equal(created, await Store.GetAsync(id, CancellationToken.None));
        Assert.Null(await Store.GetAsync(NewId(), CancellationToken.None));
    }

    [Fact]
    public async Task An_update_replaces_the_named_fields_and_counts_the_etag_up_when_the_etag_matches()
    {
        var id = NewId();
        await Store.CreateAsync(id, "VIPs", "our best", "tags:vip", T0, CancellationToken.None);

        var (outcome, updated) = await Store.UpdateAsync(id, new SegmentChanges(null, "changed", null), 1, T0.AddHours(1), CancellationToken.None);
        Assert.Equal(SegmentWriteOutcome.Done, outcome);
        Assert.Equal(new SegmentRow(id, "VIPs", "changed", "tags:vip", 2, T0, T0.AddHours(1)), updated);

        var stale = await Store.UpdateAsync(id, new SegmentChanges("x", null, null), 1, T0.AddHours(2), CancellationToken.None);
        Assert.Equal((SegmentWriteOutcome.EtagMismatch, (SegmentRow?)null), stale);
        Assert.Equal(updated, await Store.GetAsync(id, CancellationToken.None));

        var (unconditional, row) = await Store.UpdateAsync(id, new SegmentChanges(null, null, "kind = EXTERNAL"), null, T0.AddHours(3), CancellationToken.None);
        Assert.Equal(SegmentWriteOutcome.Done, unconditional);
        Assert.Equal(("kind = EXTERNAL", 3L), (row!.Filter, row.Etag));

        Assert.Equal(SegmentWriteOutcome.NotFound, (await Store.UpdateAsync(NewId(), new SegmentChanges("x", null, null), null, T0, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_keeps_the_segment()
    {
        var id = NewId();
        await Store.CreateAsync(id, "VIPs", "", "tags:vip", T0, CancellationToken.None);
        Assert.Equal(SegmentWriteOutcome.EtagMismatch, await Store.DeleteAsync(id, 7, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(id, CancellationToken.None));
        Assert.Equal(SegmentWriteOutcome.Done, await Store.DeleteAsync(id, 1, CancellationToken.None));
        Assert.Null(await Store.GetAsync(id, CancellationToken.None));
        Assert.Equal(SegmentWriteOutcome.NotFound, await Store.DeleteAsync(id, null, CancellationToken.None));
    }

    [Fact]
    public async Task Segments_are_listed_by_id_in_pages()
    {
        var ids = Enumerable.Range(0, 5).Select(i => "list-" + i).ToArray();
        foreach (var id in ids.Reverse())
        {
            await Store.CreateAsync(id, id, "", "", T0, CancellationToken.None);
        }

        var listed = new List<string>();
        string? after = "list-";
        do
        {
            var page = await Store.ListAsync(after, 2, CancellationToken.None);
            listed.AddRange(page.Segments.Select(s => s.SegmentId).Where(s => s.StartsWith("list-", StringComparison.Ordinal)));
            after = page.NextAfterId;
        }
        while (after is not null);

        Assert.Equal(ids, listed);
    }

    private static string NewId() => "s-" + Guid.NewGuid().ToString("N");
}
