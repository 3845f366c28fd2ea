using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Interactions: proto ↔ domain.</summary>
public static class InteractionMapper
{
    /// <summary>
    /// The domain interaction of a proto Interaction already checked by the interaction
    /// validation. The ids are those parsed from the resource names of the same customer; the KANO
    /// answers are those the validation built (null when the request has none).
    /// Deterministic: the same request always gives the same domain value (the idempotency
    /// check compares stored and incoming content).
    /// </summary>
    public static Interaction ToDomain(
        Contract.Interaction i,
        IReadOnlyList<string> relatedNeedIds,
        string? relatedComplaintId,
        string? referredCustomerId,
        IReadOnlyList<KanoFeatureAnswer>? kanoAnswers = null)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new Interaction
        {
            InteractionId = i.InteractionId,
            Channel = EnumMapper.ToDomain(i.Channel),
            Kind = EnumMapper.ToDomain(i.Kind),
            Direction = EnumMapper.ToDomain(i.Direction),
            OccurTime = TimeMapper.ToDomain(i.OccurTime),
            Agent = i.Agent,
            Summary = i.Summary,
            Amount = i.Amount is null ? null : MoneyMapper.ToDomain(i.Amount),
            Csat = i.HasCsat ? i.Csat : null,
            Nps = i.HasNps ? i.Nps : null,
            Sentiment = EnumMapper.ToDomain(i.Sentiment),
            RelatedNeedIds = relatedNeedIds,
            RelatedComplaintId = relatedComplaintId,
            ReferredCustomerId = referredCustomerId,
            ComplaintSeverity = EnumMapper.ToDomain(i.ComplaintSeverity),
            KanoAnswers = kanoAnswers is { Count: > 0 } ? kanoAnswers : null,
            ContactPerson = i.ContactPerson.Length > 0 ? i.ContactPerson : null,
        };
    }

    /// <summary>A stored interaction with its record time.</summary>
    public static Contract.Interaction ToProto(string customerId, RecordedInteraction r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var result = ToProto(customerId, r.Interaction, r.RecordedAt);
        result.OriginCustomer = r.OriginCustomerId is { } origin ? ResourceName.ForCustomer(origin) : "";
        return result;
    }

    /// <summary>An interaction; record_time stays unset when <paramref name="recordedAt"/> is null.</summary>
    public static Contract.Interaction ToProto(string customerId, Interaction i, DateTimeOffset? recordedAt)
    {
        ArgumentNullException.ThrowIfNull(i);
        var result = new Contract.Interaction
        {
            Name = ResourceName.ForInteraction(customerId, i.InteractionId),
            InteractionId = i.InteractionId,
            Channel = EnumMapper.ToProto(i.Channel),
            Kind = EnumMapper.ToProto(i.Kind),
            Direction = EnumMapper.ToProto(i.Direction),
            OccurTime = TimeMapper.ToProto(i.OccurTime),
            Agent = i.Agent,
            Summary = i.Summary,
            Amount = i.Amount is null ? null : MoneyMapper.ToProto(i.Amount),
            Sentiment = EnumMapper.ToProto(i.Sentiment),
            RelatedComplaint = i.RelatedComplaintId is { Length: > 0 } k ? ResourceName.ForComplaint(customerId, k) : "",
            ReferredCustomer = i.ReferredCustomerId is { Length: > 0 } c ? ResourceName.ForCustomer(c) : "",
            ComplaintSeverity = EnumMapper.ToProto(i.ComplaintSeverity),
            RecordTime = TimeMapper.ToProto(recordedAt),
            ContactPerson = i.ContactPerson ?? "",
        };
        if (i.Csat is { } csat)
        {
            result.Csat = csat;
        }

        if (i.Nps is { } nps)
        {
            result.Nps = nps;
        }

        result.RelatedNeeds.AddRange(i.RelatedNeedIds.Select(n => ResourceName.ForNeed(customerId, n)));
        result.KanoAnswers.AddRange((i.KanoAnswers ?? []).Select(KanoMapper.ToProto));
        return result;
    }
}
