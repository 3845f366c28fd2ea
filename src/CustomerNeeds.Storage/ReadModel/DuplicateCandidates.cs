using Npgsql;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// Identity keys shared by two or more customers that were not merged (docs/merge.md): a walk of
/// <c>customer_identity_keys</c> in key order, grouped, from after the previous page's last key.
/// </summary>
public sealed class DuplicateCandidates(NpgsqlDataSource dataSource)
{
    /// <summary>Most customer ids listed per group (the count says how many share the key).</summary>
    public const int MaxCustomersPerGroup = 100;

    private const string Page = """
        SELECT identity_key, (array_agg(customer_id ORDER BY customer_id))[1:$3], count(*)
        FROM customer_identity_keys
        WHERE $1::text IS NULL OR identity_key > $1
        GROUP BY identity_key
        HAVING count(*) > 1
        ORDER BY identity_key
        LIMIT $2
        """;

    /// <summary>At most <paramref name="pageSize"/> groups with keys after <paramref name="afterKey"/> (null: from the start).</summary>
    public async Task<DuplicateCandidatePage> ListAsync(string? afterKey, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var command = dataSource.CreateCommand(Page);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = afterKey, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = pageSize + 1L });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxCustomersPerGroup });
        var groups = new List<DuplicateCandidateGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(new DuplicateCandidateGroup(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetInt64(2)));
        }

        var more = groups.Count > pageSize;
        if (more)
        {
            groups.RemoveAt(groups.Count - 1);
        }

        return new DuplicateCandidatePage(groups, more ? groups[^1].IdentityKey : null);
    }
}
