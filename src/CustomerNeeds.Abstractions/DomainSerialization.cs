using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CustomerNeeds.Abstractions;

/// <summary>
/// Domain records cross grain calls as System.Text.Json (the same encoding the event log and
/// snapshots use, and round-trip tested in the domain tests), so the pure domain needs no
/// Orleans attributes. Register on every silo and client.
/// </summary>
public static class DomainSerialization
{
    public static ISerializerBuilder AddCustomerNeedsDomainTypes(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: IsDomainType);

    public static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("CustomerNeeds.Domain", StringComparison.Ordinal) == true && !type.IsEnum;
}
