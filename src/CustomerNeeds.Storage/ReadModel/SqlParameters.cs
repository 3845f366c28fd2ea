using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// The positional parameters (<c>$1</c>, <c>$2</c>, ...) of one SQL command under construction.
/// Every value a caller supplies goes here, never into the SQL text. Several fragments (a
/// filter predicate, a keyset condition, a caller's own conditions) can share one list, so that
/// they compose into one command.
/// </summary>
public sealed class SqlParameters
{
    private readonly List<NpgsqlParameter> _items = [];

    /// <summary>The parameters added so far, in placeholder order.</summary>
    public IReadOnlyList<NpgsqlParameter> Items => _items;

    /// <summary>Adds a value (its PostgreSQL type inferred from <typeparamref name="T"/>) and returns its placeholder, e.g. <c>$3</c>.</summary>
    public string Add<T>(T value) => Append(new NpgsqlParameter<T> { TypedValue = value });

    /// <summary>Adds a value of an explicit PostgreSQL type (e.g. <see cref="NpgsqlDbType.Jsonb"/>) and returns its placeholder.</summary>
    public string Add<T>(T value, NpgsqlDbType type) => Append(new NpgsqlParameter<T> { TypedValue = value, NpgsqlDbType = type });

    /// <summary>Adds every parameter to <paramref name="command"/> (once: a parameter belongs to one command).</summary>
    public void AddTo(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.AddRange(_items.ToArray());
    }

    /// <summary>Adds every parameter to <paramref name="command"/> of a batch.</summary>
    public void AddTo(NpgsqlBatchCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.AddRange(_items.ToArray());
    }

    private string Append(NpgsqlParameter parameter)
    {
        _items.Add(parameter);
        return "$" + _items.Count.ToString(CultureInfo.InvariantCulture);
    }
}
