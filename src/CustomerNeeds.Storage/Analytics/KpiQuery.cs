using Npgsql;

namespace CustomerNeeds.Storage.Analytics;

/// <summary>
/// Computes the KPIs of a window (docs/kpis.md) with three set-based statements sent in one round
/// trip and run in one read-only snapshot: interactions (per customer, then per channel), complaints
/// opened in the window (with percentiles), and churn (the previous period's buyers anti-joined
/// with the window's).
/// </summary>
public sealed class KpiQuery(NpgsqlDataSource dataSource, KpiVocabulary vocabulary)
{
    /// <summary>Computes the figures of <paramref name="window"/>; per channel too when <paramref name="byChannel"/>.</summary>
    public async Task<KpiReport> RunAsync(KpiWindow window, bool byChannel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.End <= window.Start)
        {
            throw new ArgumentException("The window must end after it starts.", nameof(window));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await SnapshotReads.BeginAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(KpiStatements.Interactions(byChannel), window.Start, window.End, vocabulary.ComplaintKind, vocabulary.ReferralKind, vocabulary.PurchaseKind));
        batch.BatchCommands.Add(Command(KpiStatements.Complaints(byChannel), window.Start, window.End, vocabulary.InboundDirection));
        batch.BatchCommands.Add(Command(KpiStatements.Churn, window.BaseStart, window.Start, window.End, vocabulary.PurchaseKind));

        var interactions = new Dictionary<string, InteractionFigures>(StringComparer.Ordinal);
        var complaints = new Dictionary<string, ComplaintFigures>(StringComparer.Ordinal);
        var complaintsOfUnknownChannel = ComplaintFigures.None;
        var totalInteractions = InteractionFigures.None;
        var totalComplaints = ComplaintFigures.None;
        ChurnFigures churn;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var figures = new InteractionFigures(
                    reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6),
                    reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11), reader.GetInt64(12));
                if (reader.GetInt32(0) == 1)
                {
                    totalInteractions = figures;
                }
                else
                {
                    interactions[reader.GetString(1)] = figures;
                }
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
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

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                DateTimeOffset instant => new NpgsqlParameter<DateTimeOffset> { TypedValue = instant.ToUniversalTime() },
                string text => new NpgsqlParameter<string> { TypedValue = text },
                short number => new NpgsqlParameter<short> { TypedValue = number },
                _ => throw new ArgumentException($"No parameter type for {value.GetType().Name}.", nameof(values)),
            });
        }

        return command;
    }

    private static double? NullableDouble(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
