using System.Security.Cryptography;
using System.Text;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;

namespace CustomerNeeds.Api.Tests.ApiKeys;

/// <summary>ApiKeyService through real gRPC on the shared server: the secret is shown once, only its hash is stored, revocation is idempotent, bad requests are INVALID_ARGUMENT with field violations.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiKeyServiceTests(ServerFixture fixture)
{
    private readonly ApiKeyService.ApiKeyServiceClient keys = new(fixture.Server.Channel);

    private static CreateApiKeyRequest Request(string displayName, string? system, Timestamp? expireTime, params string[] roles)
    {
        var key = new ApiKey { DisplayName = displayName, System = system ?? "", ExpireTime = expireTime };
        key.Roles.AddRange(roles);
        return new CreateApiKeyRequest { ApiKey = key };
    }

    [Fact]
    public async Task Create_returns_the_key_with_its_secret_once_and_the_database_holds_only_the_secret_hash()
    {
        var expires = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(30).Date);
        var request = Request("webshop production", "webshop", expires, "channel", "agent");
        request.ApiKey.Name = "apiKeys/ignored";
        request.ApiKey.RevokedBy = "ignored";

        var created = await keys.CreateApiKeyAsync(request);

        var key = created.ApiKey;
        Assert.Matches("^apiKeys/[a-z0-9]{12}$", key.Name);
        var id = key.Name["apiKeys/".Length..];
        Assert.Matches($"^cnk_{id}_[A-Za-z0-9_-]{{43}}$", created.Secret);
        Assert.Equal(("webshop production", "webshop", expires), (key.DisplayName, key.System, key.ExpireTime));
        Assert.Equal(["channel", "agent"], key.Roles);
        Assert.False(string.IsNullOrEmpty(key.CreatedBy));
        Assert.True(Math.Abs((key.CreateTime.ToDateTime() - DateTime.UtcNow).TotalMinutes) < 5);
        Assert.Null(key.RevokeTime);
        Assert.Equal("", key.RevokedBy);

        var secret = created.Secret[(4 + 12 + 1)..];
        await using var row = fixture.Database.DataSource.CreateCommand("SELECT secret_hash, api_keys::text FROM api_keys WHERE key_id = $1");
        row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(secret)), reader.GetFieldValue<byte[]>(0));
        Assert.DoesNotContain(secret, reader.GetString(1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_never_shows_a_secret_or_a_hash_and_pages_newest_first_hiding_revoked_keys_unless_asked()
    {
        var created = new List<CreatedApiKey>();
        for (var i = 0; i < 4; i++)
        {
            created.Add(await keys.CreateApiKeyAsync(Request($"list {i}", null, null, "analyst")));
        }

        await keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created[1].ApiKey.Name });
        var mine = created.Select(c => c.ApiKey.Name).ToHashSet();

        var (active, activeBytes) = await AllAsync(showInactive: false);
        var (all, allBytes) = await AllAsync(showInactive: true);

        Assert.Equal([created[3].ApiKey.Name, created[2].ApiKey.Name, created[0].ApiKey.Name], active.Where(mine.Contains));
        Assert.Equal([created[3].ApiKey.Name, created[2].ApiKey.Name, created[1].ApiKey.Name, created[0].ApiKey.Name], all.Where(mine.Contains));
        foreach (var c in created)
        {
            var secret = c.Secret[(4 + 12 + 1)..];
            var hash = SHA256.HashData(Encoding.ASCII.GetBytes(secret));
            foreach (var bytes in new[] { activeBytes, allBytes })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(hash));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hash))));
            }
        }
    }

    [Fact]
    public async Task A_page_token_is_bound_to_show_inactive_and_a_bad_one_or_a_negative_page_size_is_invalid()
    {
        await keys.CreateApiKeyAsync(Request("paging 1", null, null, "agent"));
        await keys.CreateApiKeyAsync(Request("paging 2", null, null, "agent"));
        var first = await keys.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 1, ShowInactive = true });
        Assert.NotEqual("", first.NextPageToken);

        await RpcAssert.InvalidAsync(() => keys.ListApiKeysAsync(new ListApiKeysRequest { PageToken = first.NextPageToken }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => keys.ListApiKeysAsync(new ListApiKeysRequest { PageToken = "not-a-token", ShowInactive = true }).ResponseAsync, "page_token");
        await RpcAssert.InvalidAsync(() => keys.ListApiKeysAsync(new ListApiKeysRequest { PageSize = -1 }).ResponseAsync, "page_size");
        var second = await keys.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 1, ShowInactive = true, PageToken = first.NextPageToken });
        Assert.NotEqual(first.ApiKeys[0].Name, second.ApiKeys[0].Name);
    }

    [Fact]
    public async Task Revoking_twice_returns_the_first_revocation_and_an_unknown_or_malformed_name_is_refused()
    {
        var created = await keys.CreateApiKeyAsync(Request("to revoke", null, null, "admin"));

        var first = await keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });
        var second = await keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });

        Assert.NotNull(first.RevokeTime);
        Assert.Equal(created.ApiKey.CreatedBy, first.RevokedBy); // the same caller made and revoked it
        Assert.Equal(first, second);
        Assert.Equal(created.ApiKey.CreateTime, first.CreateTime);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/nosuchkey000" }).ResponseAsync);
        await RpcAssert.InvalidAsync(() => keys.RevokeApiKeyAsync(new RevokeApiKeyRequest()).ResponseAsync, "name");
        await RpcAssert.InvalidAsync(() => keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "apiKeys/UPPER0000000" }).ResponseAsync, "name");
        await RpcAssert.InvalidAsync(() => keys.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = "keys/abcdefghij01" }).ResponseAsync, "name");
    }

    public static TheoryData<string, CreateApiKeyRequest, string[]> InvalidRequests()
    {
        var past = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-1));
        return new()
        {
            { "no key", new CreateApiKeyRequest(), ["api_key"] },
            { "no name", Request("", null, null, "agent"), ["api_key.display_name"] },
            { "blank name", Request("   ", null, null, "agent"), ["api_key.display_name"] },
            { "long name", Request(new string('n', 201), null, null, "agent"), ["api_key.display_name"] },
            { "no role", Request("k", null, null), ["api_key.roles"] },
            { "unknown role", Request("k", null, null, "agent", "root"), ["api_key.roles[1]"] },
            { "repeated role", Request("k", null, null, "agent", "agent"), ["api_key.roles[1]"] },
            { "channel without system", Request("k", null, null, "channel"), ["api_key.system"] },
            { "system without channel", Request("k", "webshop", null, "agent"), ["api_key.system"] },
            { "long system", Request("k", new string('s', 65), null, "channel"), ["api_key.system"] },
            { "past expiry", Request("k", null, past, "agent"), ["api_key.expire_time"] },
            { "bad expiry", Request("k", null, new Timestamp { Seconds = 1, Nanos = -1 }, "agent"), ["api_key.expire_time"] },
            { "several", Request("", "webshop", past, "Admin"), ["api_key.display_name", "api_key.roles[0]", "api_key.system", "api_key.expire_time"] },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task A_bad_create_request_is_invalid_with_its_fields_and_creates_nothing(string reason, CreateApiKeyRequest request, string[] fields)
    {
        Assert.False(string.IsNullOrEmpty(reason));
        var before = await CountAsync();

        await RpcAssert.InvalidAsync(() => keys.CreateApiKeyAsync(request).ResponseAsync, fields);

        Assert.Equal(before, await CountAsync());
    }

    private async Task<long> CountAsync()
    {
        await using var command = fixture.Database.DataSource.CreateCommand("SELECT count(*) FROM api_keys");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(List<string> Names, byte[] Bytes)> AllAsync(bool showInactive)
    {
        var names = new List<string>();
        var bytes = new List<byte>();
        var token = "";
        do
        {
            var page = await keys.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 2, PageToken = token, ShowInactive = showInactive });
            Assert.True(page.ApiKeys.Count <= 2);
            Assert.All(page.ApiKeys, k => Assert.True(showInactive || k.RevokeTime is null));
            names.AddRange(page.ApiKeys.Select(k => k.Name));
            bytes.AddRange(page.ToByteArray());
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return (names, bytes.ToArray());
    }
}
