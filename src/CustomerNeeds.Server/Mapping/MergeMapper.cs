using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Merge provenance: domain → proto.</summary>
public static class MergeMapper
{
    /// <summary>The proto form of <paramref name="from"/>; null when the item was not moved by a merge.</summary>
    public static Contract.MergedFrom? ToProto(MergedFrom? from) =>
        from is null ? null : new Contract.MergedFrom { Customer = ResourceName.ForCustomer(from.CustomerId), Id = from.Id };
}
