using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Storage.Auditing;
using Xunit.Abstractions;

namespace CustomerNeeds.Storage.Tests.Auditing;

/// <summary>
/// How many records per second one writer stores with the default options. Reports the figure
/// (test output) and asserts only that every record arrived: the rate depends on the machine.
/// </summary>
public sealed class AuditWriterThroughputTests(MigratedDatabase database, ITestOutputHelper output) : IClassFixture<MigratedDatabase>
{
    private const int Records = 200_000;

    [Fact]
    public async Task The_writer_stores_a_burst_of_records_and_reports_its_rate()
    {
        var caller = AuditRows.NewCaller();
        await using var writer = AuditRows.Writer(database.DataSource, new AuditWriterOptions());
        var records = Enumerable.Range(0, Records).Select(i => AuditRows.Record(caller, i)).ToArray();
        writer.Start();

        var clock = Stopwatch.StartNew();
        var refused = 0L;
        foreach (var record in records)
        {
            while (!writer.TryEnqueue(record))
            {
                refused++;
                await Task.Delay(1);
            }
        }

        await writer.StopAsync(CancellationToken.None);
        clock.Stop();

        Assert.Equal(Records, writer.Written);
        Assert.Equal(Records, await AuditRows.CountAsync(database.DataSource, caller));
        var rate = Records / clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"audit writer: {Records:N0} records in {clock.Elapsed.TotalSeconds:F2} s = {rate:N0} records/s in {writer.Batches:N0} batches ({refused:N0} refusals of a full queue)"));
    }
}
