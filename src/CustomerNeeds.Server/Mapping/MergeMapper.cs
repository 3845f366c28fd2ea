using CustomerNeeds.Domain.Merging;
using CustomerNeeds.Domain.ReadModel;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Merge provenance: domain → proto.</summary>
public static class MergeMapper
{
    /// <summary>The proto form of <paramref name="from"/>; null when the item was not moved by a merge.</summary>
    public static Contract.MergedFrom? ToProto(MergedFrom? from) =>
        from is null ? null : new Contract.MergedFrom { Customer = ResourceName.ForCustomer(from.CustomerId), Id = from.Id };

    /// <summary>A group of duplicate candidates: what they share and who they are.</summary>
    public static Contract.DuplicateCandidateGroup ToProto(DuplicateCandidateGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var key = group.IdentityKey;
        var (kind, value) = key switch
        {
            _ when key.StartsWith(IdentityKeys.Phone, StringComparison.Ordinal) => (Contract.IdentityKeyKind.Phone, key[IdentityKeys.Phone.Length..]),
            _ when key.StartsWith(IdentityKeys.Email, StringComparison.Ordinal) => (Contract.IdentityKeyKind.Email, key[IdentityKeys.Email.Length..]),
            _ when key.StartsWith(IdentityKeys.External, StringComparison.Ordinal) => (Contract.IdentityKeyKind.ExternalId, key[IdentityKeys.External.Length..]),
            _ => (Contract.IdentityKeyKind.Unspecified, key),
        };
        var result = new Contract.DuplicateCandidateGroup { Kind = kind, Value = value, CustomerCount = group.CustomerCount };
        result.Customers.AddRange(group.CustomerIds.Select(ResourceName.ForCustomer));
        return result;
    }
}
