using CustomerNeeds.Abstractions.Errors;
using Npgsql;

namespace CustomerNeeds.Server.Hosting;

/// <summary>
/// The PostgreSQL connection pool for the services that read the read model. A server started in
/// memory has none: those services then answer FAILED_PRECONDITION.
/// </summary>
public sealed class ReadModelStorage(IServiceProvider services)
{
    private readonly NpgsqlDataSource? dataSource = services.GetService<NpgsqlDataSource>();

    /// <summary>The pool; FAILED_PRECONDITION for <paramref name="operation"/> when the server runs in memory.</summary>
    /// <exception cref="CustomerOperationException">The server runs in memory.</exception>
    public NpgsqlDataSource Require(string operation) => dataSource ?? throw new CustomerOperationException(
        CustomerErrorCode.FailedPrecondition,
        $"{operation} requires PostgreSQL storage; this server runs in memory ({ServerApp.InMemoryFlag}).");
}
