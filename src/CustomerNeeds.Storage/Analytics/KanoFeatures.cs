using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>The questionnaire features (<c>kano_features</c>): create, read, list, update, delete.</summary>
public sealed class KanoFeatures(NpgsqlDataSource dataSource)
{
    /// <summary>The columns <see cref="Read"/> reads, in order.</summary>
    internal const string Columns = "feature_id, display_name, functional_question, dysfunctional_question, created_at, updated_at, etag";

    /// <summary>Inserts a feature (etag 1); <see cref="KanoFeatureChange.AlreadyExists"/> when the id is taken.</summary>
    public async Task<KanoFeatureOutcome> CreateAsync(string featureId, string displayName, string functionalQuestion, string dysfunctionalQuestion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO kano_features (feature_id, display_name, functional_question, dysfunctional_question, created_at, updated_at, etag)
            VALUES ($1, $2, $3, $4, $5, $5, 1)
            ON CONFLICT (feature_id) DO NOTHING
            RETURNING {Columns}
            """);
        AddText(command, featureId, displayName, functionalQuestion, dysfunctionalQuestion);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        var created = await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        return created is null ? new KanoFeatureOutcome(KanoFeatureChange.AlreadyExists, null) : new KanoFeatureOutcome(KanoFeatureChange.Done, created);
    }

    /// <summary>The feature, or null.</summary>
    public async Task<KanoFeatureRow?> GetAsync(string featureId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM kano_features WHERE feature_id = $1");
        AddText(command, featureId);
        return await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="limit"/> features with an id after <paramref name="afterId"/> (null: from the first), in id order.</summary>
    public async Task<IReadOnlyList<KanoFeatureRow>> ListAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM kano_features WHERE feature_id > $1 ORDER BY feature_id LIMIT $2");
        AddText(command, afterId ?? "");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var rows = new List<KanoFeatureRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    /// <summary>
    /// Replaces the fields set in <paramref name="edit"/> and increments the etag, when the
    /// current etag equals <paramref name="expectedEtag"/> (null: whatever it is).
    /// </summary>
    public async Task<KanoFeatureOutcome> UpdateAsync(string featureId, KanoFeatureEdit edit, long? expectedEtag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await using var command = dataSource.CreateCommand($"""
            UPDATE kano_features
            SET display_name = COALESCE($2, display_name),
                functional_question = COALESCE($3, functional_question),
                dysfunctional_question = COALESCE($4, dysfunctional_question),
                updated_at = $5,
                etag = etag + 1
            WHERE feature_id = $1 AND ($6::bigint IS NULL OR etag = $6)
            RETURNING {Columns}
            """);
        AddText(command, featureId);
        AddNullableText(command, edit.DisplayName, edit.FunctionalQuestion, edit.DysfunctionalQuestion);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = expectedEtag is { } e ? e : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var updated = await ReadOneAsync(command, cancellationToken).ConfigureAwait(false);
        if (updated is not null)
        {
            return new KanoFeatureOutcome(KanoFeatureChange.Done, updated);
        }

        var current = await GetAsync(featureId, cancellationToken).ConfigureAwait(false);
        return new KanoFeatureOutcome(current is null ? KanoFeatureChange.NotFound : KanoFeatureChange.EtagMismatch, current);
    }

    /// <summary>
    /// Deletes the feature and its staff beliefs in one transaction, unless the etag is stale or a
    /// customer has answered the feature.
    /// </summary>
    public async Task<KanoFeatureOutcome> DeleteAsync(string featureId, long? expectedEtag, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        KanoFeatureRow? current;
        await using (var select = new NpgsqlCommand($"SELECT {Columns} FROM kano_features WHERE feature_id = $1 FOR UPDATE", connection, transaction))
        {
            AddText(select, featureId);
            current = await ReadOneAsync(select, cancellationToken).ConfigureAwait(false);
        }

        if (current is null)
        {
            return new KanoFeatureOutcome(KanoFeatureChange.NotFound, null);
        }

        if (expectedEtag is { } etag && etag != current.Etag)
        {
            return new KanoFeatureOutcome(KanoFeatureChange.EtagMismatch, current);
        }

        await using (var answered = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM kano_answers WHERE feature_id = $1)", connection, transaction))
        {
            AddText(answered, featureId);
            if ((bool)(await answered.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return new KanoFeatureOutcome(KanoFeatureChange.Answered, current);
            }
        }

        long beliefs;
        await using (var deleteBeliefs = new NpgsqlCommand("DELETE FROM kano_staff_beliefs WHERE feature_id = $1", connection, transaction))
        {
            AddText(deleteBeliefs, featureId);
            beliefs = await deleteBeliefs.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM kano_features WHERE feature_id = $1", connection, transaction))
        {
            AddText(delete, featureId);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new KanoFeatureOutcome(KanoFeatureChange.Done, current, beliefs);
    }

    private static void AddText(NpgsqlCommand command, params string[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });
        }
    }

    private static void AddNullableText(NpgsqlCommand command, params string?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        }
    }

    private static async Task<KanoFeatureRow?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Reads a row selected with <see cref="Columns"/>.</summary>
    internal static KanoFeatureRow Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetInt64(6));
}
