namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>The PostgreSQL notification channel of key changes (migration 0012): the payload is the key id.</summary>
public static class ApiKeyChannel
{
    public const string Name = "api_keys";
}
