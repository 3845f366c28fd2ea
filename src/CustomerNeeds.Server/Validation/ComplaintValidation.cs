using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of complaint_service.proto for incoming requests.</summary>
public static class ComplaintValidation
{
    /// <summary>TransitionComplaintRequest; returns the ids from name.</summary>
    public static (string CustomerId, string ComplaintId) CheckTransition(FieldViolations v, Contract.TransitionComplaintRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ids = ResourceName.Complaint(v, "name", request.Name);
        v.Enum("target_status", request.TargetStatus, required: true);
        v.Required("actor", request.Actor, NeedValidation.MaxActorLength);
        v.MaxLength("note", request.Note, 4000);
        if (request.HasResponsibleParty)
        {
            v.Required("responsible_party", request.ResponsibleParty, 200);
        }

        return ids;
    }

    /// <summary>The filter of ListComplaintsRequest.</summary>
    public static void CheckFilters(FieldViolations v, Contract.ListComplaintsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        v.EnumList("statuses", request.Statuses, allowUnspecified: false, distinct: false);
    }
}
