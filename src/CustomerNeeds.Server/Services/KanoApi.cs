using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.Analytics;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>KanoService: the questionnaire features and staff beliefs (docs/kano.md).</summary>
public sealed class KanoApi(ReadModelStorage storage, CustomerPolicy policy, TimeProvider time) : Contract.KanoService.KanoServiceBase
{
    public override async Task<Contract.KanoFeature> CreateKanoFeature(Contract.CreateKanoFeatureRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        KanoValidation.CheckCreate(v, request);
        v.ThrowIfAny("CreateKanoFeature");

        var f = request.KanoFeature;
        var outcome = await Features("CreateKanoFeature").CreateAsync(
            request.FeatureId, f.DisplayName, f.FunctionalQuestion, f.DysfunctionalQuestion, time.GetUtcNow(), context.CancellationToken);
        return KanoMapper.ToProto(Expect(outcome, request.FeatureId));
    }

    public override async Task<Contract.KanoFeature> GetKanoFeature(Contract.GetKanoFeatureRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var featureId = ResourceName.KanoFeature(v, "name", request.Name);
        v.ThrowIfAny("GetKanoFeature");

        var feature = await Features("GetKanoFeature").GetAsync(featureId, context.CancellationToken) ?? throw NotFound(featureId);
        return KanoMapper.ToProto(feature);
    }

    public override async Task<Contract.ListKanoFeaturesResponse> ListKanoFeatures(Contract.ListKanoFeaturesRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var pageSize = v.PageSize(request.PageSize);
        var fingerprint = PageToken.FingerprintOf("ListKanoFeatures");
        var after = AfterId(v, request.PageToken, fingerprint, "ListKanoFeatures");
        v.ThrowIfAny("ListKanoFeatures");

        var rows = await Features("ListKanoFeatures").ListAsync(after, pageSize + 1, context.CancellationToken);
        var response = new Contract.ListKanoFeaturesResponse { NextPageToken = NextToken(rows, pageSize, fingerprint, r => r.FeatureId) };
        response.KanoFeatures.AddRange(rows.Take(pageSize).Select(KanoMapper.ToProto));
        return response;
    }

    public override async Task<Contract.KanoFeature> UpdateKanoFeature(Contract.UpdateKanoFeatureRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var (featureId, edit, etag) = KanoValidation.CheckUpdate(v, request);
        v.ThrowIfAny("UpdateKanoFeature");

        var outcome = await Features("UpdateKanoFeature").UpdateAsync(featureId, edit, etag, time.GetUtcNow(), context.CancellationToken);
        return KanoMapper.ToProto(Expect(outcome, featureId));
    }

    public override async Task<Contract.DeleteKanoFeatureResponse> DeleteKanoFeature(Contract.DeleteKanoFeatureRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var featureId = ResourceName.KanoFeature(v, "name", request.Name);
        var etag = KanoValidation.Etag(v, "etag", request.Etag);
        v.ThrowIfAny("DeleteKanoFeature");

        var outcome = await Features("DeleteKanoFeature").DeleteAsync(featureId, etag, context.CancellationToken);
        Expect(outcome, featureId);
        return new Contract.DeleteKanoFeatureResponse { DeletedStaffBeliefCount = outcome.DeletedBeliefs };
    }

    public override async Task<Contract.KanoStaffBelief> RecordKanoStaffBelief(Contract.RecordKanoStaffBeliefRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var featureId = KanoValidation.CheckBelief(v, request);
        v.ThrowIfAny("RecordKanoStaffBelief");

        var functional = KanoMapper.ToDomain(request.Functional);
        var dysfunctional = KanoMapper.ToDomain(request.Dysfunctional);
        var belief = new KanoStaffBeliefRow(
            featureId, request.StaffId, (short)functional, (short)dysfunctional, (short)KanoEvaluator.Classify(functional, dysfunctional), time.GetUtcNow());
        var recorded = await new KanoStaffBeliefs(storage.Require("RecordKanoStaffBelief")).RecordAsync(belief, context.CancellationToken)
            ?? throw NotFound(featureId);
        return KanoMapper.ToProto(recorded);
    }

    public override async Task<Contract.ListKanoStaffBeliefsResponse> ListKanoStaffBeliefs(Contract.ListKanoStaffBeliefsRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var featureId = ResourceName.KanoFeature(v, "parent", request.Parent);
        var pageSize = v.PageSize(request.PageSize);
        var fingerprint = PageToken.FingerprintOf("ListKanoStaffBeliefs", request.Parent);
        var after = AfterId(v, request.PageToken, fingerprint, "ListKanoStaffBeliefs");
        v.ThrowIfAny("ListKanoStaffBeliefs");

        var rows = await new KanoStaffBeliefs(storage.Require("ListKanoStaffBeliefs")).ListAsync(featureId, after, pageSize + 1, context.CancellationToken)
            ?? throw NotFound(featureId);
        var response = new Contract.ListKanoStaffBeliefsResponse { NextPageToken = NextToken(rows, pageSize, fingerprint, r => r.StaffId) };
        response.KanoStaffBeliefs.AddRange(rows.Take(pageSize).Select(KanoMapper.ToProto));
        return response;
    }

    private KanoFeatures Features(string operation) => new(storage.Require(operation));

    private static string? AfterId(FieldViolations v, string token, string fingerprint, string operation)
    {
        var decoded = PageToken.Decode(v, token, fingerprint);
        if (decoded is not null && decoded.Id is null)
        {
            v.Add("page_token", $"is not a page token of {operation}");
        }

        return decoded?.Id;
    }

    /// <summary>A token after the last row of the page when <paramref name="rows"/> (fetched one longer than the page) has more.</summary>
    private static string NextToken<TRow>(IReadOnlyList<TRow> rows, int pageSize, string fingerprint, Func<TRow, string> id) =>
        rows.Count > pageSize ? new PageToken { Fingerprint = fingerprint, Id = id(rows[pageSize - 1]) }.Encode() : "";

    /// <summary>The feature of a change that was done, or the exact status of one that was refused.</summary>
    private static KanoFeatureRow Expect(KanoFeatureOutcome outcome, string featureId) => outcome.Change switch
    {
        KanoFeatureChange.Done => outcome.Feature!,
        KanoFeatureChange.NotFound => throw NotFound(featureId),
        KanoFeatureChange.AlreadyExists => throw new CustomerOperationException(
            CustomerErrorCode.AlreadyExists, $"KANO feature {featureId} already exists; read it with GetKanoFeature."),
        KanoFeatureChange.EtagMismatch => throw new CustomerOperationException(
            CustomerErrorCode.Aborted, $"KANO feature {featureId} has changed (etag {KanoMapper.Etag(outcome.Feature!.Etag)}); reread and retry."),
        KanoFeatureChange.Answered => throw new CustomerOperationException(
            CustomerErrorCode.FailedPrecondition, $"KANO feature {featureId} has customer answers, which are part of the customers' history; it cannot be deleted."),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.Change}."),
    };

    private static CustomerOperationException NotFound(string featureId) =>
        new(CustomerErrorCode.NotFound, $"KANO feature {featureId} does not exist.");
}
