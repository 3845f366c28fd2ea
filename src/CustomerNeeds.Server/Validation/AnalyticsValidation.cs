using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Storage.Analytics;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>Checks of the AnalyticsService requests (docs/kpis.md, docs/rfm.md).</summary>
public static class AnalyticsValidation
{
    /// <summary>The longest KPI window.</summary>
    public static readonly TimeSpan MaxKpiWindow = TimeSpan.FromDays(366);

    /// <summary>The revenue share of the core when the request leaves it 0.</summary>
    public const double DefaultRevenueShare = 0.8;

    /// <summary>The window of GetKpis: both ends required and valid, start before end, at most 366 days; null after adding violations.</summary>
    public static KpiWindow? KpiWindow(FieldViolations v, Contract.GetKpisRequest request)
    {
        var startOk = v.Timestamp("start_time", request.StartTime, required: true);
        var endOk = v.Timestamp("end_time", request.EndTime, required: true);
        if (!startOk || !endOk)
        {
            return null;
        }

        var window = new KpiWindow(TimeMapper.ToDomain(request.StartTime), TimeMapper.ToDomain(request.EndTime));
        if (window.End <= window.Start)
        {
            v.Add("end_time", "must be after start_time");
            return null;
        }

        if (window.Length > MaxKpiWindow)
        {
            v.Add("end_time", "must be at most 366 days after start_time");
            return null;
        }

        return window;
    }

    /// <summary>An optional segment name; returns the segment id, or "" when empty or malformed.</summary>
    public static string OptionalSegment(FieldViolations v, string field, string? segment) =>
        string.IsNullOrEmpty(segment) ? "" : SegmentName.Parse(v, field, segment);

    /// <summary>revenue_share: 0 means the default 0.8; otherwise it must lie in (0, 1].</summary>
    public static decimal RevenueShare(FieldViolations v, double share)
    {
        if (share == 0)
        {
            return (decimal)DefaultRevenueShare;
        }

        // A positive share below decimal's resolution (a denormal double, 1e-30) converts to 0: refused like a negative one.
        if (double.IsNaN(share) || share < 0 || share > 1 || (decimal)share == 0)
        {
            v.Add("revenue_share", "must be greater than 0 and at most 1 (0 means the default 0.8)");
            return (decimal)DefaultRevenueShare;
        }

        return (decimal)share;
    }
}
