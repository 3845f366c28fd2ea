using System.Diagnostics;
using System.Runtime;
using CustomerNeeds.Abstractions.Benchmarking;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Grains;
using CustomerNeeds.Grains.Benchmarking;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Bench = CustomerNeeds.Api.Benchmark.V1;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Benchmarking;

/// <summary>
/// BenchmarkService (protos/customerneeds/benchmark/v1): the transport ceiling (Echo), the naive
/// storage baseline and a memory probe. Mapped only when <see cref="BenchmarkOptions.Enabled"/>.
/// </summary>
public sealed class BenchmarkApi(IGrainFactory grains, CustomerPolicy policy, TimeProvider time, ILogger<BenchmarkApi> logger) : Bench.BenchmarkService.BenchmarkServiceBase
{

    public override Task<Bench.EchoResponse> Echo(Bench.EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new Bench.EchoResponse { Payload = request.Payload });

    public override async Task<Contract.RecordInteractionResponse> RecordInteractionNaive(Contract.RecordInteractionRequest request, ServerCallContext context)
    {
        // The same validation and mapping as InteractionApi.RecordInteraction: only the grain differs.
        var v = new FieldViolations(policy, time);
        var (customerId, relatedNeedIds, relatedComplaintId, referredCustomerId, kanoAnswers) = InteractionValidation.CheckRecord(v, request);
        v.ThrowIfAny("RecordInteractionNaive");

        var interaction = InteractionMapper.ToDomain(request.Interaction, relatedNeedIds, relatedComplaintId, referredCustomerId, kanoAnswers);
        var recorded = await grains.GetGrain<INaiveCustomerGrain>(customerId).RecordInteractionAsync(interaction, context.CancellationToken);
        return new Contract.RecordInteractionResponse
        {
            Interaction = InteractionMapper.ToProto(customerId, recorded),
            Replayed = recorded.Replayed,
        };
    }

    public override async Task<Bench.GetMemoryResponse> GetMemory(Bench.GetMemoryRequest request, ServerCallContext context)
    {
        var watch = Stopwatch.StartNew();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var elapsed = watch.Elapsed;
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var totalAllocated = GC.GetTotalMemory(forceFullCollection: false);
        using var self = Process.GetCurrentProcess();

        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        logger.LogInformation("GetMemory: heap {HeapBytes} bytes after a full GC of {Milliseconds} ms; activations {Activations}",
            info.HeapSizeBytes, elapsed.TotalMilliseconds, string.Join(", ", statistics.Select(s => $"{s.GrainType}={s.ActivationCount}")));
        return new Bench.GetMemoryResponse
        {
            HeapSizeBytes = info.HeapSizeBytes,
            TotalAllocatedBytes = totalAllocated,
            FragmentedBytes = info.FragmentedBytes,
            WorkingSetBytes = self.WorkingSet64,
            ActiveCustomerGrains = Activations(statistics, typeof(CustomerGrain)),
            ActiveNaiveGrains = Activations(statistics, typeof(NaiveCustomerGrain)),
            CollectionMilliseconds = elapsed.TotalMilliseconds,
        };
    }

    /// <summary>Activations of one grain class; the statistics name it "Full.Type.Name,Assembly".</summary>
    private static long Activations(IEnumerable<SimpleGrainStatistic> statistics, Type grainClass) =>
        statistics
            .Where(s => s.GrainType == grainClass.FullName || s.GrainType.StartsWith(grainClass.FullName + ",", StringComparison.Ordinal))
            .Sum(s => (long)s.ActivationCount);
}
