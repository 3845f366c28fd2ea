using Npgsql;

namespace CustomerNeeds.Storage.Segments;

/// <summary>
/// The <c>segments</c> table: named customer filters with an etag counter for optimistic
/// concurrency. Each call is one statement (a refused update or delete changes nothing).
/// </summary>
public sealed class PostgresSegmentStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "segment_id, display_name, description, filter, etag, created_at, updated_at";

    /// <summary>Inserts a new segment with etag 1; null when the id is taken (nothing changed).</summary>
    public async Task<SegmentRow?> CreateAsync(string segmentId, string displayName, string description, string filter, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO segments ({Columns}) VALUES ($1, $2, $3, $4, 1, $5, $5) ON CONFLICT (segment_id) DO NOTHING RETURNING {Columns}");
        Add(command, segmentId, displayName, description, filter, now);
        return await SingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The segment, or null.</summary>
    public async Task<SegmentRow?> GetAsync(string segmentId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM segments WHERE segment_id = $1");
        Add(command, segmentId);
        return await SingleAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="pageSize"/> segments with an id after <paramref name="afterId"/> (null: from the start), by id.</summary>
    public async Task<SegmentPage> ListAsync(string? afterId, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM segments WHERE $1::text IS NULL OR segment_id > $1 ORDER BY segment_id LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = afterId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = pageSize + 1L });
        var rows = await AllAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count > pageSize
            ? new SegmentPage(rows.Take(pageSize).ToArray(), rows[pageSize - 1].SegmentId)
            : new SegmentPage(rows, null);
    }

    /// <summary>
    /// Replaces the fields named in <paramref name="changes"/>, adds one to the etag and sets the
    /// update time, if the segment exists and (when <paramref name="expectedEtag"/> is given) its
    /// etag is that one.
    /// </summary>
    public async Task<(SegmentWriteOutcome Outcome, SegmentRow? Segment)> UpdateAsync(
        string segmentId, SegmentChanges changes, long? expectedEtag, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var command = dataSource.CreateCommand(
            "UPDATE segments SET display_name = COALESCE($2, display_name), description = COALESCE($3, description), "
            + "filter = COALESCE($4, filter), etag = etag + 1, updated_at = $5 "
            + $"WHERE segment_id = $1 AND ($6::bigint IS NULL OR etag = $6) RETURNING {Columns}");
        Add(command, segmentId, changes.DisplayName, changes.Description, changes.Filter, now);
        command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = expectedEtag, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var updated = await SingleAsync(command, cancellationToken).ConfigureAwait(false);
        return updated is not null
            ? (SegmentWriteOutcome.Done, updated)
            : (await RefusalAsync(segmentId, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Deletes the segment if it exists and (when <paramref name="expectedEtag"/> is given) its etag is that one.</summary>
    public async Task<SegmentWriteOutcome> DeleteAsync(string segmentId, long? expectedEtag, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM segments WHERE segment_id = $1 AND ($2::bigint IS NULL OR etag = $2)");
        Add(command, segmentId);
        command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = expectedEtag, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return deleted == 1 ? SegmentWriteOutcome.Done : await RefusalAsync(segmentId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SegmentWriteOutcome> RefusalAsync(string segmentId, CancellationToken cancellationToken) =>
        await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is null ? SegmentWriteOutcome.NotFound : SegmentWriteOutcome.EtagMismatch;

    private static void Add(NpgsqlCommand command, string segmentId, params string?[] texts)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = segmentId });
        foreach (var text in texts)
        {
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = text, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        }
    }

    private static void Add(NpgsqlCommand command, string segmentId, string? displayName, string? description, string? filter, DateTime now)
    {
        Add(command, segmentId, displayName, description, filter);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
    }

    private static async Task<SegmentRow?> SingleAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        (await AllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    private static async Task<List<SegmentRow>> AllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<SegmentRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new SegmentRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt64(4),
                reader.GetFieldValue<DateTime>(5),
                reader.GetFieldValue<DateTime>(6)));
        }

        return rows;
    }
}
