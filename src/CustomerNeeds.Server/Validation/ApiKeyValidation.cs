using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Security;
using CustomerNeeds.Server.Security.ApiKeys;
using Google.Protobuf.WellKnownTypes;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of api_key_service.proto for a key to create (ApiKeyService and the CLI).</summary>
public static class ApiKeyValidation
{
    public const int MaxDisplayNameLength = 200;

    public const int MaxSystemLength = 64;

    /// <summary>CreateApiKeyRequest: the key's display_name, roles, system and expire_time; null when a violation was found.</summary>
    public static NewApiKey? CheckCreate(FieldViolations v, Contract.CreateApiKeyRequest request)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(request);
        if (request.ApiKey is not { } key)
        {
            v.Add("api_key", "is required");
            return null;
        }

        return Check(v, "api_key.", key.DisplayName, key.Roles, key.System, key.ExpireTime);
    }

    /// <summary>The fields of a key to create, reported under <paramref name="prefix"/>; null when a violation was found.</summary>
    public static NewApiKey? Check(FieldViolations v, string prefix, string? displayName, IReadOnlyList<string> roles, string? system, Timestamp? expireTime)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(roles);
        var before = v.Items.Count;
        v.Required(prefix + "display_name", displayName, MaxDisplayNameLength);
        CheckRoles(v, prefix + "roles", roles);

        var channel = roles.Contains(Role.Channel, StringComparer.Ordinal);
        if (channel)
        {
            v.Required(prefix + "system", system, MaxSystemLength);
        }
        else if (!string.IsNullOrEmpty(system))
        {
            v.Add(prefix + "system", "must be empty for a key without the channel role");
        }

        if (v.Timestamp(prefix + "expire_time", expireTime, required: false) && expireTime is not null && TimeMapper.ToDomain(expireTime) <= v.Now)
        {
            v.Add(prefix + "expire_time", "must be in the future");
        }

        return v.Items.Count > before
            ? null
            : new NewApiKey(displayName!, roles.ToArray(), channel ? system : null, TimeMapper.ToDomainOrNull(expireTime));
    }

    private static void CheckRoles(FieldViolations v, string field, IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            v.Add(field, $"is required: at least one of {string.Join(", ", Role.All)}");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Count; i++)
        {
            var at = $"{field}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (!Role.All.Contains(roles[i], StringComparer.Ordinal))
            {
                v.Add(at, $"unknown role; roles are {string.Join(", ", Role.All)}");
            }
            else if (!seen.Add(roles[i]))
            {
                v.Add(at, "repeated role");
            }
        }
    }
}
