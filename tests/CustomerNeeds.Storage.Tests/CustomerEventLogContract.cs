using System.Collections.Concurrent;
using System.Globalization;

namespace CustomerNeeds.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="ICustomerEventLog"/> must have, run against PostgreSQL and memory.
/// Every test uses its own customer ids.
/// </summary>
public abstract class CustomerEventLogContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract ICustomerEventLog Log { get; }

    [Fact]
    public async Task AppendedEventsReadBackInOrderByteForByte()
    {
        var customer = NewCustomerId();
        // "$type" first and shorter keys after it: a jsonb column would reorder these keys.
        const string Created = """{"$type":"customer-created","a":1,"Id":"c","Name":"Zoë \u00e9"}""";
        const string Recorded = """{"$type":"interaction-recorded","x":[1,2],"At":"2026-03-01T09:00:00Z"}""";
        var plusTwo = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.FromHours(2)).AddTicks(1_234_567);
        await Log.AppendAsync(
            new CustomerAppend(customer, 0, [
                new NewEvent("customer-created", Created, plusTwo),
                new NewEvent("interaction-recorded", Recorded, T0, new InteractionKey("i-1", T0, "email", "inquiry", "hash-1")),
                new NewEvent("note-added", "{}", T0.AddSeconds(1)),
            ], []),
            CancellationToken.None);

        var events = await Log.ReadAsync(customer, 0, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Sequence));
        Assert.Equal(["customer-created", "interaction-recorded", "note-added"], events.Select(e => e.EventType));
        Assert.Equal([Created, Recorded, "{}"], events.Select(e => e.PayloadJson));
        Assert.Equal([null, "hash-1", null], events.Select(e => e.ContentHash));
        // Kept in UTC, to the microsecond: 1,234,567 ticks = 123,456.7 µs -> 123,456 µs.
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), events[0].RecordedAt);
        Assert.Equal(TimeSpan.Zero, events[0].RecordedAt.Offset);
        Assert.Equal(T0, events[1].RecordedAt);
        Assert.Equal(3, await Log.LastSequenceAsync(customer, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAfterASequenceReturnsOnlyTheTail()
    {
        var customer = NewCustomerId();
        await Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1), Note(2)], []), CancellationToken.None);
        await Log.AppendAsync(new CustomerAppend(customer, 2, [Note(3), Note(4), Note(5)], []), CancellationToken.None);

        Assert.Equal([4L, 5L], (await Log.ReadAsync(customer, 3, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Equal(["""{"n":4}""", """{"n":5}"""], (await Log.ReadAsync(customer, 3, CancellationToken.None)).Select(e => e.PayloadJson));
        Assert.Empty(await Log.ReadAsync(customer, 5, CancellationToken.None));
        Assert.Equal(5, await Log.LastSequenceAsync(customer, CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownCustomerHasNothing()
    {
        var customer = NewCustomerId();

        Assert.Equal(0, await Log.LastSequenceAsync(customer, CancellationToken.None));
        Assert.Empty(await Log.ReadAsync(customer, 0, CancellationToken.None));
        Assert.Null(await Log.FindInteractionAsync(customer, "i-1", CancellationToken.None));
        Assert.Null(await Log.FindComplaintAsync(customer, "k-1", CancellationToken.None));
        var interactions = await Log.ListInteractionsAsync(new InteractionFilter(customer, 10), CancellationToken.None);
        Assert.Empty(interactions.Interactions);
        Assert.Null(interactions.Next);
        var complaints = await Log.ListComplaintsAsync(new ComplaintFilter(customer, 10), CancellationToken.None);
        Assert.Empty(complaints.Complaints);
        Assert.Null(complaints.Next);
    }

    [Theory]
    [InlineData(0)] // stale: another writer appended 1 and 2
    [InlineData(1)] // stale
    [InlineData(3)] // ahead of the log: would leave a gap
    [InlineData(7)]
    public async Task AWrongExpectedSequenceIsRefusedAndWritesNothing(long expected)
    {
        var customer = NewCustomerId();
        var open = Complaint("k-1", "open", T0);
        await Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1), Note(2)], [open]), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => Log.AppendAsync(
            new CustomerAppend(customer, expected, [Note(3), InteractionEvent("i-9", T0)], [Complaint("k-1", "closed", T0), Complaint("k-2", "open", T0)]),
            CancellationToken.None));

        Assert.Equal(ConcurrencyConflictKind.StaleSequence, conflict.Kind);
        Assert.Equal(customer, conflict.CustomerId);
        Assert.Equal(2, await Log.LastSequenceAsync(customer, CancellationToken.None));
        Assert.Equal([1L, 2L], (await Log.ReadAsync(customer, 0, CancellationToken.None)).Select(e => e.Sequence));
        Assert.Null(await Log.FindInteractionAsync(customer, "i-9", CancellationToken.None));
        Assert.Equal(open, await Log.FindComplaintAsync(customer, "k-1", CancellationToken.None));
        Assert.Null(await Log.FindComplaintAsync(customer, "k-2", CancellationToken.None));
    }

    [Fact]
    public async Task ARecordedInteractionIdIsRefusedForThatCustomerOnly()
    {
        var customer = NewCustomerId();
        var other = NewCustomerId();
        await Log.AppendAsync(new CustomerAppend(customer, 0, [InteractionEvent("i-1", T0)], []), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => Log.AppendAsync(
            new CustomerAppend(customer, 1, [Note(2), InteractionEvent("i-1", T0.AddHours(1), hash: "other")], [Complaint("k-1", "open", T0)]),
            CancellationToken.None));

        Assert.Equal(ConcurrencyConflictKind.DuplicateInteraction, conflict.Kind);
        Assert.Equal(1, await Log.LastSequenceAsync(customer, CancellationToken.None));
        Assert.Null(await Log.FindComplaintAsync(customer, "k-1", CancellationToken.None));
        Assert.Equal("hash-i-1", (await Log.FindInteractionAsync(customer, "i-1", CancellationToken.None))!.ContentHash);

        await Log.AppendAsync(new CustomerAppend(other, 0, [InteractionEvent("i-1", T0)], []), CancellationToken.None);
        Assert.Equal(1, await Log.LastSequenceAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task AnInteractionIdRepeatedWithinOneAppendIsRefused()
    {
        var customer = NewCustomerId();

        var conflict = await Assert.ThrowsAsync<CustomerConcurrencyConflictException>(() => Log.AppendAsync(
            new CustomerAppend(customer, 0, [InteractionEvent("i-1", T0), InteractionEvent("i-1", T0.AddMinutes(1))], []),
            CancellationToken.None));

        Assert.Equal(ConcurrencyConflictKind.DuplicateInteraction, conflict.Kind);
        Assert.Equal(0, await Log.LastSequenceAsync(customer, CancellationToken.None));
    }

    [Fact]
    public async Task FindInteractionReturnsTheEventThatRecordedIt()
    {
        var customer = NewCustomerId();
        await Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1), InteractionEvent("i-1", T0), InteractionEvent("i-2", T0)], []), CancellationToken.None);

        var found = await Log.FindInteractionAsync(customer, "i-2", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(3, found.Sequence);
        Assert.Equal("interaction-recorded", found.EventType);
        Assert.Equal("""{"id":"i-2"}""", found.PayloadJson);
        Assert.Equal("hash-i-2", found.ContentHash);
        Assert.Null(await Log.FindInteractionAsync(customer, "i-3", CancellationToken.None));
        Assert.Null(await Log.FindInteractionAsync(NewCustomerId(), "i-2", CancellationToken.None));
    }

    [Fact]
    public async Task ComplaintRowsAreWrittenWithTheirEvents()
    {
        var customer = NewCustomerId();
        var opened = Complaint("k-1", "open", T0);
        await Log.AppendAsync(new CustomerAppend(customer, 0, [InteractionEvent("i-1", T0)], [opened]), CancellationToken.None);
        Assert.Equal(opened, await Log.FindComplaintAsync(customer, "k-1", CancellationToken.None));

        var escalated = opened with { Status = "escalated", UpdatedAt = T0.AddHours(2), PayloadJson = """{"id":"k-1","status":"escalated"}""" };
        await Log.AppendAsync(new CustomerAppend(customer, 1, [Note(2)], [escalated, Complaint("k-2", "open", T0.AddHours(1))]), CancellationToken.None);

        Assert.Equal(escalated, await Log.FindComplaintAsync(customer, "k-1", CancellationToken.None));
        Assert.Equal("open", (await Log.FindComplaintAsync(customer, "k-2", CancellationToken.None))!.Status);
        Assert.Null(await Log.FindComplaintAsync(NewCustomerId(), "k-1", CancellationToken.None));
    }

    [Fact]
    public async Task ComplaintsListNewestOpenedFirstByStatusInPages()
    {
        var customer = NewCustomerId();
        // k-c, k-a and k-b were opened at the same instant: ties go by id.
        await Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1)], [
            Complaint("k-old", "open", T0),
            Complaint("k-c", "open", T0.AddDays(2)),
            Complaint("k-a", "escalated", T0.AddDays(2)),
            Complaint("k-b", "open", T0.AddDays(2)),
            Complaint("k-new", "resolved", T0.AddDays(3)),
            Complaint("k-mid", "open", T0.AddDays(1)),
        ]), CancellationToken.None);

        Assert.Equal(["k-new", "k-a", "k-b", "k-c", "k-mid", "k-old"], await AllComplaintIdsAsync(new ComplaintFilter(customer, 4)));
        Assert.Equal(["k-a", "k-b", "k-c", "k-mid", "k-old"], await AllComplaintIdsAsync(new ComplaintFilter(customer, 2, ["open", "escalated"])));
        Assert.Equal(["k-b", "k-c", "k-mid", "k-old"], await AllComplaintIdsAsync(new ComplaintFilter(customer, 1, ["open"])));
        Assert.Equal(["k-new"], await AllComplaintIdsAsync(new ComplaintFilter(customer, 10, ["resolved"])));
        Assert.Empty(await AllComplaintIdsAsync(new ComplaintFilter(customer, 10, ["closed"])));

        var first = await Log.ListComplaintsAsync(new ComplaintFilter(customer, 2), CancellationToken.None);
        Assert.Equal(new ComplaintCursor(T0.AddDays(2), "k-a"), first.Next);
        var last = await Log.ListComplaintsAsync(new ComplaintFilter(customer, 6), CancellationToken.None);
        Assert.Equal(6, last.Complaints.Count);
        Assert.Null(last.Next);
    }

    [Fact]
    public async Task InteractionsListNewestFirstWithFilters()
    {
        var customer = NewCustomerId();
        // Sequence: id, hours after T0, channel, kind. Notes (not interactions) at 1 and 6.
        await Log.AppendAsync(new CustomerAppend(customer, 0, [
            Note(1),
            InteractionEvent("i-2", T0.AddHours(5), "email", "inquiry"),
            InteractionEvent("i-3", T0.AddHours(1), "phone", "complaint"),
            InteractionEvent("i-4", T0.AddHours(3), "phone", "purchase"),
            InteractionEvent("i-5", T0.AddHours(3), "email", "complaint"),
            Note(6),
        ], []), CancellationToken.None);
        await Log.AppendAsync(new CustomerAppend(customer, 6, [
            InteractionEvent("i-7", T0.AddHours(2), "store", "purchase"),
            InteractionEvent("i-8", T0.AddHours(5), "phone", "inquiry"),
            InteractionEvent("i-9", T0, "email", "purchase"),
        ], []), CancellationToken.None);

        // Newest first; i-8 and i-2 (5 h) and i-5 and i-4 (3 h) tie on time: higher sequence first.
        Assert.Equal([8L, 2L, 5L, 4L, 7L, 3L, 9L], await AllInteractionSequencesAsync(new InteractionFilter(customer, 3)));
        Assert.Equal([8L, 4L, 3L], await AllInteractionSequencesAsync(new InteractionFilter(customer, 2, Channels: ["phone"])));
        Assert.Equal([8L, 2L, 5L, 4L, 3L], await AllInteractionSequencesAsync(new InteractionFilter(customer, 1, Channels: ["phone", "email"], Kinds: ["inquiry", "complaint", "purchase"], OccurredFrom: T0.AddHours(1))));
        Assert.Equal([5L, 3L], await AllInteractionSequencesAsync(new InteractionFilter(customer, 5, Kinds: ["complaint"])));
        // From inclusive, before exclusive: 3 h and 2 h and 1 h, not 5 h.
        Assert.Equal([5L, 4L, 7L, 3L], await AllInteractionSequencesAsync(new InteractionFilter(customer, 2, OccurredFrom: T0.AddHours(1), OccurredBefore: T0.AddHours(5))));
        Assert.Equal([7L, 9L], await AllInteractionSequencesAsync(new InteractionFilter(customer, 1, Kinds: ["purchase"], OccurredBefore: T0.AddHours(3))));
        Assert.Empty(await AllInteractionSequencesAsync(new InteractionFilter(customer, 4, Channels: ["web"])));

        var first = await Log.ListInteractionsAsync(new InteractionFilter(customer, 3), CancellationToken.None);
        Assert.Equal(new InteractionCursor(T0.AddHours(3), 5), first.Next);
        var whole = await Log.ListInteractionsAsync(new InteractionFilter(customer, 7), CancellationToken.None);
        Assert.Equal(7, whole.Interactions.Count);
        Assert.Null(whole.Next);
        Assert.Equal("hash-i-8", whole.Interactions[0].ContentHash);
    }

    [Fact]
    public async Task TenThousandInteractionsPageBackCompletelyAndInOrder()
    {
        const int Total = 10_000;
        const int Batch = 500;
        var customer = NewCustomerId();
        for (var start = 0; start < Total; start += Batch)
        {
            // Three interactions share each second, so ties on time are paged by sequence.
            var events = Enumerable.Range(start + 1, Batch)
                .Select(n => InteractionEvent($"i-{n}", T0.AddSeconds(n / 3), n % 2 == 0 ? "email" : "phone", "inquiry"))
                .ToList();
            await Log.AppendAsync(new CustomerAppend(customer, start, events, []), CancellationToken.None);
        }

        var sequences = await AllInteractionSequencesAsync(new InteractionFilter(customer, 250));

        Assert.Equal(Total, sequences.Count);
        Assert.Equal(Enumerable.Range(1, Total).Reverse().Select(n => (long)n), sequences);
        Assert.Equal(Total / 2, (await AllInteractionSequencesAsync(new InteractionFilter(customer, 999, Channels: ["email"]))).Count);
    }

    [Fact]
    public async Task ConcurrentWritersOfOneCustomerNeverInterleave()
    {
        const int Writers = 8;
        const int AppendsEach = 20;
        var customer = NewCustomerId();
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; n < AppendsEach; n++)
            {
                while (true)
                {
                    var last = await Log.LastSequenceAsync(customer, CancellationToken.None);
                    try
                    {
                        await Log.AppendAsync(new CustomerAppend(customer, last, [
                            new NewEvent("counted", $$"""{"writer":{{writer}},"n":{{n}},"part":1}""", T0),
                            new NewEvent("counted", $$"""{"writer":{{writer}},"n":{{n}},"part":2}""", T0),
                        ], []), CancellationToken.None);
                        break;
                    }
                    catch (CustomerConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })));

        var events = await Log.ReadAsync(customer, 0, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, Writers * AppendsEach * 2).Select(n => (long)n), events.Select(e => e.Sequence));
        // Each append's two events are adjacent: no other writer got between them.
        for (var i = 0; i < events.Count; i += 2)
        {
            Assert.EndsWith("\"part\":1}", events[i].PayloadJson, StringComparison.Ordinal);
            Assert.Equal(events[i].PayloadJson.Replace("\"part\":1", "\"part\":2", StringComparison.Ordinal), events[i + 1].PayloadJson);
        }

        Assert.Equal(Writers * AppendsEach * 2, events.Select(e => e.PayloadJson).Distinct().Count());
    }

    [Fact]
    public async Task ManyCustomersAppendInParallelWithoutConflicts()
    {
        var customers = Enumerable.Range(0, 100).Select(_ => NewCustomerId()).ToList();
        var appended = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (customer, ct) =>
        {
            await Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1)], []), ct);
            await Log.AppendAsync(new CustomerAppend(customer, 1, [Note(2), InteractionEvent("i-1", T0)], []), ct);
            appended.Add(customer);
        });

        Assert.Equal(100, appended.Count);
        foreach (var customer in customers)
        {
            Assert.Equal(3, await Log.LastSequenceAsync(customer, CancellationToken.None));
        }
    }

    [Fact]
    public async Task MalformedRequestsAreRejectedBeforeWriting()
    {
        var customer = NewCustomerId();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.AppendAsync(new CustomerAppend(customer, 0, [], []), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.AppendAsync(new CustomerAppend(customer, -1, [Note(1)], []), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.AppendAsync(
            new CustomerAppend(customer, 0, [Note(1)], [Complaint("k-1", "open", T0), Complaint("k-1", "closed", T0)]), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.AppendAsync(new CustomerAppend(customer, 0, [Note(1), new NewEvent("broken", "{\"a\":", T0)], []), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.AppendAsync(
            new CustomerAppend(customer, 0, [Note(1)], [Complaint("k-1", "open", T0) with { PayloadJson = "not json" }]), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListInteractionsAsync(new InteractionFilter(customer, 0), CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListComplaintsAsync(new ComplaintFilter(customer, 0), CancellationToken.None));

        Assert.Equal(0, await Log.LastSequenceAsync(customer, CancellationToken.None));
    }

    [Fact]
    public async Task ListsOfAMergedCustomerSpanTheCustomersItAbsorbedInOneOrder()
    {
        var mark = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var (a, b, c) = ("c-a" + mark, "c-b" + mark, "c-c" + mark);
        await Log.AppendAsync(new CustomerAppend(a, 0, [InteractionEvent("a-1", T0.AddHours(3)), InteractionEvent("a-2", T0.AddHours(1))], [Complaint("k-1", "Recorded", T0.AddDays(1))]), CancellationToken.None);
        await Log.AppendAsync(new CustomerAppend(b, 0, [InteractionEvent("b-1", T0.AddHours(3)), InteractionEvent("b-2", T0.AddHours(2))], [
            Complaint("k-1", "Closed", T0.AddDays(1)),
            Complaint("k-2", "Merged", T0.AddDays(2)),
            Complaint("k-3", "Accepted", T0),
        ]), CancellationToken.None);
        await Log.AppendAsync(new CustomerAppend(c, 0, [InteractionEvent("c-1", T0.AddHours(1))], []), CancellationToken.None);

        // a-1 and b-1 tie on time and sequence: the later customer id first; a-2 and c-1 tie on time: higher sequence first.
        foreach (var pageSize in new[] { 1, 2, 5 })
        {
            var listed = new List<(string, string?)>();
            InteractionCursor? after = null;
            do
            {
                var page = await Log.ListInteractionsAsync(new InteractionFilter(a, pageSize, After: after, AlsoCustomerIds: [b, c]), CancellationToken.None);
                listed.AddRange(page.Interactions.Select(e => (e.PayloadJson, e.CustomerId)));
                after = page.Next;
            }
            while (after is not null);

            Assert.Equal(
                [("""{"id":"b-1"}""", b), ("""{"id":"a-1"}""", a), ("""{"id":"b-2"}""", b), ("""{"id":"a-2"}""", a), ("""{"id":"c-1"}""", c)],
                listed);
        }

        // Of the absorbed customers only the closed cases; ties of time and id go by customer.
        var complaints = new List<(string, string?)>();
        ComplaintCursor? next = null;
        do
        {
            var page = await Log.ListComplaintsAsync(new ComplaintFilter(a, 1, After: next, AlsoCustomerIds: [b, c]), CancellationToken.None);
            complaints.AddRange(page.Complaints.Select(k => (k.ComplaintId, k.CustomerId)));
            next = page.Next;
        }
        while (next is not null);

        Assert.Equal([("k-1", a), ("k-1", b)], complaints);
    }

    protected static string NewCustomerId() => "c-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    protected static NewEvent Note(int n) => new("note-added", $$"""{"n":{{n}}}""", T0.AddSeconds(n));

    protected static NewEvent InteractionEvent(string id, DateTimeOffset occurredAt, string channel = "email", string kind = "inquiry", string? hash = null) =>
        new("interaction-recorded", $$"""{"id":"{{id}}"}""", T0, new InteractionKey(id, occurredAt, channel, kind, hash ?? "hash-" + id));

    protected static ComplaintRow Complaint(string id, string status, DateTimeOffset openedAt) =>
        new(id, status, openedAt, openedAt, $$"""{"id":"{{id}}","status":"{{status}}"}""");

    private async Task<List<long>> AllInteractionSequencesAsync(InteractionFilter filter)
    {
        var sequences = new List<long>();
        var pages = 0;
        var page = await Log.ListInteractionsAsync(filter, CancellationToken.None);
        while (true)
        {
            pages++;
            Assert.InRange(page.Interactions.Count, 0, filter.PageSize);
            sequences.AddRange(page.Interactions.Select(e => e.Sequence));
            if (page.Next is null)
            {
                break;
            }

            Assert.Equal(filter.PageSize, page.Interactions.Count);
            page = await Log.ListInteractionsAsync(filter with { After = page.Next }, CancellationToken.None);
        }

        Assert.Equal(Math.Max(1, (sequences.Count + filter.PageSize - 1) / filter.PageSize), pages);
        return sequences;
    }

    private async Task<List<string>> AllComplaintIdsAsync(ComplaintFilter filter)
    {
        var ids = new List<string>();
        var page = await Log.ListComplaintsAsync(filter, CancellationToken.None);
        while (true)
        {
            Assert.InRange(page.Complaints.Count, 0, filter.PageSize);
            ids.AddRange(page.Complaints.Select(c => c.ComplaintId));
            if (page.Next is null)
            {
                return ids;
            }

            page = await Log.ListComplaintsAsync(filter with { After = page.Next }, CancellationToken.None);
        }
    }
}
