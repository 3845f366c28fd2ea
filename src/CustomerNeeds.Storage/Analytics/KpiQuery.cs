using CustomerNeeds.Search.Customers;
using CustomerNeeds.Storage.ReadModel;
using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// Computes the KPIs of a window (docs/kpis.md) with three set-based statements on two connections
/// at once, run in one read-only snapshot: interactions (per customer, then per channel), complaints
/// opened in the window (with percentiles), and churn (the previous period's buyers anti-joined
/// with the window's). With a segment, every statement counts only the segment's customers
/// (membership as of the call).
/// </summary>
public sealed class KpiQuery(NpgsqlDataSource dataSource, KpiVocabulary vocabulary)
{
    /// <summary>
    /// Computes the figures of <paramref name="window"/>, per channel too when <paramref name="byChannel"/>,
    /// for the customers of <paramref name="segment"/> (null: every customer).
    /// </summary>
    public async Task<KpiReport> RunAsync(KpiWindow window, bool byChannel, CustomerFilter? segment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.End <= window.Start)
        {
            throw new ArgumentException("The window must end after it starts.", nameof(window));
        }

        // Up to three connections, one snapshot: the interaction statement (and its per-channel
        // variant) and the complaint and churn statements run at the same time, so the window's big
        // scans take the time of the longest, not of all; the other connections import the first
        // one's snapshot, so all figures still agree.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await SnapshotReads.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        var snapshot = await SnapshotReads.ExportAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await using var second = await SnapshotReads.OpenAsync(dataSource, snapshot, cancellationToken).ConfigureAwait(false);
        await using var third = byChannel ? await SnapshotReads.OpenAsync(dataSource, snapshot, cancellationToken).ConfigureAwait(false) : null;

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(InteractionCommand(window, perChannel: false, segment));
        await using var secondBatch = new NpgsqlBatch(second.Connection, second.Transaction);
        secondBatch.BatchCommands.Add(Command(
            p => KpiStatements.Complaints(byChannel, SegmentRestriction.On("c", segment, p)),
            window.Start, window.End, vocabulary.InboundDirection));
        secondBatch.BatchCommands.Add(Command(
            p => KpiStatements.Churn(SegmentRestriction.On("b", segment, p)),
            window.BaseStart, window.Start, window.End, vocabulary.PurchaseKind));
        await using var thirdBatch = third is null ? null : new NpgsqlBatch(third.Connection, third.Transaction);
        thirdBatch?.BatchCommands.Add(InteractionCommand(window, perChannel: true, segment));
        // Every statement is sent before any answer is read; a failure of one is seen after all answered.
        var readings = new[] { batch.ExecuteReaderAsync(cancellationToken), secondBatch.ExecuteReaderAsync(cancellationToken) }
            .Concat(thirdBatch is null ? [] : [thirdBatch.ExecuteReaderAsync(cancellationToken)])
            .ToArray();
        await Task.WhenAll(readings).ConfigureAwait(false);

        var interactions = new Dictionary<string, InteractionFigures>(StringComparer.Ordinal);
        var complaints = new Dictionary<string, ComplaintFigures>(StringComparer.Ordinal);
        var complaintsOfUnknownChannel = ComplaintFigures.None;
        var totalInteractions = InteractionFigures.None;
        var totalComplaints = ComplaintFigures.None;
        ChurnFigures churn;
        await using (var reader = readings[0].Result)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                totalInteractions = InteractionFiguresOf(reader);
            }
        }

        if (readings.Length > 2)
        {
            await using var reader = readings[2].Result;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                interactions[reader.GetString(1)] = InteractionFiguresOf(reader);
            }
        }

        await using (var reader = readings[1].Result)
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var figures = new ComplaintFigures(
                    reader.GetInt64(2), reader.GetInt64(3), NullableDouble(reader, 4), NullableDouble(reader, 5),
                    reader.GetInt64(6), NullableDouble(reader, 7), NullableDouble(reader, 8), reader.GetInt64(9));
                if (reader.GetInt32(0) == 1)
                {
                    totalComplaints = figures;
                }
                else if (reader.IsDBNull(1))
                {
                    complaintsOfUnknownChannel = figures;
                }
                else
                {
                    complaints[reader.GetString(1)] = figures;
                }
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            churn = new ChurnFigures(reader.GetInt64(0), reader.GetInt64(1));
        }

        await second.Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (third is not null)
        {
            await third.Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var channels = interactions.Keys.Union(complaints.Keys)
            .Order(StringComparer.Ordinal)
            .Select(c => new ChannelFigures(c, interactions.GetValueOrDefault(c, InteractionFigures.None), complaints.GetValueOrDefault(c, ComplaintFigures.None)))
            .ToList();
        if (complaintsOfUnknownChannel.Opened > 0)
        {
            channels.Insert(0, new ChannelFigures(null, InteractionFigures.None, complaintsOfUnknownChannel));
        }

        return new KpiReport(totalInteractions, totalComplaints, churn, channels);
    }

    /// <summary>
    /// A statement whose first parameters are <paramref name="values"/> ($1, $2, ...), and whose text
    /// <paramref name="sql"/> writes from the parameter list, so that a segment's filter can add
    /// its own values after them.
    /// </summary>
    private static NpgsqlBatchCommand Command(Func<SqlParameters, string> sql, params object[] values)
    {
        var parameters = new SqlParameters();
        foreach (var value in values)
        {
            _ = value switch
            {
                DateTimeOffset instant => parameters.Add(instant.ToUniversalTime()),
                string text => parameters.Add(text),
                short number => parameters.Add(number),
                _ => throw new ArgumentException($"No parameter type for {value.GetType().Name}.", nameof(values)),
            };
        }

        var command = new NpgsqlBatchCommand(sql(parameters));
        parameters.AddTo(command);
        return command;
    }

    private NpgsqlBatchCommand InteractionCommand(KpiWindow window, bool perChannel, CustomerFilter? segment) => Command(
        p => KpiStatements.Interactions(perChannel, SegmentRestriction.On("e", segment, p)),
        window.Start, window.End, vocabulary.ComplaintKind, vocabulary.ReferralKind, vocabulary.PurchaseKind);

    private static InteractionFigures InteractionFiguresOf(NpgsqlDataReader reader) => new(
        reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
        reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12));

    private static double? NullableDouble(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
