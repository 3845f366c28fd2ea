using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using CustomerNeeds.Testing;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Analytics;

/// <summary>
/// GetKpis through gRPC on a small hand-computed dataset written with SQL in March 2031: every
/// KPI's mean, rate and percentile as the contract states it, unset where the denominator is 0,
/// and the per-channel breakdown in channel number order.
/// </summary>
[Collection(AnalyticsCollection.Name)]
public sealed class KpiServiceTests(AnalyticsServerFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2031, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(10);

    public async Task InitializeAsync()
    {
        var ds = fixture.DataSource;
        await ReadModelRows.ClearAsync(ds);

        // In the window: a (Email: csat 4, nps 9; Email purchase; Chat purchase), b (Chat purchase, nps 2; Chat complaint, csat 1).
        await ReadModelRows.InteractionAsync(ds, "a", Start.AddDays(1), "Email", "Inquiry", csat: 4, nps: 9);
        await ReadModelRows.InteractionAsync(ds, "a", Start.AddDays(1), "Email", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "a", Start.AddDays(8), "Chat", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "b", Start.AddDays(2), "Chat", "Purchase", nps: 2);
        await ReadModelRows.InteractionAsync(ds, "b", Start.AddDays(3), "Chat", "Complaint", csat: 1);
        // Base period (10 days before): a and c bought; c did not buy again.
        await ReadModelRows.InteractionAsync(ds, "a", Start.AddDays(-3), "Phone", "Purchase");
        await ReadModelRows.InteractionAsync(ds, "c", Start.AddDays(-5), "Phone", "Purchase");

        await ReadModelRows.ComplaintAsync(ds, "b", "k1", Start.AddDays(3), "Chat", TimeSpan.FromMinutes(30), TimeSpan.FromHours(6));
        await ReadModelRows.ComplaintAsync(ds, "b", "k2", Start.AddDays(4), "Chat", TimeSpan.FromMinutes(90));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_totals_carry_every_kpi_as_defined()
    {
        var kpis = await GetAsync(includeChannels: false);

        Assert.Equal(Timestamp.FromDateTimeOffset(Start), kpis.StartTime);
        Assert.Equal(Timestamp.FromDateTimeOffset(End), kpis.EndTime);
        Assert.Equal("", kpis.Segment);
        Assert.NotNull(kpis.ComputeTime);
        Assert.Empty(kpis.Channels);

        var t = kpis.Total;
        Assert.Equal((5L, 2L), (t.InteractionCount, t.ActiveCustomerCount));
        Assert.Equal(2, t.Csat.Count);
        Assert.Equal(2.5, t.Csat.Mean);
        Assert.Equal((2L, 1L, 0L, 1L), (t.Nps.AnswerCount, t.Nps.PromoterCount, t.Nps.PassiveCount, t.Nps.DetractorCount));
        Assert.Equal(0.0, t.Nps.Score);
        Assert.True(t.Nps.HasScore);
        Assert.Equal((1L, 0.5), (t.ComplainingCustomerCount, t.ComplaintRate));
        Assert.Equal((0L, 0.0), (t.ReferringCustomerCount, t.ReferralRate));
        Assert.Equal((2L, 1L, 0.5), (t.BuyerCount, t.RepeatBuyerCount, t.RepurchaseRate));

        var k = t.Complaints;
        Assert.Equal((2L, 2L, 1L, 1L), (k.OpenedCount, k.RespondedCount, k.ResolvedCount, k.FirstContactResolvedCount));
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMinutes(60)), k.FirstResponseP50);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromMinutes(84)), k.FirstResponseP90);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromHours(6)), k.ResolutionP50);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromHours(6)), k.ResolutionP90);
        Assert.Equal(0.5, k.ResolutionRate);
        Assert.Equal(0.5, k.FirstContactResolutionRate);

        Assert.Equal(Timestamp.FromDateTimeOffset(Start.AddDays(-10)), kpis.Churn.BaseStartTime);
        Assert.Equal((2L, 1L, 0.5), (kpis.Churn.BaseCustomerCount, kpis.Churn.ChurnedCustomerCount, kpis.Churn.Rate));
    }

    [Fact]
    public async Task The_channels_come_in_channel_number_order_with_rates_unset_where_nothing_was_counted()
    {
        var kpis = await GetAsync(includeChannels: true);

        Assert.Equal([InteractionChannel.Email, InteractionChannel.Chat], kpis.Channels.Select(c => c.Channel));
        var email = kpis.Channels[0].Figures;
        var chat = kpis.Channels[1].Figures;

        Assert.Equal((2L, 1L, 4.0, 100.0), (email.InteractionCount, email.ActiveCustomerCount, email.Csat.Mean, email.Nps.Score));
        Assert.Equal((1L, 0L, 0.0), (email.BuyerCount, email.RepeatBuyerCount, email.RepurchaseRate));
        Assert.Equal(0, email.Complaints.OpenedCount);
        Assert.False(email.Complaints.HasResolutionRate);
        Assert.False(email.Complaints.HasFirstContactResolutionRate);
        Assert.Null(email.Complaints.FirstResponseP50);

        // Chat: a's purchase, b's purchase (nps 2) and complaint (csat 1); neither bought twice in Chat.
        Assert.Equal((3L, 2L, 1.0, -100.0), (chat.InteractionCount, chat.ActiveCustomerCount, chat.Csat.Mean, chat.Nps.Score));
        Assert.Equal((2L, 0L, 0.0), (chat.BuyerCount, chat.RepeatBuyerCount, chat.RepurchaseRate));
        Assert.Equal(0.5, chat.ComplaintRate);
        Assert.Equal(2, chat.Complaints.OpenedCount);
    }

    [Fact]
    public async Task An_empty_window_leaves_every_rate_and_mean_unset_and_counts_zero()
    {
        var kpis = await api.Analytics.GetKpisAsync(new GetKpisRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(Start.AddYears(1)),
            EndTime = Timestamp.FromDateTimeOffset(Start.AddYears(1).AddDays(1)),
            IncludeChannels = true,
        }, deadline: Calls.Deadline());

        var t = kpis.Total;
        Assert.Equal((0L, 0L, 0L, 0L), (t.InteractionCount, t.ActiveCustomerCount, t.Csat.Count, t.Nps.AnswerCount));
        Assert.False(t.Csat.HasMean);
        Assert.False(t.Nps.HasScore);
        Assert.False(t.HasComplaintRate);
        Assert.False(t.HasReferralRate);
        Assert.False(t.HasRepurchaseRate);
        Assert.Equal(0, t.Complaints.OpenedCount);
        Assert.False(t.Complaints.HasResolutionRate);
        Assert.Null(t.Complaints.ResolutionP90);
        Assert.False(kpis.Churn.HasRate);
        Assert.Empty(kpis.Channels);
    }

    private ApiClients api => fixture.Clients;

    private async Task<Kpis> GetAsync(bool includeChannels) => await api.Analytics.GetKpisAsync(new GetKpisRequest
    {
        StartTime = Timestamp.FromDateTimeOffset(Start),
        EndTime = Timestamp.FromDateTimeOffset(End),
        IncludeChannels = includeChannels,
    }, deadline: Calls.Deadline());
}
