using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerNeeds.Domain.Events;

/// <summary>The one JSON form of events (System.Text.Json, default options, "$type" discriminator first).</summary>
public static class CustomerEventJson
{
    private static readonly Dictionary<Type, string> Names = typeof(CustomerEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>Every event type with its stable name.</summary>
    public static IReadOnlyDictionary<Type, string> TypeNames => Names;

    /// <summary>The stable name of an event's type, e.g. "interaction-recorded".</summary>
    public static string TypeName(CustomerEvent e) => Names[e.GetType()];

    public static string Serialize(CustomerEvent e) => JsonSerializer.Serialize(e);

    public static byte[] SerializeToUtf8Bytes(CustomerEvent e) => JsonSerializer.SerializeToUtf8Bytes(e);

    public static CustomerEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<CustomerEvent>(json) ?? throw new JsonException("Null event.");

    public static CustomerEvent Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<CustomerEvent>(utf8Json) ?? throw new JsonException("Null event.");
}
