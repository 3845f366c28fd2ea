using CustomerNeeds.Storage.GroupCommit;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerNeeds.Storage.Tests.GroupCommit;

/// <summary>The whole event log contract, with every append going through the group-commit appender.</summary>
public sealed class GroupCommitEventLogTests : CustomerEventLogContract, IClassFixture<MigratedDatabase>, IAsyncDisposable
{
    private readonly GroupCommitAppender appender;

    public GroupCommitEventLogTests(MigratedDatabase database)
    {
        var log = new PostgresCustomerEventLog(database.DataSource);
        appender = new GroupCommitAppender(database.DataSource, log, new GroupCommitOptions(), NullLogger<GroupCommitAppender>.Instance);
        Log = new GroupCommitEventLog(log, appender);
    }

    protected override ICustomerEventLog Log { get; }

    public ValueTask DisposeAsync() => appender.DisposeAsync();
}
