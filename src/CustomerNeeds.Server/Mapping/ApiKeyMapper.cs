using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.ApiKeys;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>A stored key to the contract's ApiKey: never its secret or hash.</summary>
public static class ApiKeyMapper
{
    public static Contract.ApiKey ToProto(ApiKeyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = new Contract.ApiKey
        {
            Name = ApiKeyName.For(row.KeyId),
            DisplayName = row.DisplayName,
            System = row.System ?? "",
            CreateTime = TimeMapper.ToProto(row.CreatedAt),
            CreatedBy = row.CreatedBy,
            ExpireTime = TimeMapper.ToProto(row.ExpiresAt),
            RevokeTime = TimeMapper.ToProto(row.RevokedAt),
            RevokedBy = row.RevokedBy ?? "",
        };
        key.Roles.AddRange(row.Roles);
        return key;
    }
}
