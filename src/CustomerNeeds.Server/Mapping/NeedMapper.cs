using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Needs;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Needs: proto ↔ domain.</summary>
public static class NeedMapper
{
    /// <summary>
    /// The settable fields of a proto Need already checked by the need validation.
    /// <paramref name="sourceInteractionId"/> is the id parsed from need.source.interaction
    /// (null when empty). With <paramref name="maskPaths"/> only the named fields are read (the
    /// others keep their defaults and are ignored by the domain).
    /// </summary>
    public static NeedFields ToFields(Contract.Need n, string? sourceInteractionId, IReadOnlyCollection<string>? maskPaths = null)
    {
        ArgumentNullException.ThrowIfNull(n);
        bool Has(string path) => maskPaths is null || maskPaths.Contains(path);
        return new NeedFields
        {
            Title = Has(NeedFieldPaths.Title) ? n.Title : "",
            Description = Has(NeedFieldPaths.Description) ? n.Description : "",
            Type = Has(NeedFieldPaths.Type) ? EnumMapper.ToDomain(n.Type) : NeedType.Unspecified,
            Area = Has(NeedFieldPaths.Area) ? EnumMapper.ToDomain(n.Area) : NeedArea.Unspecified,
            KanoClass = Has(NeedFieldPaths.KanoClass) ? EnumMapper.ToDomain(n.KanoClass) : KanoClass.Unspecified,
            Importance = Has(NeedFieldPaths.Importance) ? n.Importance : 0,
            Urgency = Has(NeedFieldPaths.Urgency) ? n.Urgency : 0,
            Source = Has(NeedFieldPaths.Source) && n.Source is not null
                ? new NeedSource(sourceInteractionId, EnumMapper.ToDomain(n.Source.ResearchMethod))
                : null,
            Status = Has(NeedFieldPaths.Status) ? EnumMapper.ToDomain(n.Status) : NeedStatus.Unspecified,
            MaslowLevel = Has(NeedFieldPaths.MaslowLevel) ? EnumMapper.ToDomain(n.MaslowLevel) : MaslowLevel.Unspecified,
        };
    }

    /// <summary>A need resource; without history for Customer.top_needs.</summary>
    public static Contract.Need ToProto(string customerId, Need n, bool withHistory = true)
    {
        ArgumentNullException.ThrowIfNull(n);
        var result = new Contract.Need
        {
            Name = ResourceName.ForNeed(customerId, n.Id),
            Title = n.Title,
            Description = n.Description,
            Type = EnumMapper.ToProto(n.Type),
            Area = EnumMapper.ToProto(n.Area),
            KanoClass = EnumMapper.ToProto(n.KanoClass),
            Importance = n.Importance,
            Urgency = n.Urgency,
            Priority = n.Priority,
            Source = n.Source is { } source
                ? new Contract.NeedSource
                {
                    Interaction = source.InteractionId is { Length: > 0 } i ? ResourceName.ForInteraction(customerId, i) : "",
                    ResearchMethod = EnumMapper.ToProto(source.Method),
                }
                : null,
            Status = EnumMapper.ToProto(n.Status),
            MaslowLevel = EnumMapper.ToProto(n.MaslowLevel),
            CreateTime = TimeMapper.ToProto(n.CreatedAt),
            UpdateTime = TimeMapper.ToProto(n.UpdatedAt),
            Etag = n.Etag,
            MergedFrom = MergeMapper.ToProto(n.MergedFrom),
        };
        if (withHistory)
        {
            result.History.AddRange(n.History.Select(ToProto));
        }

        return result;
    }

    private static Contract.NeedChange ToProto(NeedChange c)
    {
        var result = new Contract.NeedChange
        {
            FromStatus = EnumMapper.ToProto(c.FromStatus),
            ToStatus = EnumMapper.ToProto(c.ToStatus),
            Actor = c.Actor,
            Reason = c.Reason,
            ChangeTime = TimeMapper.ToProto(c.ChangedAt),
        };
        result.ChangedFields.AddRange(c.ChangedFields);
        return result;
    }
}
