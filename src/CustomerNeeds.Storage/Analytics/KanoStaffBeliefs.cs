using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>What staff believe customers would answer (<c>kano_staff_beliefs</c>): one answer pair per staff member and feature.</summary>
public sealed class KanoStaffBeliefs(NpgsqlDataSource dataSource)
{
    private const string Columns = "feature_id, staff_id, functional, dysfunctional, answer_class, recorded_at";

    /// <summary>
    /// Inserts or replaces the staff member's belief about the feature; null when the feature does
    /// not exist. The feature row is key-share locked, so a concurrent delete of the feature either
    /// sees the belief (and deletes it) or makes this call find no feature.
    /// </summary>
    public async Task<KanoStaffBeliefRow?> RecordAsync(KanoStaffBeliefRow belief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(belief);
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO kano_staff_beliefs ({Columns})
            SELECT $1, $2, $3, $4, $5, $6
            WHERE EXISTS (SELECT 1 FROM kano_features WHERE feature_id = $1 FOR KEY SHARE)
            ON CONFLICT (feature_id, staff_id) DO UPDATE
            SET functional = excluded.functional,
                dysfunctional = excluded.dysfunctional,
                answer_class = excluded.answer_class,
                recorded_at = excluded.recorded_at
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = belief.FeatureId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = belief.StaffId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = belief.Functional });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = belief.Dysfunctional });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = belief.AnswerClass });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = belief.RecordedAt.ToUniversalTime() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> beliefs about the feature with a staff id after
    /// <paramref name="afterStaffId"/> (null: from the first), in staff id order; null when the
    /// feature does not exist.
    /// </summary>
    public async Task<IReadOnlyList<KanoStaffBeliefRow>?> ListAsync(string featureId, string? afterStaffId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await SnapshotReads.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM kano_features WHERE feature_id = $1)", connection, transaction))
        {
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = featureId });
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return null;
            }
        }

        var rows = new List<KanoStaffBeliefRow>();
        await using (var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM kano_staff_beliefs WHERE feature_id = $1 AND staff_id > $2 ORDER BY staff_id LIMIT $3", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = featureId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = afterStaffId ?? "" });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static KanoStaffBeliefRow Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt16(2),
        reader.GetInt16(3),
        reader.GetInt16(4),
        reader.GetFieldValue<DateTimeOffset>(5));
}
