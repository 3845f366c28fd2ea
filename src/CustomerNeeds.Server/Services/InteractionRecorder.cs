using System.Globalization;
using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>
/// Records one interaction, the same way for RecordInteraction and for every item of
/// StreamInteractions: check the request, map it to the domain, call the customer's grain, map
/// the stored result back.
/// </summary>
public sealed class InteractionRecorder(IGrainFactory grains, CustomerPolicy policy, TimeProvider time, IKanoFeatureCatalog kanoFeatures)
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
        NulCharacters.Check(v, request);
        v.ThrowIfAny(operation);
        var (customerId, relatedNeedIds, relatedComplaintId, referredCustomerId, kanoAnswers) = InteractionValidation.CheckRecord(v, request);
        v.ThrowIfAny(operation);
        return (customerId, InteractionMapper.ToDomain(request.Interaction, relatedNeedIds, relatedComplaintId, referredCustomerId, kanoAnswers));
    }

    /// <summary>
    /// Records a checked interaction in the customer's grain; returns only after it is durably
    /// stored (or recognised as a same-content replay). First checks that the KANO features its
    /// answers name exist (<see cref="IKanoFeatureCatalog"/>; the in-memory mode does not check).
    /// Refusals are thrown by the grain.
    /// </summary>
    /// <param name="operation">The RPC named in an error message, e.g. "RecordInteraction".</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="interaction">The checked interaction.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    /// <exception cref="CustomerOperationException">INVALID_ARGUMENT for an unknown KANO feature; UNAVAILABLE when the check cannot be made.</exception>
    public async Task<Contract.RecordInteractionResponse> RecordAsync(string operation, string customerId, Interaction interaction, CancellationToken cancellationToken)
    {
        await RequireKanoFeaturesAsync(operation, interaction, cancellationToken);
        var recorded = await grains.GetGrain<ICustomerGrain>(customerId).RecordInteractionAsync(interaction, cancellationToken);
        return new Contract.RecordInteractionResponse
        {
            Interaction = InteractionMapper.ToProto(customerId, recorded),
            OpenedComplaint = recorded.OpenedComplaintId is { Length: > 0 } complaintId ? ResourceName.ForComplaint(customerId, complaintId) : "",
            Replayed = recorded.Replayed,
        };
    }

    private async Task RequireKanoFeaturesAsync(string operation, Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.KanoAnswers is not { Count: > 0 } answers)
        {
            return;
        }

        IReadOnlySet<string> missing;
        try
        {
            missing = await kanoFeatures.MissingAsync(answers.Select(a => a.FeatureId).ToArray(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new CustomerOperationException(CustomerErrorCode.Unavailable, "Storage is unavailable; nothing was recorded. Retry.");
        }

        var v = new FieldViolations(policy, time);
        for (var n = 0; n < answers.Count; n++)
        {
            if (missing.Contains(answers[n].FeatureId))
            {
                v.Add(string.Create(CultureInfo.InvariantCulture, $"interaction.kano_answers[{n}].feature"), "no such KANO feature");
            }
        }

        v.ThrowIfAny(operation);
    }
}
