using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Storage.Analytics;
using Google.Protobuf.WellKnownTypes;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>
/// The figures of <see cref="KpiQuery"/> → proto Kpis: the means, rates and percentiles of
/// docs/kpis.md, unset wherever the denominator is 0.
/// </summary>
public static class KpiMapper
{
    /// <summary>How the event log spells the kinds and direction the KPIs count (the domain enums' names and numbers).</summary>
    public static KpiVocabulary Vocabulary { get; } = new(
        InteractionKind.Purchase.ToString(),
        InteractionKind.Complaint.ToString(),
        InteractionKind.Referral.ToString(),
        (short)Direction.Inbound);

    public static Contract.Kpis ToProto(KpiReport report, KpiWindow window, string segmentName, DateTimeOffset computedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(window);
        var kpis = new Contract.Kpis
        {
            StartTime = TimeMapper.ToProto(window.Start),
            EndTime = TimeMapper.ToProto(window.End),
            Segment = segmentName,
            ComputeTime = TimeMapper.ToProto(computedAt),
            Total = ToProto(report.Interactions, report.Complaints),
            Churn = new Contract.ChurnKpi
            {
                BaseStartTime = TimeMapper.ToProto(window.BaseStart),
                BaseCustomerCount = report.Churn.BaseCustomers,
                ChurnedCustomerCount = report.Churn.ChurnedCustomers,
            },
        };
        if (Ratio(report.Churn.ChurnedCustomers, report.Churn.BaseCustomers) is { } churn)
        {
            kpis.Churn.Rate = churn;
        }

        kpis.Channels.AddRange(report.Channels
            .Select(c => new Contract.ChannelKpis { Channel = ChannelOf(c.Channel), Figures = ToProto(c.Interactions, c.Complaints) })
            .OrderBy(c => (int)c.Channel));
        return kpis;
    }

    /// <summary>The proto channel of a channel as the log spells it (the domain enum's name); UNSPECIFIED when unknown.</summary>
    public static Contract.InteractionChannel ChannelOf(string? logChannel) =>
        logChannel is not null && System.Enum.TryParse<Channel>(logChannel, ignoreCase: false, out var channel) && System.Enum.IsDefined(channel)
            ? EnumMapper.ToProto(channel)
            : Contract.InteractionChannel.Unspecified;

    private static Contract.KpiFigures ToProto(InteractionFigures i, ComplaintFigures k)
    {
        var figures = new Contract.KpiFigures
        {
            InteractionCount = i.Interactions,
            ActiveCustomerCount = i.ActiveCustomers,
            Csat = new Contract.CsatKpi { Count = i.CsatCount },
            Nps = new Contract.NpsKpi
            {
                AnswerCount = i.NpsCount,
                PromoterCount = i.Promoters,
                PassiveCount = i.Passives,
                DetractorCount = i.Detractors,
            },
            Complaints = ToProto(k),
            ComplainingCustomerCount = i.ComplainingCustomers,
            ReferringCustomerCount = i.ReferringCustomers,
            BuyerCount = i.Buyers,
            RepeatBuyerCount = i.RepeatBuyers,
        };
        if (Ratio(i.CsatSum, i.CsatCount) is { } csat)
        {
            figures.Csat.Mean = csat;
        }

        if (Ratio(100 * (i.Promoters - i.Detractors), i.NpsCount) is { } nps)
        {
            figures.Nps.Score = nps;
        }

        if (Ratio(i.ComplainingCustomers, i.ActiveCustomers) is { } complaintRate)
        {
            figures.ComplaintRate = complaintRate;
        }

        if (Ratio(i.ReferringCustomers, i.ActiveCustomers) is { } referralRate)
        {
            figures.ReferralRate = referralRate;
        }

        if (Ratio(i.RepeatBuyers, i.Buyers) is { } repurchaseRate)
        {
            figures.RepurchaseRate = repurchaseRate;
        }

        return figures;
    }

    private static Contract.ComplaintKpi ToProto(ComplaintFigures k)
    {
        var complaints = new Contract.ComplaintKpi
        {
            OpenedCount = k.Opened,
            RespondedCount = k.Responded,
            FirstResponseP50 = Duration(k.FirstResponseP50Seconds),
            FirstResponseP90 = Duration(k.FirstResponseP90Seconds),
            ResolvedCount = k.Resolved,
            ResolutionP50 = Duration(k.ResolutionP50Seconds),
            ResolutionP90 = Duration(k.ResolutionP90Seconds),
            FirstContactResolvedCount = k.FirstContactResolved,
        };
        if (Ratio(k.Resolved, k.Opened) is { } resolutionRate)
        {
            complaints.ResolutionRate = resolutionRate;
        }

        if (Ratio(k.FirstContactResolved, k.Opened) is { } firstContactRate)
        {
            complaints.FirstContactResolutionRate = firstContactRate;
        }

        return complaints;
    }

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static Duration? Duration(double? seconds) => seconds is { } s ? Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(s)) : null;
}
