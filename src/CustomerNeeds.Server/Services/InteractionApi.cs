using System.Globalization;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Services.Streaming;
using CustomerNeeds.Server.Validation;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>InteractionService: validate, map, call the customer grain, map back.</summary>
public sealed class InteractionApi(IGrainFactory grains, CustomerPolicy policy, TimeProvider time, InteractionRecorder recorder, ILogger<InteractionStream> streamLogger, Hosting.ServerDrain drain) : Contract.InteractionService.InteractionServiceBase
{
    public override async Task<Contract.RecordInteractionResponse> RecordInteraction(Contract.RecordInteractionRequest request, ServerCallContext context)
    {
        var (customerId, interaction) = recorder.Check("RecordInteraction", request);
        return await recorder.RecordAsync("RecordInteraction", customerId, interaction, context.CancellationToken);
    }

    public override Task StreamInteractions(
        IAsyncStreamReader<Contract.StreamInteractionsRequest> requestStream,
        IServerStreamWriter<Contract.StreamInteractionsResponse> responseStream,
        ServerCallContext context) =>
        new InteractionStream(recorder, context, streamLogger, drain.Closing).RunAsync(requestStream, responseStream);

    public override async Task<Contract.Interaction> GetInteraction(Contract.GetInteractionRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, interactionId) = ResourceName.Interaction(v, "name", request.Name);
        v.ThrowIfAny("GetInteraction");

        var recorded = await grains.GetGrain<ICustomerGrain>(customerId).GetInteractionAsync(interactionId, context.CancellationToken);
        return InteractionMapper.ToProto(customerId, recorded);
    }

    public override async Task<Contract.ListInteractionsResponse> ListInteractions(Contract.ListInteractionsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = ResourceName.Customer(v, "parent", request.Parent);
        var pageSize = v.PageSize(request.PageSize);
        var (from, before) = InteractionValidation.CheckFilters(v, request);
        var fingerprint = PageToken.FingerprintOf(
            "ListInteractions",
            request.Parent,
            Join(request.Channels),
            Join(request.Kinds),
            TimeKey(request.OccurStartTime),
            TimeKey(request.OccurEndTime));
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        HistoryPosition? after = null;
        if (token is not null)
        {
            if (token.TimeTicks is { } ticks && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && token.Sequence is { } sequence)
            {
                after = new HistoryPosition(new DateTimeOffset(ticks, TimeSpan.Zero), sequence, token.Id);
            }
            else
            {
                v.Add("page_token", "is not a page token of ListInteractions");
            }
        }

        v.ThrowIfAny("ListInteractions");

        var query = new InteractionQuery(
            pageSize,
            request.Channels.Select(EnumMapper.ToDomain).ToArray(),
            request.Kinds.Select(EnumMapper.ToDomain).ToArray(),
            from,
            before,
            after);
        var page = await grains.GetGrain<ICustomerGrain>(customerId).ListInteractionsAsync(query, context.CancellationToken);

        var response = new Contract.ListInteractionsResponse
        {
            NextPageToken = page.Next is { } next
                ? new PageToken { Fingerprint = fingerprint, TimeTicks = next.OccurredAt.UtcTicks, Sequence = next.Sequence, Id = next.CustomerId }.Encode()
                : "",
        };
        response.Interactions.AddRange(page.Interactions.Select(i => InteractionMapper.ToProto(customerId, i)));
        return response;
    }

    private static string TimeKey(Timestamp? t) =>
        t is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds}.{t.Nanos}");

    private static string Join<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, System.Enum =>
        string.Join(",", values.Select(x => Convert.ToInt64(x, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
}
