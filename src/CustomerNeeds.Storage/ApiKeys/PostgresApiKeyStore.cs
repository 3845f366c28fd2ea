using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ApiKeys;

/// <summary>The <c>api_keys</c> table (migration 0012). Each call is one statement; a revocation notifies <see cref="ApiKeyChannel"/> by trigger.</summary>
public sealed class PostgresApiKeyStore(NpgsqlDataSource dataSource) : IApiKeyStore
{
    private const string Columns = "key_id, display_name, roles, system, secret_hash, created_at, created_by, expires_at, revoked_at, revoked_by";

    public async Task<ApiKeyRow?> CreateAsync(ApiKeyRow key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL) ON CONFLICT (key_id) DO NOTHING RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.KeyId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.DisplayName });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = key.Roles.ToArray() });
        command.Parameters.Add(Text(key.System));
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.SecretHash });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = key.CreatedAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.CreatedBy });
        command.Parameters.Add(Time(key.ExpiresAt));
        return await SingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRow?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_keys WHERE key_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = keyId });
        return await SingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyPage> ListAsync(ApiKeyCursor? after, int pageSize, bool showInactive, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM api_keys "
            + "WHERE ($1::timestamptz IS NULL OR (created_at, key_id) < ($1, $2::text)) "
            + "AND ($3 OR (revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $4))) "
            + "ORDER BY created_at DESC, key_id DESC LIMIT $5");
        command.Parameters.Add(Time(after?.CreatedAt));
        command.Parameters.Add(Text(after?.KeyId));
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = showInactive });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = pageSize + 1L });
        var rows = await AllAsync(command, cancellationToken).ConfigureAwait(false);
        if (rows.Count <= pageSize)
        {
            return new ApiKeyPage(rows, null);
        }

        var last = rows[pageSize - 1];
        return new ApiKeyPage(rows.Take(pageSize).ToArray(), new ApiKeyCursor(last.CreatedAt, last.KeyId));
    }

    public async Task<ApiKeyRow?> RevokeAsync(string keyId, string revokedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE api_keys SET revoked_at = $2, revoked_by = $3 WHERE key_id = $1 AND revoked_at IS NULL RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = keyId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = revokedBy });
        return await SingleAsync(command, cancellationToken).ConfigureAwait(false)
            ?? await GetAsync(keyId, cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter Text(string? value) => new NpgsqlParameter<string?> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Time(DateTimeOffset? value) =>
        new NpgsqlParameter<DateTime?> { TypedValue = value?.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static async Task<ApiKeyRow?> SingleAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        (await AllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    private static async Task<List<ApiKeyRow>> AllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ApiKeyRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new ApiKeyRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetFieldValue<string[]>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetFieldValue<byte[]>(4),
                Utc(reader.GetFieldValue<DateTime>(5)),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : Utc(reader.GetFieldValue<DateTime>(7)),
                reader.IsDBNull(8) ? null : Utc(reader.GetFieldValue<DateTime>(8)),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
