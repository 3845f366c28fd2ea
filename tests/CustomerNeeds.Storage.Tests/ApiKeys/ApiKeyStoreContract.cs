using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Storage.Tests.ApiKeys;

/// <summary>The behaviour every <see cref="IApiKeyStore"/> must have, run against PostgreSQL and memory; each test has a store of its own.</summary>
public abstract class ApiKeyStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private IApiKeyStore? store;

    protected IApiKeyStore Store => store ?? throw new InvalidOperationException("Not initialized.");

    protected abstract Task<IApiKeyStore> CreateStoreAsync();

    public async Task InitializeAsync() => store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static ApiKeyRow Key(string id, DateTimeOffset createdAt, DateTimeOffset? expiresAt = null, string? system = null, params string[] roles) =>
        new(id, "key " + id, roles.Length == 0 ? ["agent"] : roles, system, Enumerable.Range(0, 32).Select(i => (byte)(i + id.Length)).ToArray(),
            createdAt, "apiKeys/creator0000", expiresAt, null, null);

    [Fact]
    public async Task A_created_key_reads_back_field_by_field_with_times_in_microseconds()
    {
        var created = T0.AddTicks(1_234_567);
        var key = Key("abcdefghij01", created, created.AddDays(30), "webshop", "channel", "agent");

        var stored = await Store.CreateAsync(key, CancellationToken.None);
        var read = await Store.GetAsync("abcdefghij01", CancellationToken.None);

        foreach (var row in new[] { stored, read })
        {
            Assert.NotNull(row);
            Assert.Equal("abcdefghij01", row.KeyId);
            Assert.Equal("key abcdefghij01", row.DisplayName);
            Assert.Equal(["channel", "agent"], row.Roles);
            Assert.Equal("webshop", row.System);
            Assert.Equal(key.SecretHash, row.SecretHash);
            Assert.Equal(T0.AddTicks(1_234_560), row.CreatedAt);
            Assert.Equal(T0.AddDays(30).AddTicks(1_234_560), row.ExpiresAt);
            Assert.Equal(TimeSpan.Zero, row.CreatedAt.Offset);
            Assert.Equal("apiKeys/creator0000", row.CreatedBy);
            Assert.Null(row.RevokedAt);
            Assert.Null(row.RevokedBy);
        }
    }

    [Fact]
    public async Task A_taken_id_is_refused_and_the_first_key_stays()
    {
        Assert.NotNull(await Store.CreateAsync(Key("takenid00001", T0), CancellationToken.None));

        Assert.Null(await Store.CreateAsync(Key("takenid00001", T0.AddHours(1), roles: "admin"), CancellationToken.None));

        var row = await Store.GetAsync("takenid00001", CancellationToken.None);
        Assert.Equal(["agent"], row!.Roles);
        Assert.Equal(T0, row.CreatedAt);
    }

    [Fact]
    public async Task An_unknown_id_is_null()
    {
        Assert.Null(await Store.GetAsync("nosuchkey000", CancellationToken.None));
        Assert.Null(await Store.RevokeAsync("nosuchkey000", "apiKeys/admin0000001", T0, CancellationToken.None));
    }

    [Fact]
    public async Task Revoking_records_who_and_when_once_and_a_second_revocation_changes_nothing()
    {
        await Store.CreateAsync(Key("revoked00001", T0), CancellationToken.None);

        var first = await Store.RevokeAsync("revoked00001", "apiKeys/admin0000001", T0.AddHours(1), CancellationToken.None);
        var second = await Store.RevokeAsync("revoked00001", "apiKeys/admin0000002", T0.AddHours(2), CancellationToken.None);

        Assert.Equal(T0.AddHours(1), first!.RevokedAt);
        Assert.Equal("apiKeys/admin0000001", first.RevokedBy);
        Assert.Equal(T0.AddHours(1), second!.RevokedAt);
        Assert.Equal("apiKeys/admin0000001", second.RevokedBy);
        var read = await Store.GetAsync("revoked00001", CancellationToken.None);
        Assert.Equal(T0.AddHours(1), read!.RevokedAt);
        Assert.Equal("apiKeys/admin0000001", read.RevokedBy);
    }

    [Fact]
    public async Task Listing_pages_newest_first_with_ties_broken_by_id_and_hides_inactive_keys_unless_asked()
    {
        // Seven keys: two created at the same instant; one revoked, one expired, one expiring later.
        await Store.CreateAsync(Key("k00000000001", T0), CancellationToken.None);
        await Store.CreateAsync(Key("k00000000002", T0.AddMinutes(1)), CancellationToken.None);
        await Store.CreateAsync(Key("k00000000003", T0.AddMinutes(2)), CancellationToken.None);
        await Store.CreateAsync(Key("k00000000004", T0.AddMinutes(2)), CancellationToken.None);
        await Store.CreateAsync(Key("k00000000005", T0.AddMinutes(3), expiresAt: T0.AddMinutes(30)), CancellationToken.None);
        await Store.CreateAsync(Key("k00000000006", T0.AddMinutes(4), expiresAt: T0.AddDays(1)), CancellationToken.None);
        await Store.CreateAsync(Key("k00000000007", T0.AddMinutes(5)), CancellationToken.None);
        await Store.RevokeAsync("k00000000002", "apiKeys/admin0000001", T0.AddMinutes(10), CancellationToken.None);
        var now = T0.AddHours(1);

        Assert.Equal(
            ["k00000000007", "k00000000006", "k00000000005", "k00000000004", "k00000000003", "k00000000002", "k00000000001"],
            await AllAsync(showInactive: true, pageSize: 2, now));
        Assert.Equal(
            ["k00000000007", "k00000000006", "k00000000004", "k00000000003", "k00000000001"],
            await AllAsync(showInactive: false, pageSize: 2, now));
        Assert.Equal(
            ["k00000000007", "k00000000006", "k00000000005", "k00000000004", "k00000000003", "k00000000001"],
            await AllAsync(showInactive: false, pageSize: 10, T0.AddMinutes(20)));

        var first = await Store.ListAsync(null, 3, showInactive: true, now, CancellationToken.None);
        Assert.Equal(new ApiKeyCursor(T0.AddMinutes(3), "k00000000005"), first.Next);
        var last = await Store.ListAsync(new ApiKeyCursor(T0.AddMinutes(1), "k00000000002"), 3, showInactive: true, now, CancellationToken.None);
        Assert.Equal(["k00000000001"], last.Keys.Select(k => k.KeyId));
        Assert.Null(last.Next);
    }

    private async Task<List<string>> AllAsync(bool showInactive, int pageSize, DateTimeOffset now)
    {
        var ids = new List<string>();
        ApiKeyCursor? after = null;
        do
        {
            var page = await Store.ListAsync(after, pageSize, showInactive, now, CancellationToken.None);
            Assert.True(page.Keys.Count <= pageSize);
            ids.AddRange(page.Keys.Select(k => k.KeyId));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }
}
