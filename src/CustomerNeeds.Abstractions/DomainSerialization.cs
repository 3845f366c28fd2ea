using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace CustomerNeeds.Abstractions;

/// <summary>
/// Domain records cross grain calls as System.Text.Json (the same encoding the event log and
/// snapshots use, and round-trip tested in the domain tests), so the pure domain needs no
/// Orleans attributes. Within one process they are handed over without a copy
/// (<see cref="DomainValuesHandedOver"/>). Register on every silo and client.
/// </summary>
public static class DomainSerialization
{
    public static ISerializerBuilder AddCustomerNeedsDomainTypes(this ISerializerBuilder builder)
    {
        builder.AddJsonSerializer(isSerializable: IsDomainType, isCopyable: _ => false);
        builder.Services.AddSingleton<IGeneralizedCopier, DomainValuesHandedOver>();
        return builder;
    }

    public static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("CustomerNeeds.Domain", StringComparison.Ordinal) == true && !type.IsEnum;
}
