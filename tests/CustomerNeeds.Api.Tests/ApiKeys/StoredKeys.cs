using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace CustomerNeeds.Api.Tests.ApiKeys;

/// <summary>Reads <c>api_keys</c> rows and checks a whole key against its row, as the verifier does (SHA-256 of the secret).</summary>
internal static class StoredKeys
{
    public sealed record Row(string Id, string DisplayName, string[] Roles, string? System, byte[] Hash, string CreatedBy, DateTime? ExpiresAt, DateTime? RevokedAt, string? RevokedBy);

    public static async Task<List<Row>> AllAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand(
            "SELECT key_id, display_name, roles, system, secret_hash, created_by, expires_at, revoked_at, revoked_by FROM api_keys ORDER BY created_at, key_id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(
                reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<byte[]>(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetDateTime(6),
                reader.IsDBNull(7) ? null : reader.GetDateTime(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    /// <summary>The id of a whole key <c>cnk_{id}_{secret}</c> whose secret hashes to the row's hash (asserted).</summary>
    public static void AssertVerifies(string key, Row row)
    {
        Assert.Matches("^cnk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(row.Id, key.Substring(4, 12));
        Assert.Equal(row.Hash, SHA256.HashData(Encoding.ASCII.GetBytes(key[17..])));
    }
}
