using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Needs;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of need.proto / need_service.proto for incoming requests.</summary>
public static class NeedValidation
{
    /// <summary>Most characters of an actor.</summary>
    public const int MaxActorLength = 128;

    /// <summary>Most characters of a reason.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The allowed update_mask paths of UpdateNeedRequest.</summary>
    public static IReadOnlyCollection<string> MaskPaths { get; } = NeedFieldPaths.All.ToArray();

    /// <summary>CreateNeedRequest; returns the customer id and the source interaction id (null when none).</summary>
    public static (string CustomerId, string? SourceInteractionId) CheckCreate(FieldViolations v, Contract.CreateNeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customerId = ResourceName.Customer(v, "parent", request.Parent);
        if (request.NeedId.Length > 0 && !ResourceId.IsValid(request.NeedId))
        {
            v.Add("need_id", "must be empty or 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }

        v.Required("actor", request.Actor, MaxActorLength);
        if (request.Need is null)
        {
            v.Add("need", "is required");
            return (customerId, null);
        }

        string? source = null;
        foreach (var path in NeedFieldPaths.All)
        {
            if (path == NeedFieldPaths.Status)
            {
                if (v.Enum("need.status", request.Need.Status, required: false)
                    && request.Need.Status is not (Contract.NeedStatus.Unspecified or Contract.NeedStatus.Identified))
                {
                    v.Add("need.status", "must be NEED_STATUS_UNSPECIFIED or NEED_STATUS_IDENTIFIED: every need starts as IDENTIFIED");
                }
            }
            else if (path == NeedFieldPaths.Source)
            {
                source = CheckSource(v, request.Need.Source, customerId);
            }
            else
            {
                CheckField(v, request.Need, path);
            }
        }

        return (customerId, source);
    }

    /// <summary>
    /// UpdateNeedRequest; returns the ids from need.name, the valid mask paths and the source
    /// interaction id (null when none or not masked).
    /// </summary>
    public static (string CustomerId, string NeedId, IReadOnlyList<string> Paths, string? SourceInteractionId) CheckUpdate(
        FieldViolations v, Contract.UpdateNeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paths = v.UpdateMask(request.UpdateMask, MaskPaths);
        v.Required("actor", request.Actor, MaxActorLength);
        v.Required("reason", request.Reason, MaxReasonLength);
        if (request.Need is null)
        {
            v.Add("need", "is required");
            return ("", "", paths, null);
        }

        var (customerId, needId) = ResourceName.Need(v, "need.name", request.Need.Name);
        string? source = null;
        foreach (var path in paths)
        {
            if (path == NeedFieldPaths.Status)
            {
                v.Enum("need.status", request.Need.Status, required: true);
            }
            else if (path == NeedFieldPaths.Source)
            {
                source = CheckSource(v, request.Need.Source, customerId);
            }
            else
            {
                CheckField(v, request.Need, path);
            }
        }

        return (customerId, needId, paths, source);
    }

    /// <summary>The filters of ListNeedsRequest (UNSPECIFIED only allowed for kano_classes).</summary>
    public static void CheckFilters(FieldViolations v, Contract.ListNeedsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        v.EnumList("statuses", request.Statuses, allowUnspecified: false, distinct: false);
        v.EnumList("types", request.Types_, allowUnspecified: false, distinct: false);
        v.EnumList("areas", request.Areas, allowUnspecified: false, distinct: false);
        v.EnumList("kano_classes", request.KanoClasses, allowUnspecified: true, distinct: false);
    }

    private static void CheckField(FieldViolations v, Contract.Need n, string path)
    {
        var field = "need." + path;
        switch (path)
        {
            case NeedFieldPaths.Title: v.Required(field, n.Title, 200); break;
            case NeedFieldPaths.Description: v.MaxLength(field, n.Description, 4000); break;
            case NeedFieldPaths.Type: v.Enum(field, n.Type, required: true); break;
            case NeedFieldPaths.Area: v.Enum(field, n.Area, required: true); break;
            case NeedFieldPaths.KanoClass: v.Enum(field, n.KanoClass, required: false); break;
            case NeedFieldPaths.Importance: v.Range(field, n.Importance, 1, 5); break;
            case NeedFieldPaths.Urgency: v.Range(field, n.Urgency, 1, 5); break;
            case NeedFieldPaths.MaslowLevel: v.Enum(field, n.MaslowLevel, required: false); break;
        }
    }

    // source unset = no source; when set, research_method is required and interaction (optional)
    // must name an interaction of the same customer.
    private static string? CheckSource(FieldViolations v, Contract.NeedSource? source, string customerId)
    {
        if (source is null)
        {
            return null;
        }

        v.Enum("need.source.research_method", source.ResearchMethod, required: true);
        if (source.Interaction.Length == 0)
        {
            return null;
        }

        var id = ResourceName.ChildOf(v, "need.source.interaction", source.Interaction, ResourceName.InteractionsCollection, customerId);
        return id.Length > 0 ? id : null;
    }
}
