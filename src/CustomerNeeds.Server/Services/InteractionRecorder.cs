using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>
/// Records one interaction, the same way for RecordInteraction and for every item of
/// StreamInteractions: check the request, map it to the domain, call the customer's grain, map
/// the stored result back.
/// </summary>
public sealed class InteractionRecorder(IGrainFactory grains, CustomerPolicy policy, TimeProvider time)
{
    /// <summary>
    /// Checks a request with the rules of RecordInteractionRequest and maps it to the customer id
    /// and the domain interaction.
    /// </summary>
    /// <param name="operation">The RPC named in the error message, e.g. "RecordInteraction".</param>
    /// <param name="request">The parent and the interaction.</param>
    /// <exception cref="Abstractions.Errors.CustomerOperationException">INVALID_ARGUMENT with the field violations (paths relative to the request).</exception>
    public (string CustomerId, Interaction Interaction) Check(string operation, Contract.RecordInteractionRequest request)
    {
        var v = new FieldViolations(policy, time);
        var (customerId, relatedNeedIds, relatedComplaintId, referredCustomerId) = InteractionValidation.CheckRecord(v, request);
        v.ThrowIfAny(operation);
        return (customerId, InteractionMapper.ToDomain(request.Interaction, relatedNeedIds, relatedComplaintId, referredCustomerId));
    }

    /// <summary>
    /// Records a checked interaction in the customer's grain; returns only after it is durably
    /// stored (or recognised as a same-content replay). Refusals are thrown by the grain.
    /// </summary>
    public async Task<Contract.RecordInteractionResponse> RecordAsync(string customerId, Interaction interaction, CancellationToken cancellationToken)
    {
        var recorded = await grains.GetGrain<ICustomerGrain>(customerId).RecordInteractionAsync(interaction, cancellationToken);
        return new Contract.RecordInteractionResponse
        {
            Interaction = InteractionMapper.ToProto(customerId, recorded),
            OpenedComplaint = recorded.OpenedComplaintId is { Length: > 0 } complaintId ? ResourceName.ForComplaint(customerId, complaintId) : "",
            Replayed = recorded.Replayed,
        };
    }
}
