using Npgsql;

namespace CustomerNeeds.Storage;

/// <summary>The KANO features in PostgreSQL (table kano_features).</summary>
public sealed class PostgresKanoFeatureCatalog(NpgsqlDataSource dataSource) : IKanoFeatureCatalog
{
    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> MissingAsync(IReadOnlyCollection<string> featureIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(featureIds);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        if (featureIds.Count == 0)
        {
            return missing;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT f FROM unnest($1::text[]) AS f WHERE NOT EXISTS (SELECT 1 FROM kano_features k WHERE k.feature_id = f)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = featureIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }
}
