using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Benchmarks;

/// <summary>
/// Seeds customers, needs and interactions through the public API with many concurrent calls.
/// Interactions go through StreamInteractions when the server implements it, otherwise through
/// concurrent unary RecordInteraction calls (a server that answers UNIMPLEMENTED). Every call is
/// idempotent (customer, need and interaction ids), so transient failures are retried.
/// </summary>
public sealed class Seeder(ServerConnection server, int concurrency, int streams, int streamWindow, TextWriter log)
{
    private const int Attempts = 6;
    private bool? streaming;

    /// <summary>True when interactions were (or will be) seeded through StreamInteractions.</summary>
    public bool Streaming => streaming == true;

    /// <summary>Creates the customers (ALREADY_EXISTS counts as done).</summary>
    public Task CreateCustomersAsync(string what, IReadOnlyList<string> customerIds) =>
        ForAllAsync(what, customerIds.Count, async (i, client) =>
        {
            try
            {
                await server.Customers[client].CreateCustomerAsync(Requests.CreateCustomer(customerIds[i], i), deadline: Deadline());
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
            {
            }
        });

    /// <summary>Creates <paramref name="perCustomer"/> needs for each customer.</summary>
    public Task CreateNeedsAsync(string what, IReadOnlyList<string> customerIds, int perCustomer) =>
        ForAllAsync(what, customerIds.Count * perCustomer, async (i, client) =>
        {
            try
            {
                await server.Needs[client].CreateNeedAsync(Requests.CreateNeed(customerIds[i % customerIds.Count], i / customerIds.Count), deadline: Deadline());
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
            {
            }
        });

    /// <summary>
    /// Records <paramref name="perCustomer"/> interactions for each customer:
    /// <paramref name="make"/>(customer id, k) for k = 0 .. perCustomer - 1.
    /// </summary>
    public async Task RecordInteractionsAsync(string what, IReadOnlyList<string> customerIds, int perCustomer, Func<string, int, Interaction> make)
    {
        streaming ??= await StreamInteractionsImplementedAsync();
        if (streaming == true)
        {
            var failed = await StreamAllAsync(what, customerIds, perCustomer, make);
            if (failed.Count > 0)
            {
                log.WriteLine($"  {failed.Count:N0} streamed items failed; retrying them as unary calls");
                await ForAllAsync(what + " (retries)", failed.Count, (i, client) =>
                    server.Interactions[client].RecordInteractionAsync(Requests.Record(failed[i].CustomerId, make(failed[i].CustomerId, failed[i].K)), deadline: Deadline()).ResponseAsync);
            }

            return;
        }

        await ForAllAsync(what, customerIds.Count * perCustomer, (i, client) =>
        {
            var customerId = customerIds[i % customerIds.Count];
            return server.Interactions[client].RecordInteractionAsync(Requests.Record(customerId, make(customerId, i / customerIds.Count)), deadline: Deadline()).ResponseAsync;
        });
    }

    /// <summary>Reads every customer once (activates it; GetCustomer is served from the grain).</summary>
    public Task TouchCustomersAsync(string what, IReadOnlyList<string> customerIds) =>
        ForAllAsync(what, customerIds.Count, (i, client) =>
            server.Customers[client].GetCustomerAsync(new GetCustomerRequest { Name = Requests.CustomerName(customerIds[i]) }, deadline: Deadline()).ResponseAsync);

    /// <summary>Opens a stream and closes it at once: UNIMPLEMENTED tells that the server lacks StreamInteractions.</summary>
    public async Task<bool> StreamInteractionsImplementedAsync()
    {
        try
        {
            using var call = server.Interactions[0].StreamInteractions(deadline: Deadline());
            await call.RequestStream.CompleteAsync();
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }

            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            log.WriteLine("  StreamInteractions answers UNIMPLEMENTED: seeding with concurrent unary RecordInteraction calls");
            return false;
        }
    }

    private async Task<List<(string CustomerId, int K)>> StreamAllAsync(string what, IReadOnlyList<string> customerIds, int perCustomer, Func<string, int, Interaction> make)
    {
        var failed = new ConcurrentBag<(string, int)>();
        long done = 0;
        var total = (long)customerIds.Count * perCustomer;
        var watch = Stopwatch.StartNew();
        using var progress = Progress(what, total, () => Interlocked.Read(ref done), watch);
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var mine = customerIds.Where((_, i) => i % streams == s).ToArray();
            var pending = new ConcurrentQueue<(string, int)>();
            using var slots = new SemaphoreSlim(streamWindow);
            using var call = server.Interactions[s % server.Count].StreamInteractions();
            var writer = Task.Run(async () =>
            {
                for (var k = 0; k < perCustomer; k++)
                {
                    foreach (var customerId in mine)
                    {
                        await slots.WaitAsync();
                        pending.Enqueue((customerId, k));
                        await call.RequestStream.WriteAsync(new StreamInteractionsRequest { Parent = Requests.CustomerName(customerId), Interaction = make(customerId, k) });
                    }
                }

                await call.RequestStream.CompleteAsync();
            });
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                pending.TryDequeue(out var item);
                slots.Release();
                if (call.ResponseStream.Current.Result == StreamInteractionsResponse.Types.Result.Error)
                {
                    failed.Add(item);
                }

                Interlocked.Increment(ref done);
            }

            await writer;
        })));
        log.WriteLine($"  {what}: {total:N0} in {watch.Elapsed.TotalSeconds:F1} s ({total / watch.Elapsed.TotalSeconds:F0}/s, streamed)");
        return [.. failed];
    }

    private async Task ForAllAsync(string what, int count, Func<int, int, Task> body)
    {
        long done = 0;
        var watch = Stopwatch.StartNew();
        using var progress = Progress(what, count, () => Interlocked.Read(ref done), watch);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await body(i, i % server.Count);
                    break;
                }
                catch (RpcException ex) when (attempt < Attempts && ex.StatusCode is StatusCode.Unavailable or StatusCode.Aborted or StatusCode.DeadlineExceeded)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
                }
            }

            Interlocked.Increment(ref done);
        });
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {count:N0} in {watch.Elapsed.TotalSeconds:F1} s ({count / Math.Max(watch.Elapsed.TotalSeconds, 0.001):F0}/s)"));
    }

    private Timer Progress(string what, long total, Func<long> done, Stopwatch watch) =>
        new(_ => log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {done():N0} / {total:N0} after {watch.Elapsed.TotalSeconds:F0} s")),
            null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));

    private static DateTime Deadline() => DateTime.UtcNow.AddMinutes(2);
}
