using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Storage.Segments;
using Npgsql;

namespace CustomerNeeds.Server.Services.Search;

/// <summary>
/// The read-model tables for the search and segment RPCs. They live in PostgreSQL only: in
/// memory mode (no <see cref="NpgsqlDataSource"/>) every such RPC answers FAILED_PRECONDITION.
/// </summary>
public sealed class ReadModelStorage(NpgsqlDataSource? dataSource)
{
    /// <summary>The customer search; FAILED_PRECONDITION in memory mode.</summary>
    public PostgresCustomerSearch Customers(string operation) => new(Require(operation));

    /// <summary>The segments table; FAILED_PRECONDITION in memory mode.</summary>
    public PostgresSegmentStore Segments(string operation) => new(Require(operation));

    private NpgsqlDataSource Require(string operation) =>
        dataSource ?? throw new CustomerOperationException(
            CustomerErrorCode.FailedPrecondition,
            $"{operation} requires PostgreSQL storage; this server runs in memory (--in-memory), which keeps no read model.");
}
