using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Server.Mapping;

/// <summary>DateTimeOffset ↔ google.protobuf.Timestamp (UTC; sub-100 ns precision is truncated).</summary>
public static class TimeMapper
{
    /// <summary>The instant of a Timestamp already checked by <c>FieldViolations.Timestamp</c>.</summary>
    public static DateTimeOffset ToDomain(Timestamp value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DateTimeOffset.FromUnixTimeSeconds(value.Seconds).AddTicks(value.Nanos / 100);
    }

    /// <summary>An optional Timestamp; null stays null.</summary>
    public static DateTimeOffset? ToDomainOrNull(Timestamp? value) => value is null ? null : ToDomain(value);

    public static Timestamp ToProto(DateTimeOffset value) => Timestamp.FromDateTimeOffset(value);

    /// <summary>Null (unset) stays null.</summary>
    public static Timestamp? ToProto(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
