using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace CustomerNeeds.Storage.Tests;

/// <summary>
/// The Orleans ADO.NET reminder table on our schema (migration 0009), driven through the provider
/// the silo registers: etags, hash-ring ranges, and what a restart reads back.
/// </summary>
public sealed class ReminderTableTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private StorageSilo? silo;

    private IReminderTable Table => silo!.Services.GetRequiredService<IReminderTable>();

    public async Task InitializeAsync()
    {
        silo = await StorageSilo.StartAsync(database.Database.ConnectionString, "reminder-tests-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        await Table.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    private static GrainId NewGrain() => GrainId.Create("customer", "c-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    private static ReminderEntry Entry(GrainId grain, DateTime start, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = "complaint-sla", StartAt = start, Period = period };

    [Fact]
    public async Task An_upsert_moves_the_etag_and_a_stale_etag_deletes_nothing()
    {
        var grain = NewGrain();
        var start = new DateTime(2026, 5, 1, 8, 30, 15, 250, DateTimeKind.Utc);

        var first = await Table.UpsertRow(Entry(grain, start, TimeSpan.FromMinutes(1)));
        var read = await Table.ReadRow(grain, "complaint-sla");
        Assert.NotNull(read);
        Assert.Equal((grain, start, TimeSpan.FromMinutes(1), first), (read.GrainId, read.StartAt.ToUniversalTime(), read.Period, read.ETag));

        var second = await Table.UpsertRow(Entry(grain, start.AddHours(1), TimeSpan.FromDays(40)));
        Assert.NotEqual(first, second);
        var moved = await Table.ReadRow(grain, "complaint-sla");
        Assert.Equal((start.AddHours(1), TimeSpan.FromDays(40)), (moved!.StartAt.ToUniversalTime(), moved.Period));
        Assert.Single((await Table.ReadRows(grain)).Reminders);

        Assert.False(await Table.RemoveRow(grain, "complaint-sla", first!));
        Assert.NotNull(await Table.ReadRow(grain, "complaint-sla"));
        Assert.True(await Table.RemoveRow(grain, "complaint-sla", second!));
        Assert.Null(await Table.ReadRow(grain, "complaint-sla"));
        Assert.Empty((await Table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Range_reads_split_the_hash_ring_like_unsigned_ranges()
    {
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, DateTime.UtcNow, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        (uint Begin, uint End)[] ranges =
        [
            (hashes[5], hashes[20]),                        // an ordinary range
            (0x7000_0000, 0x9000_0000),                     // across 2^31 (the int sign change)
            (hashes[30], hashes[10]),                       // wrapping around zero
            (0xF000_0000, 0x1000_0000),                     // wrapping, begin negative as an int
            (hashes[3], hashes[3]),                         // the whole ring
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
            var actual = (await Table.ReadRows(begin, end)).Reminders
                .Where(r => grains.Contains(r.GrainId))
                .Select(r => r.GrainId.ToString())
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The ring range (begin, end]; begin == end is the whole ring.</summary>
    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
