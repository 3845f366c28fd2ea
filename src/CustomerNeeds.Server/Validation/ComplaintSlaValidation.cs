using System.Globalization;
using CustomerNeeds.Domain;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Storage.ComplaintSla;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>Checks and reads the requests of ListBreaches and ListDueFollowUps (docs/complaint-slas.md).</summary>
public static class ComplaintSlaValidation
{
    /// <summary>The storage query of a ListBreaches request; violations are added to <paramref name="v"/>.</summary>
    public static ComplaintBreachQuery Breaches(FieldViolations v, Contract.ListBreachesRequest request, out string fingerprint)
    {
        var pageSize = v.PageSize(request.PageSize);
        v.EnumList("severities", request.Severities, allowUnspecified: false, distinct: true);
        v.Enum("target", request.Target, required: false);
        var fromOk = v.Timestamp("detected_after", request.DetectedAfter, required: false);
        var beforeOk = v.Timestamp("detected_before", request.DetectedBefore, required: false);
        var from = fromOk ? TimeMapper.ToDomainOrNull(request.DetectedAfter) : null;
        var before = beforeOk ? TimeMapper.ToDomainOrNull(request.DetectedBefore) : null;
        if (from is not null && before is not null && from >= before)
        {
            v.Add("detected_before", "must be after detected_after");
        }

        fingerprint = PageToken.FingerprintOf(
            "ListBreaches",
            Numbers(request.Severities.Select(s => (int)s)),
            ((int)request.Target).ToString(CultureInfo.InvariantCulture),
            request.DetectedAfter?.ToString() ?? "",
            request.DetectedBefore?.ToString() ?? "");
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        ComplaintBreachCursor? after = null;
        if (token is not null)
        {
            if (Time(token) is { } at && token.SortKeys is [{ } customer, { } complaint, { } target]
                && ResourceId.IsValid(customer) && ResourceId.IsValid(complaint)
                && short.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t is 1 or 2)
            {
                after = new ComplaintBreachCursor(at, customer, complaint, t);
            }
            else
            {
                v.Add("page_token", "is not a page token of ListBreaches");
            }
        }

        return new ComplaintBreachQuery(
            pageSize,
            Severities(request.Severities),
            request.Target == Contract.SlaTarget.Unspecified ? null : (short)request.Target,
            from,
            before,
            after);
    }

    /// <summary>The page token after <paramref name="next"/>.</summary>
    public static string Token(string fingerprint, ComplaintBreachCursor next) => new PageToken
    {
        Fingerprint = fingerprint,
        TimeTicks = next.DetectedAt.UtcTicks,
        SortKeys = [next.CustomerId, next.ComplaintId, next.Target.ToString(CultureInfo.InvariantCulture)],
    }.Encode();

    /// <summary>The storage query of a ListDueFollowUps request; violations are added to <paramref name="v"/>.</summary>
    public static DueFollowUpQuery DueFollowUps(FieldViolations v, Contract.ListDueFollowUpsRequest request, out string fingerprint)
    {
        var pageSize = v.PageSize(request.PageSize);
        v.EnumList("severities", request.Severities, allowUnspecified: false, distinct: true);
        fingerprint = PageToken.FingerprintOf("ListDueFollowUps", Numbers(request.Severities.Select(s => (int)s)));
        var token = PageToken.Decode(v, request.PageToken, fingerprint);
        DueFollowUpCursor? after = null;
        if (token is not null)
        {
            if (Time(token) is { } at && token.SortKeys is [{ } customer, { } complaint]
                && ResourceId.IsValid(customer) && ResourceId.IsValid(complaint))
            {
                after = new DueFollowUpCursor(at, customer, complaint);
            }
            else
            {
                v.Add("page_token", "is not a page token of ListDueFollowUps");
            }
        }

        return new DueFollowUpQuery(pageSize, Severities(request.Severities), after);
    }

    /// <summary>The page token after <paramref name="next"/>.</summary>
    public static string Token(string fingerprint, DueFollowUpCursor next) => new PageToken
    {
        Fingerprint = fingerprint,
        TimeTicks = next.DueAt.UtcTicks,
        SortKeys = [next.CustomerId, next.ComplaintId],
    }.Encode();

    private static DateTimeOffset? Time(PageToken token) =>
        token.TimeTicks is { } ticks && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    private static short[]? Severities(IEnumerable<Contract.ComplaintSeverity> severities)
    {
        var numbers = severities.Where(s => s != Contract.ComplaintSeverity.Unspecified && Enum.IsDefined(s)).Select(s => (short)s).ToArray();
        return numbers.Length == 0 ? null : numbers;
    }

    private static string Numbers(IEnumerable<int> values) =>
        string.Join(",", values.Select(n => n.ToString(CultureInfo.InvariantCulture)));
}
