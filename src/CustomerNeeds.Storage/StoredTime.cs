namespace CustomerNeeds.Storage;

/// <summary>Instants as PostgreSQL keeps them: UTC, whole microseconds.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Normalize(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % 10), TimeSpan.Zero);
    }
}
