using System.Globalization;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Analytics;
using CustomerNeeds.Server.Hosting;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Services.Search;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.Analytics;
using CustomerNeeds.Storage.Segments;
using Grpc.Core;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>AnalyticsService: validate, run the read-model query, map back (docs/kpis.md, docs/rfm.md, docs/kano.md).</summary>
public sealed class AnalyticsApi(ReadModelStorage storage, SegmentFilters segments, CustomerPolicy policy, RfmScheduleOptions rfmSchedule, TimeProvider time)
    : Contract.AnalyticsService.AnalyticsServiceBase
{
    public override async Task<Contract.Kpis> GetKpis(Contract.GetKpisRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var window = AnalyticsValidation.KpiWindow(v, request);
        var segmentId = AnalyticsValidation.OptionalSegment(v, "segment", request.Segment);
        v.ThrowIfAny("GetKpis");

        var dataSource = storage.Require("GetKpis");
        var segment = await SegmentFilterAsync(dataSource, segmentId, context.CancellationToken);
        var computedAt = time.GetUtcNow();
        var report = await new KpiQuery(dataSource, KpiMapper.Vocabulary).RunAsync(window!, request.IncludeChannels, segment, context.CancellationToken);
        return KpiMapper.ToProto(report, window!, request.Segment, computedAt);
    }

    public override async Task<Contract.RfmScore> GetRfmScore(Contract.GetRfmScoreRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var customerId = AnalyticsNames.RfmScore(v, "name", request.Name);
        v.ThrowIfAny("GetRfmScore");

        var row = await new RfmScores(storage.Require("GetRfmScore")).GetAsync(customerId, context.CancellationToken)
            ?? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"Customer {customerId} is not in the read model.");
        if (row.Recency is null)
        {
            throw new CustomerOperationException(
                CustomerErrorCode.NotFound,
                string.Create(CultureInfo.InvariantCulture, $"Customer {customerId} has no RFM score yet; the quintiles are recomputed every {rfmSchedule.RfmInterval}."));
        }

        return RfmMapper.ToProto(row, policy.CurrencyCode);
    }

    public override async Task<Contract.RfmDistribution> GetRfmDistribution(Contract.GetRfmDistributionRequest request, ServerCallContext context)
    {
        var distribution = await new RfmScores(storage.Require("GetRfmDistribution")).DistributionAsync(context.CancellationToken);
        return RfmMapper.ToProto(distribution);
    }

    public override async Task<Contract.ListCoreCustomersResponse> ListCoreCustomers(Contract.ListCoreCustomersRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var share = AnalyticsValidation.RevenueShare(v, request.RevenueShare);
        var pageSize = v.PageSize(request.PageSize);
        var fingerprint = PageToken.FingerprintOf("ListCoreCustomers", share.ToString(CultureInfo.InvariantCulture));
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        if (token is not null && token.Offset is not >= 0)
        {
            v.Add("page_token", "is not a page token of ListCoreCustomers");
        }

        v.ThrowIfAny("ListCoreCustomers");

        var page = await new CoreCustomers(storage.Require("ListCoreCustomers")).ListAsync(share, token?.Offset ?? 0, pageSize, context.CancellationToken);
        var response = new Contract.ListCoreCustomersResponse
        {
            NextPageToken = page.HasMore ? new PageToken { Fingerprint = fingerprint, Offset = checked((int)page.Customers[^1].Rank) }.Encode() : "",
            RevenueShare = (double)share,
            CoreCustomerCount = page.CoreCount,
            PopulationCount = page.PopulationCount,
            TotalRevenue = MoneyMapper.ToProto(page.TotalRevenue, policy.CurrencyCode),
            CoreRevenue = MoneyMapper.ToProto(page.CoreRevenue, policy.CurrencyCode),
        };
        if (page.PopulationCount > 0)
        {
            response.CorePopulationShare = (double)page.CoreCount / page.PopulationCount;
        }

        response.CoreCustomers.AddRange(page.Customers.Select(c => RfmMapper.ToProto(c, page.TotalRevenue, policy.CurrencyCode)));
        return response;
    }

    public override async Task<Contract.GetKanoAnalysisResponse> GetKanoAnalysis(Contract.GetKanoAnalysisRequest request, ServerCallContext context)
    {
        var v = new FieldViolations(policy, time);
        var featureId = string.IsNullOrEmpty(request.Feature) ? "" : ResourceName.KanoFeature(v, "feature", request.Feature);
        var segmentId = AnalyticsValidation.OptionalSegment(v, "segment", request.Segment);
        var pageSize = v.PageSize(request.PageSize);
        var fingerprint = PageToken.FingerprintOf("GetKanoAnalysis", request.Segment);
        var token = string.IsNullOrEmpty(request.Feature) ? PageToken.Decode(v, request.PageToken, fingerprint) : null;
        if (token is not null && token.Id is null)
        {
            v.Add("page_token", "is not a page token of GetKanoAnalysis");
        }

        v.ThrowIfAny("GetKanoAnalysis");

        var dataSource = storage.Require("GetKanoAnalysis");
        var segment = await SegmentFilterAsync(dataSource, segmentId, context.CancellationToken);
        var query = new KanoAnalysisQuery(dataSource);
        var response = new Contract.GetKanoAnalysisResponse { Segment = request.Segment };
        if (featureId.Length > 0)
        {
            var counts = await query.OneAsync(featureId, segment, context.CancellationToken)
                ?? throw new CustomerOperationException(CustomerErrorCode.NotFound, $"KANO feature {featureId} does not exist.");
            response.Features.Add(KanoMapper.ToProto(counts));
            return response;
        }

        var page = await query.PageAsync(token?.Id, pageSize + 1, segment, context.CancellationToken);
        response.Features.AddRange(page.Take(pageSize).Select(KanoMapper.ToProto));
        if (page.Count > pageSize)
        {
            response.NextPageToken = new PageToken { Fingerprint = fingerprint, Id = page[pageSize - 1].Feature.FeatureId }.Encode();
        }

        return response;
    }

    /// <summary>
    /// The checked filter of the segment (null without a segment, or for a segment of every
    /// customer); NOT_FOUND for an unknown segment, FAILED_PRECONDITION for a stored filter that no
    /// longer checks.
    /// </summary>
    private async Task<CustomerFilter?> SegmentFilterAsync(Npgsql.NpgsqlDataSource dataSource, string segmentId, CancellationToken cancellationToken) =>
        segmentId.Length == 0 ? null : (await segments.ResolveAsync(new PostgresSegmentStore(dataSource), segmentId, cancellationToken)).Filter;
}
