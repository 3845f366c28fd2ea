using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Security;
using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.ApiKeys;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>ApiKeyService (docs/api-keys.md): validate, create / list / revoke in the key store, map back. The secret leaves only in CreateApiKey's answer.</summary>
public sealed class ApiKeyApi(IApiKeyStore store, VerifiedKeyCache cache, CustomerPolicy policy, TimeProvider time) : Contract.ApiKeyService.ApiKeyServiceBase
{
    public override async Task<Contract.CreatedApiKey> CreateApiKey(Contract.CreateApiKeyRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var key = ApiKeyValidation.CheckCreate(v, request);
        v.ThrowIfAny("CreateApiKey");

        var issued = await ApiKeyIssuer.IssueAsync(store, key!, context.GetCaller().Id, v.Now, context.CancellationToken);
        return new Contract.CreatedApiKey { ApiKey = ApiKeyMapper.ToProto(issued.Row), Secret = issued.Key };
    }

    public override async Task<Contract.ListApiKeysResponse> ListApiKeys(Contract.ListApiKeysRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var pageSize = v.PageSize(request.PageSize);
        var fingerprint = PageToken.FingerprintOf("ListApiKeys", request.ShowInactive ? "inactive" : "active");
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        if (token is not null && (token.TimeTicks is null || token.Id is null))
        {
            v.Add("page_token", "is not a page token of ListApiKeys");
        }

        v.ThrowIfAny("ListApiKeys");

        var after = token is { TimeTicks: { } ticks, Id: { } id } ? new ApiKeyCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id) : null;
        var page = await store.ListAsync(after, pageSize, request.ShowInactive, v.Now, context.CancellationToken);
        var response = new Contract.ListApiKeysResponse
        {
            NextPageToken = page.Next is { } next
                ? new PageToken { Fingerprint = fingerprint, TimeTicks = next.CreatedAt.UtcTicks, Id = next.KeyId }.Encode()
                : "",
        };
        response.ApiKeys.AddRange(page.Keys.Select(ApiKeyMapper.ToProto));
        return response;
    }

    public override async Task<Contract.ApiKey> RevokeApiKey(Contract.RevokeApiKeyRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var id = ApiKeyName.Parse(v, "name", request.Name);
        v.ThrowIfAny("RevokeApiKey");

        var revoked = await store.RevokeAsync(id, context.GetCaller().Id, v.Now, context.CancellationToken)
            ?? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"API key '{ApiKeyName.For(id)}' not found.");

        // This server refuses the key from now on; the others when the notification of the commit reaches them.
        cache.Drop(id);
        return ApiKeyMapper.ToProto(revoked);
    }
}
