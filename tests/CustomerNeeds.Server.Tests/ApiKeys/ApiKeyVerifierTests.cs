using CustomerNeeds.Server.Security;
using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Tests.ApiKeys;

/// <summary>The verifier of one server on PostgreSQL: every outcome, also when the row comes from the cache.</summary>
public sealed class ApiKeyVerifierTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly ManualTime time = new(DateTimeOffset.UtcNow);
    private KeyServer? server;

    private KeyServer Server => server!;

    public async Task InitializeAsync() => server = await KeyServer.StartAsync(database.ConnectionString, time);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    private Task<IssuedApiKey> IssueAsync(string[] roles, string? system = null, DateTimeOffset? expiresAt = null) =>
        ApiKeyIssuer.IssueAsync(Server.Store, new NewApiKey("test key", roles, system, expiresAt), "apiKeys/creator00001", time.Now, CancellationToken.None);

    [Fact]
    public async Task A_valid_key_gives_its_caller_and_the_second_call_is_answered_from_the_cache()
    {
        var issued = await IssueAsync([Role.Channel, Role.Agent], "webshop");

        var first = await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None);
        var reads = Server.Store.Reads;
        var second = await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None);

        foreach (var result in new[] { first, second })
        {
            Assert.Null(result.Failure);
            Assert.NotNull(result.Caller);
            Assert.Equal("apiKeys/" + issued.Row.KeyId, result.Caller.Id);
            Assert.Equal(CallerKind.ApiKey, result.Caller.Kind);
            Assert.Equal(["agent", "channel"], result.Caller.Roles.Order(StringComparer.Ordinal));
            Assert.Equal("webshop", result.Caller.System);
        }

        Assert.Equal(reads, Server.Store.Reads);
        Assert.NotNull(Server.Cache.Find(issued.Row.KeyId));
    }

    [Fact]
    public async Task An_unknown_id_and_a_wrong_secret_get_the_same_words()
    {
        var issued = await IssueAsync([Role.Agent]);
        var unknownId = ApiKeyFormat.Compose(ApiKeyFormat.NewId(), issued.Key[^ApiKeyFormat.SecretLength..]);
        var wrongSecret = ApiKeyFormat.Compose(issued.Row.KeyId, ApiKeyFormat.NewSecret());

        var unknown = await Server.Verifier.VerifyAsync(unknownId, CancellationToken.None);
        var wrong = await Server.Verifier.VerifyAsync(wrongSecret, CancellationToken.None);
        await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None); // now cached
        var wrongCached = await Server.Verifier.VerifyAsync(wrongSecret, CancellationToken.None);

        foreach (var result in new[] { unknown, wrong, wrongCached })
        {
            Assert.Null(result.Caller);
            Assert.Equal("the API key is unknown or invalid", result.Failure);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("cnk_abcdefghij01_short")]
    [InlineData("cnk_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    public async Task A_malformed_key_is_unknown_or_invalid_without_a_read(string key)
    {
        var reads = Server.Store.Reads;

        var result = await Server.Verifier.VerifyAsync(key, CancellationToken.None);

        Assert.Null(result.Caller);
        Assert.Equal("the API key is unknown or invalid", result.Failure);
        Assert.Equal(reads, Server.Store.Reads);
    }

    [Fact]
    public async Task A_key_expires_at_its_time_also_when_it_is_cached()
    {
        var issued = await IssueAsync([Role.Analyst], expiresAt: time.Now.AddMinutes(5));
        Assert.NotNull((await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
        Assert.NotNull(Server.Cache.Find(issued.Row.KeyId));
        var reads = Server.Store.Reads;

        time.Now = issued.Row.ExpiresAt!.Value.AddTicks(-10);
        Assert.NotNull((await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller);
        time.Now = issued.Row.ExpiresAt!.Value;
        var expired = await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None);

        Assert.Null(expired.Caller);
        Assert.Equal("the API key has expired", expired.Failure);
        Assert.Equal(reads, Server.Store.Reads); // answered from the cache
    }

    [Fact]
    public async Task A_revoked_key_is_revoked_but_with_a_wrong_secret_it_is_unknown_or_invalid()
    {
        var issued = await IssueAsync([Role.Admin]);
        await Server.Store.RevokeAsync(issued.Row.KeyId, "apiKeys/admin0000001", time.Now, CancellationToken.None);

        var revoked = await Server.Verifier.VerifyAsync(issued.Key, CancellationToken.None);
        var wrong = await Server.Verifier.VerifyAsync(ApiKeyFormat.Compose(issued.Row.KeyId, ApiKeyFormat.NewSecret()), CancellationToken.None);

        Assert.Null(revoked.Caller);
        Assert.Equal("the API key was revoked", revoked.Failure);
        Assert.Equal("the API key is unknown or invalid", wrong.Failure);
    }

    [Fact]
    public async Task In_memory_there_is_no_cache_and_every_outcome_is_the_same()
    {
        var store = new CountingKeyStore(new InMemoryApiKeyStore());
        var verifier = new ApiKeyVerifier(store, new VerifiedKeyCache(100), time);
        var issued = await ApiKeyIssuer.IssueAsync(store, new NewApiKey("local", [Role.Agent], null, null), "system", time.Now, CancellationToken.None);

        Assert.Equal("apiKeys/" + issued.Row.KeyId, (await verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller?.Id);
        Assert.Equal("apiKeys/" + issued.Row.KeyId, (await verifier.VerifyAsync(issued.Key, CancellationToken.None)).Caller?.Id);
        Assert.Equal(2, store.Reads);
        await store.RevokeAsync(issued.Row.KeyId, "system", time.Now, CancellationToken.None);
        Assert.Equal("the API key was revoked", (await verifier.VerifyAsync(issued.Key, CancellationToken.None)).Failure);
    }
}
