using System.Globalization;
using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Server.Mapping;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of interaction.proto / interaction_service.proto for incoming requests.</summary>
public static class InteractionValidation
{
    /// <summary>How far after the server clock an occur_time may lie.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Most related needs per interaction.</summary>
    public const int MaxRelatedNeeds = 20;

    /// <summary>Most KANO answer pairs per interaction.</summary>
    public const int MaxKanoAnswers = 100;

    /// <summary>
    /// RecordInteractionRequest: parent and every input field of the interaction. Returns the ids
    /// named by the resource-name fields (parsed while checking them) and the KANO answers with
    /// their parsed feature ids (null when none).
    /// </summary>
    public static (string CustomerId, IReadOnlyList<string> RelatedNeedIds, string? RelatedComplaintId, string? ReferredCustomerId, IReadOnlyList<KanoFeatureAnswer>? KanoAnswers) CheckRecord(FieldViolations v, Contract.RecordInteractionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customerId = ResourceName.Customer(v, "parent", request.Parent);
        var i = request.Interaction;
        if (i is null)
        {
            v.Add("interaction", "is required");
            return (customerId, [], null, null, null);
        }

        const string p = "interaction.";
        if (!ResourceId.IsValid(i.InteractionId))
        {
            v.Add(p + "interaction_id", i.InteractionId.Length == 0
                ? "is required"
                : "must be 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }

        v.Enum(p + "channel", i.Channel, required: true);
        var kindOk = v.Enum(p + "kind", i.Kind, required: true);
        v.Enum(p + "direction", i.Direction, required: true);
        if (v.Timestamp(p + "occur_time", i.OccurTime, required: true))
        {
            var at = TimeMapper.ToDomain(i.OccurTime);
            if (at < DateTimeOffset.UnixEpoch)
            {
                v.Add(p + "occur_time", "must not be before 1970-01-01T00:00:00Z");
            }
            else if (at > v.Now + MaxClockSkew)
            {
                v.Add(p + "occur_time", "must not be more than 5 minutes after the server's clock");
            }
        }

        v.MaxLength(p + "agent", i.Agent, 128);
        var isComplaint = kindOk && i.Kind == Contract.InteractionKind.Complaint;
        if (isComplaint)
        {
            v.Required(p + "summary", i.Summary, 4000);
        }
        else
        {
            v.MaxLength(p + "summary", i.Summary, 4000);
        }

        if (i.Amount is not null)
        {
            if (kindOk && i.Kind != Contract.InteractionKind.Purchase)
            {
                v.Add(p + "amount", "must be unset unless kind is INTERACTION_KIND_PURCHASE");
            }
            else
            {
                v.Money(p + "amount", i.Amount, nonNegative: true);
            }
        }
        else if (kindOk && i.Kind == Contract.InteractionKind.Purchase)
        {
            v.Add(p + "amount", "is required when kind is INTERACTION_KIND_PURCHASE");
        }

        if (i.HasCsat)
        {
            v.Range(p + "csat", i.Csat, 1, 5);
        }

        if (i.HasNps)
        {
            v.Range(p + "nps", i.Nps, 0, 10);
        }

        v.Enum(p + "sentiment", i.Sentiment, required: false);
        var needs = RelatedNeeds(v, p + "related_needs", i.RelatedNeeds, customerId);

        string? complaintId = null;
        if (i.RelatedComplaint.Length > 0)
        {
            if (isComplaint)
            {
                v.Add(p + "related_complaint", "must be empty when kind is INTERACTION_KIND_COMPLAINT (it opens a new case)");
            }
            else
            {
                var id = ResourceName.ChildOf(v, p + "related_complaint", i.RelatedComplaint, ResourceName.ComplaintsCollection, customerId);
                complaintId = id.Length > 0 ? id : null;
            }
        }

        string? referredId = null;
        if (i.ReferredCustomer.Length > 0)
        {
            if (kindOk && i.Kind != Contract.InteractionKind.Referral)
            {
                v.Add(p + "referred_customer", "must be empty unless kind is INTERACTION_KIND_REFERRAL");
            }
            else
            {
                var id = ResourceName.Customer(v, p + "referred_customer", i.ReferredCustomer);
                if (id.Length > 0 && string.Equals(id, customerId, StringComparison.Ordinal))
                {
                    v.Add(p + "referred_customer", "a customer cannot refer themselves");
                }
                else if (id.Length > 0)
                {
                    referredId = id;
                }
            }
        }

        if (v.Enum(p + "complaint_severity", i.ComplaintSeverity, required: isComplaint)
            && kindOk && !isComplaint && i.ComplaintSeverity != Contract.ComplaintSeverity.Unspecified)
        {
            v.Add(p + "complaint_severity", "must be COMPLAINT_SEVERITY_UNSPECIFIED unless kind is INTERACTION_KIND_COMPLAINT");
        }

        if (i.ContactPerson.Length > 200)
        {
            v.Add(p + "contact_person", "at most 200 characters");
        }

        var answers = KanoAnswers(v, p + "kano_answers", i.KanoAnswers, kindOk ? i.Kind : null);
        return (customerId, needs, complaintId, referredId, answers);
    }

    /// <summary>
    /// The filters of ListInteractionsRequest. Returns the time bounds (null when unset or invalid).
    /// </summary>
    public static (DateTimeOffset? From, DateTimeOffset? Before) CheckFilters(FieldViolations v, Contract.ListInteractionsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        v.EnumList("channels", request.Channels, allowUnspecified: false, distinct: false);
        v.EnumList("kinds", request.Kinds, allowUnspecified: false, distinct: false);
        var from = v.Timestamp("occur_start_time", request.OccurStartTime, required: false) ? TimeMapper.ToDomainOrNull(request.OccurStartTime) : null;
        var before = v.Timestamp("occur_end_time", request.OccurEndTime, required: false) ? TimeMapper.ToDomainOrNull(request.OccurEndTime) : null;
        if (from is { } f && before is { } b && b <= f)
        {
            v.Add("occur_end_time", "must be after occur_start_time");
        }

        return (from, before);
    }

    /// <summary>
    /// The kano_answers of an interaction of <paramref name="kind"/> (null when the kind is invalid):
    /// only on a survey response, at most <see cref="MaxKanoAnswers"/>, distinct features, both answers set.
    /// </summary>
    private static KanoFeatureAnswer[]? KanoAnswers(FieldViolations v, string field, IReadOnlyList<Contract.KanoFeatureAnswer> answers, Contract.InteractionKind? kind)
    {
        if (answers.Count == 0)
        {
            return null;
        }

        if (kind is { } k && k != Contract.InteractionKind.SurveyResponse)
        {
            v.Add(field, "must be empty unless kind is INTERACTION_KIND_SURVEY_RESPONSE");
            return null;
        }

        if (answers.Count > MaxKanoAnswers)
        {
            v.Add(field, string.Create(CultureInfo.InvariantCulture, $"at most {MaxKanoAnswers} answers"));
            return null;
        }

        var result = new List<KanoFeatureAnswer>(answers.Count);
        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < answers.Count; n++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{field}[{n}]");
            var answer = answers[n];
            var featureId = ResourceName.KanoFeature(v, at + ".feature", answer.Feature);
            if (featureId.Length > 0 && !features.Add(featureId))
            {
                v.Add(at + ".feature", "duplicate feature");
            }

            var functional = v.Enum(at + ".functional", answer.Functional, required: true);
            var dysfunctional = v.Enum(at + ".dysfunctional", answer.Dysfunctional, required: true);
            if (featureId.Length > 0 && functional && dysfunctional)
            {
                result.Add(new KanoFeatureAnswer(featureId, KanoMapper.ToDomain(answer.Functional), KanoMapper.ToDomain(answer.Dysfunctional)));
            }
        }

        return result.Count == answers.Count ? result.ToArray() : null;
    }

    private static string[] RelatedNeeds(FieldViolations v, string field, IReadOnlyList<string> names, string customerId)
    {
        if (names.Count > MaxRelatedNeeds)
        {
            v.Add(field, string.Create(CultureInfo.InvariantCulture, $"at most {MaxRelatedNeeds} needs"));
            return [];
        }

        var ids = new List<string>();
        for (var n = 0; n < names.Count; n++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{field}[{n}]");
            var id = ResourceName.ChildOf(v, at, names[n], ResourceName.NeedsCollection, customerId);
            if (id.Length == 0)
            {
                continue;
            }

            if (ids.Contains(id, StringComparer.Ordinal))
            {
                v.Add(at, "duplicate need");
            }
            else
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }
}
