using Npgsql;

namespace CustomerNeeds.Testing;

/// <summary>
/// The PostgreSQL server that the test command (./deploy/test.sh) started for this run, named by
/// the environment variable <see cref="EnvironmentVariable"/>. Tests that need it fail, never skip,
/// when it is absent.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable holding the server's connection string (database "postgres", a superuser).</summary>
    public const string EnvironmentVariable = "CUSTOMERNEEDS_TEST_POSTGRES";

    /// <summary>The connection string of the server's maintenance database.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so there is no PostgreSQL to test against. " +
                    "Run the tests with ./deploy/test.sh, which starts a throwaway PostgreSQL and sets it, " +
                    $"or start one (deploy/postgres.sh start <dir> <port>) and set {EnvironmentVariable}=\"Host=127.0.0.1;Port=<port>;Username=postgres;Database=postgres\".");
            }

            return value;
        }
    }

    /// <summary>The connection string of another database on the same server.</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;
}
