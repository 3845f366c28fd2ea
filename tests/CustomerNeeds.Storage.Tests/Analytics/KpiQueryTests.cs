using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.Analytics;
using CustomerNeeds.Testing;

namespace CustomerNeeds.Storage.Tests.Analytics;

/// <summary>
/// Every KPI of docs/kpis.md on one hand-computed dataset, in total and per channel, with the
/// window's edges and an empty window. The window is January 2030: [2030-01-01, 2030-01-31),
/// 30 days; the churn base is [2029-12-02, 2030-01-01).
/// </summary>
public sealed class KpiQueryTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private const short Inbound = 1;
    private const short Outbound = 2;
    private static readonly KpiVocabulary Vocabulary = new("Purchase", "Complaint", "Referral", Inbound);
    private static readonly DateTimeOffset Start = At(1, 1);
    private static readonly KpiWindow January = new(Start, At(1, 31));

    public async Task InitializeAsync()
    {
        var ds = db.DataSource;
        await ReadModelRows.ClearAsync(ds);
        foreach (var id in new[] { "c1", "c2", "c3", "c4", "c5" })
        {
            await ReadModelRows.SummaryAsync(ds, id, region: id is "c2" or "c4" ? "north" : "south");
        }

        // In the window (7 interactions of 4 customers).
        await ReadModelRows.InteractionAsync(ds, "c4", Start, "Phone", "Inquiry", csat: 3); // exactly at start: in
        await ReadModelRows.InteractionAsync(ds, "c1", At(1, 2), "Phone", "Inquiry", csat: 5, nps: 10);
        await ReadModelRows.InteractionAsync(ds, "c1", At(1, 3), "Email", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "c1", At(1, 7), "Email", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "c2", At(1, 4), "Phone", "Complaint", csat: 2, nps: 3);
        await ReadModelRows.InteractionAsync(ds, "c2", At(1, 5), "Chat", "Referral", nps: 9);
        await ReadModelRows.InteractionAsync(ds, "c3", At(1, 6), "Chat", "Purchase", csat: 4, nps: 7);

        // Outside the window.
        await ReadModelRows.InteractionAsync(ds, "c3", Start.AddSeconds(-1), "Phone", "Inquiry", csat: 1, nps: 0);
        await ReadModelRows.InteractionAsync(ds, "c4", January.End, "Phone", "Purchase", csat: 1); // exactly at end: out
        await ReadModelRows.InteractionAsync(ds, "c5", new DateTimeOffset(2029, 12, 10, 0, 0, 0, TimeSpan.Zero), "Phone", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "c1", new DateTimeOffset(2029, 12, 15, 0, 0, 0, TimeSpan.Zero), "Email", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "c4", new DateTimeOffset(2029, 12, 20, 0, 0, 0, TimeSpan.Zero), "Phone", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "c4", At(2, 5), "Email", "Inquiry", direction: Inbound, relatedComplaintId: "k1");
        await ReadModelRows.InteractionAsync(ds, "c3", At(2, 10), "Phone", "FollowUpCall", direction: Outbound, relatedComplaintId: "k1");

        // Complaints: ids are per customer, so c2/k1, c3/k1 and c4/k1 are three cases.
        await ReadModelRows.ComplaintAsync(ds, "c2", "k1", At(1, 4, 10), "Phone", Hours(1), Hours(10));
        await ReadModelRows.ComplaintAsync(ds, "c2", "k2", At(1, 10), "Phone", Hours(3), Hours(30), reopenCount: 1);
        await ReadModelRows.ComplaintAsync(ds, "c4", "k1", At(1, 12), "Email", Hours(2), Hours(20));
        await ReadModelRows.ComplaintAsync(ds, "c1", "k1", At(1, 20), "Chat", Hours(5));
        await ReadModelRows.ComplaintAsync(ds, "c1", "k2", At(1, 25), "Chat");
        await ReadModelRows.ComplaintAsync(ds, "c3", "k1", At(1, 15), null, Hours(4), Hours(4));
        // The row a merge left behind for a case it moved to another customer (docs/merge.md): not counted.
        await ReadModelRows.ComplaintAsync(ds, "c3", "k2", At(1, 16), "Phone", Hours(1), Hours(2), status: "Merged");
        await ReadModelRows.ComplaintAsync(ds, "c5", "k1", new DateTimeOffset(2029, 12, 20, 0, 0, 0, TimeSpan.Zero), "Phone", Hours(1), Hours(1));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Interaction_totals_count_the_window_start_in_and_its_end_out()
    {
        var report = await RunAsync(byChannel: false);

        // CSAT 3, 5, 2, 4 (sum 14); NPS 10, 3, 9, 7: 2 promoters, 1 passive, 1 detractor.
        // Complaining c2, referring c2, buyers c1 (two purchases: repeats) and c3 (one).
        Assert.Equal(new InteractionFigures(7, 4, 4, 14, 4, 2, 1, 1, 1, 2, 1), report.Interactions);
        Assert.Equal(1, report.Interactions.Passives);
        Assert.Empty(report.Channels);
    }

    [Fact]
    public async Task Complaint_totals_take_the_complaints_opened_in_the_window_with_their_outcome_now()
    {
        var report = await RunAsync(byChannel: false);

        // Opened 6 (c5/k1 of December is out). Responded after 1, 3, 2, 5, 4 h: p50 3 h, p90 4.6 h.
        // Resolved after 10, 30, 20, 4 h: p50 15 h, p90 27 h. First contact: c2/k1 and c3/k1
        // (c2/k2 was reopened; c4 got in touch again about its k1; c3's related contact was outbound).
        AssertComplaints(new ComplaintFigures(6, 5, 3 * 3600, 4.6 * 3600, 4, 15 * 3600, 27 * 3600, 2), report.Complaints);
    }

    [Fact]
    public async Task Churn_takes_the_buyers_of_the_previous_thirty_days_who_did_not_buy_in_the_window()
    {
        var report = await RunAsync(byChannel: false);

        // Base: c5, c1, c4 bought in December. c1 bought again; c4's purchase at the window's end does not count.
        Assert.Equal(new ChurnFigures(3, 2), report.Churn);
    }

    [Fact]
    public async Task The_channels_break_interactions_down_by_their_channel_and_complaints_by_the_opening_channel()
    {
        var report = await RunAsync(byChannel: true);

        Assert.Equal(new InteractionFigures(7, 4, 4, 14, 4, 2, 1, 1, 1, 2, 1), report.Interactions);
        Assert.Equal([null, "Chat", "Email", "Phone"], report.Channels.Select(c => c.Channel));
        var unknown = report.Channels[0];
        var chat = report.Channels[1];
        var email = report.Channels[2];
        var phone = report.Channels[3];

        // Phone: c4 inquiry (csat 3), c1 inquiry (csat 5, nps 10), c2 complaint (csat 2, nps 3).
        Assert.Equal(new InteractionFigures(3, 3, 3, 10, 2, 1, 1, 1, 0, 0, 0), phone.Interactions);
        // Email: c1's two purchases (a repeat buyer).
        Assert.Equal(new InteractionFigures(2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1), email.Interactions);
        // Chat: c2's referral (nps 9), c3's only purchase (csat 4, nps 7).
        Assert.Equal(new InteractionFigures(2, 2, 1, 4, 2, 1, 0, 0, 1, 1, 0), chat.Interactions);
        Assert.Equal(InteractionFigures.None, unknown.Interactions);

        // Phone: c2/k1 (1 h, 10 h, first contact), c2/k2 (3 h, 30 h, reopened).
        AssertComplaints(new ComplaintFigures(2, 2, 2 * 3600, 2.8 * 3600, 2, 20 * 3600, 28 * 3600, 1), phone.Complaints);
        AssertComplaints(new ComplaintFigures(1, 1, 2 * 3600, 2 * 3600, 1, 20 * 3600, 20 * 3600, 0), email.Complaints);
        AssertComplaints(new ComplaintFigures(2, 1, 5 * 3600, 5 * 3600, 0, null, null, 0), chat.Complaints);
        AssertComplaints(new ComplaintFigures(1, 1, 4 * 3600, 4 * 3600, 1, 4 * 3600, 4 * 3600, 1), unknown.Complaints);
    }

    [Fact]
    public async Task An_empty_window_counts_zero_everywhere()
    {
        var report = await new KpiQuery(db.DataSource, Vocabulary).RunAsync(new KpiWindow(At(6, 1), At(6, 2)), true, null, CancellationToken.None);

        Assert.Equal(InteractionFigures.None, report.Interactions);
        Assert.Equal(ComplaintFigures.None, report.Complaints);
        Assert.Equal(new ChurnFigures(0, 0), report.Churn);
        Assert.Empty(report.Channels);
    }

    [Fact]
    public async Task A_segment_restricts_interactions_complaints_and_the_churn_base_to_its_customers()
    {
        var north = new CustomerFilterChecker(CustomerFieldCatalog.Create(["gold"])).Check("region = \"north\"");

        var report = await new KpiQuery(db.DataSource, Vocabulary).RunAsync(January, false, north, CancellationToken.None);

        // c2 and c4 only: c4's inquiry at the start (csat 3), c2's complaint (csat 2, nps 3) and referral (nps 9).
        Assert.Equal(new InteractionFigures(3, 2, 2, 5, 2, 1, 1, 1, 1, 0, 0), report.Interactions);
        // c2/k1 (1 h, 10 h, first contact), c2/k2 (3 h, 30 h), c4/k1 (2 h, 20 h).
        AssertComplaints(new ComplaintFigures(3, 3, 2 * 3600, 2.8 * 3600, 3, 20 * 3600, 28 * 3600, 1), report.Complaints);
        // Base: c4 alone, who bought nothing in the window.
        Assert.Equal(new ChurnFigures(1, 1), report.Churn);
    }

    private Task<KpiReport> RunAsync(bool byChannel) => new KpiQuery(db.DataSource, Vocabulary).RunAsync(January, byChannel, null, CancellationToken.None);

    private static void AssertComplaints(ComplaintFigures expected, ComplaintFigures actual)
    {
        Assert.Equal((expected.Opened, expected.Responded, expected.Resolved, expected.FirstContactResolved), (actual.Opened, actual.Responded, actual.Resolved, actual.FirstContactResolved));
        AssertSeconds(expected.FirstResponseP50Seconds, actual.FirstResponseP50Seconds);
        AssertSeconds(expected.FirstResponseP90Seconds, actual.FirstResponseP90Seconds);
        AssertSeconds(expected.ResolutionP50Seconds, actual.ResolutionP50Seconds);
        AssertSeconds(expected.ResolutionP90Seconds, actual.ResolutionP90Seconds);
    }

    private static void AssertSeconds(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 6);
        }
    }

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2030, month, day, hour, 0, 0, TimeSpan.Zero);

    private static TimeSpan Hours(int hours) => TimeSpan.FromHours(hours);
}
