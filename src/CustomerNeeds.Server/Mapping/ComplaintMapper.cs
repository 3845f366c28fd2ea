using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Complaint cases: domain → proto.</summary>
public static class ComplaintMapper
{
    public static Contract.Complaint ToProto(string customerId, ComplaintCase k)
    {
        ArgumentNullException.ThrowIfNull(k);
        var result = new Contract.Complaint
        {
            Name = ResourceName.ForComplaint(customerId, k.Id),
            Status = EnumMapper.ToProto(k.Status),
            Severity = EnumMapper.ToProto(k.Severity),
            Summary = k.Summary,
            SourceInteraction = k.SourceInteractionId.Length > 0 ? ResourceName.ForInteraction(customerId, k.SourceInteractionId) : "",
            ResponsibleParty = k.ResponsibleParty,
            Escalated = k.IsEscalated(),
            EscalationLevel = k.EscalationLevel,
            ReopenCount = k.ReopenCount,
            OpenTime = TimeMapper.ToProto(k.OpenedAt),
            FirstResponseTime = TimeMapper.ToProto(k.FirstResponseAt),
            ResolveTime = TimeMapper.ToProto(k.ResolvedAt),
            CloseTime = TimeMapper.ToProto(k.ClosedAt),
            ResponseSlaDeadline = TimeMapper.ToProto(k.ResponseDeadline),
            ResolutionSlaDeadline = TimeMapper.ToProto(k.ResolutionDeadline),
            FollowUpDueTime = TimeMapper.ToProto(k.FollowUpDueAt),
            MergedFrom = MergeMapper.ToProto(k.MergedFrom),
            ResponseBreachTime = TimeMapper.ToProto(k.ResponseBreachedAt),
            ResolutionBreachTime = TimeMapper.ToProto(k.ResolutionBreachedAt),
            FollowUpFellDueTime = TimeMapper.ToProto(k.FollowUpFellDueAt),
        };
        result.History.AddRange(k.History.Select(ToProto));
        return result;
    }

    private static Contract.ComplaintTransition ToProto(ComplaintTransition t) => new()
    {
        FromStatus = EnumMapper.ToProto(t.FromStatus),
        ToStatus = EnumMapper.ToProto(t.ToStatus),
        Actor = t.Actor,
        Note = t.Note,
        TransitionTime = TimeMapper.ToProto(t.At),
        Escalated = t.Escalated,
        ResponsibleParty = t.ResponsibleParty ?? "",
    };
}
