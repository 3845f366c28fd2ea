using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Interactions;

/// <summary>Decisions on interactions.</summary>
public static class InteractionDecisions
{
    /// <summary>How far in the future an occur time may lie (clock skew between callers and the server).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Most related needs per interaction.</summary>
    public const int MaxRelatedNeeds = 20;

    /// <summary>Most KANO answer pairs per interaction.</summary>
    public const int MaxKanoAnswers = 100;

    /// <summary>
    /// Records an interaction: InteractionRecorded; for kind Complaint also ComplaintOpened
    /// (id "k&lt;NextComplaintNumber&gt;", severity Unspecified → Medium, SLA deadlines from the
    /// policy); then TierChanged / TierGracePeriodChanged when the tier evaluation at
    /// <paramref name="now"/> (after the interaction's effect) says so.
    /// A retry whose id is among the state's recent interactions returns no events when the
    /// content is the same. Older ids are not visible here: the caller must check its log first.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">The customer does not exist.</exception>
    /// <exception cref="InteractionAlreadyExistsException">The id is recorded with different content.</exception>
    /// <exception cref="DomainValidationException">Bad fields ("interaction.*"), including an amount in another currency.</exception>
    /// <exception cref="NeedNotFoundException">A related need does not exist.</exception>
    /// <exception cref="LimitExceededException">A complaint would exceed <see cref="CustomerState.MaxOpenComplaints"/>.</exception>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, RecordInteraction command, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        var i = command.Interaction;
        var stored = state.RecentInteractions.Find(x => string.Equals(x.InteractionId, i.InteractionId, StringComparison.Ordinal));
        if (stored is not null)
        {
            return stored.HasSameContent(i) ? [] : throw new InteractionAlreadyExistsException(i.InteractionId);
        }

        Check(state, i, now, policy);
        foreach (var needId in i.RelatedNeedIds)
        {
            if (!state.Needs.ContainsKey(needId))
            {
                throw new NeedNotFoundException(needId);
            }
        }

        string? complaintId = null;
        if (i.Kind == InteractionKind.Complaint)
        {
            if (state.OpenComplaints.Count >= CustomerState.MaxOpenComplaints)
            {
                throw new LimitExceededException("open complaints", CustomerState.MaxOpenComplaints);
            }

            complaintId = "k" + state.NextComplaintNumber;
        }

        List<CustomerEvent> events = [new InteractionRecorded(i, complaintId) { OccurredAt = now }];
        if (complaintId is not null)
        {
            var severity = i.ComplaintSeverity == ComplaintSeverity.Unspecified ? ComplaintSeverity.Medium : i.ComplaintSeverity;
            var sla = policy.ComplaintSla;
            var tier = state.Loyalty.Tier;
            events.Add(new ComplaintOpened(
                complaintId,
                i.InteractionId,
                severity,
                i.Summary,
                i.Agent,
                i.OccurTime,
                sla.ResponseDeadline(i.OccurTime, severity, tier),
                sla.ResolutionDeadline(i.OccurTime, severity, tier)) { OccurredAt = now });
        }

        return LoyaltyDecisions.WithTierEvaluation(state, events, policy, now, actor: null);
    }

    private static void Check(CustomerState state, Interaction i, DateTimeOffset now, CustomerPolicy policy)
    {
        const string p = "interaction.";
        var checks = new InputChecks();
        checks.Id(p + "interaction_id", i.InteractionId);
        checks.Defined(p + "channel", i.Channel, allowUnspecified: false);
        checks.Defined(p + "kind", i.Kind, allowUnspecified: false);
        checks.Defined(p + "direction", i.Direction, allowUnspecified: false);
        if (i.OccurTime < DateTimeOffset.UnixEpoch)
        {
            checks.Fail(p + "occur_time", "is required and must not be before 1970");
        }
        else if (i.OccurTime > now + MaxClockSkew)
        {
            checks.Fail(p + "occur_time", "must not be in the future");
        }

        checks.Length(p + "agent", i.Agent, 0, DecisionGuards.MaxActorLength);
        checks.Length(p + "summary", i.Summary, 0, DecisionGuards.MaxTextLength);
        if (i.Amount is { } amount)
        {
            if (amount.Amount < 0)
            {
                checks.Fail(p + "amount", "must not be negative");
            }

            if (!string.Equals(amount.CurrencyCode, policy.CurrencyCode, StringComparison.Ordinal))
            {
                checks.Fail(p + "amount.currency_code", $"must be {policy.CurrencyCode}, the service's currency");
            }
        }

        checks.Range(p + "csat", i.Csat, 1, 5);
        checks.Range(p + "nps", i.Nps, 0, 10);
        checks.Defined(p + "sentiment", i.Sentiment, allowUnspecified: true);
        checks.Defined(p + "complaint_severity", i.ComplaintSeverity, allowUnspecified: true);
        if (i.RelatedNeedIds.Count > MaxRelatedNeeds)
        {
            checks.Fail(p + "related_needs", $"at most {MaxRelatedNeeds} needs");
        }

        foreach (var needId in i.RelatedNeedIds)
        {
            checks.Id(p + "related_needs", needId);
        }

        if (i.RelatedComplaintId is not null)
        {
            checks.Id(p + "related_complaint", i.RelatedComplaintId);
        }

        if (i.ReferredCustomerId is not null)
        {
            checks.Id(p + "referred_customer", i.ReferredCustomerId);
            if (string.Equals(i.ReferredCustomerId, state.Id, StringComparison.Ordinal))
            {
                checks.Fail(p + "referred_customer", "a customer cannot refer themselves");
            }
        }

        CheckKanoAnswers(checks, i);
        CheckContactPerson(checks, state, i);
        checks.ThrowIfAny();
    }

    private static void CheckContactPerson(InputChecks checks, CustomerState state, Interaction i)
    {
        const string field = "interaction.contact_person";
        if (i.ContactPerson is not { } name)
        {
            return;
        }

        if (state.Profile.ContactPersons.Count == 0)
        {
            checks.Fail(field, "the customer is not a business customer: it has no contact persons");
        }
        else if (!state.Profile.ContactPersons.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal)))
        {
            checks.Fail(field, "is not one of the customer's contact persons");
        }
    }

    private static void CheckKanoAnswers(InputChecks checks, Interaction i)
    {
        const string field = "interaction.kano_answers";
        if (i.KanoAnswers is not { } answers)
        {
            return;
        }

        if (i.Kind != InteractionKind.SurveyResponse)
        {
            checks.Fail(field, "must be empty unless kind is SURVEY_RESPONSE");
            return;
        }

        if (answers.Count is 0 or > MaxKanoAnswers)
        {
            checks.Fail(field, $"must hold 1 to {MaxKanoAnswers} answers when set");
            return;
        }

        var features = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < answers.Count; n++)
        {
            var at = $"{field}[{n}]";
            var answer = answers[n];
            checks.Id(at + ".feature", answer.FeatureId);
            if (answer.FeatureId is not null && !features.Add(answer.FeatureId))
            {
                checks.Fail(at + ".feature", "duplicate feature");
            }

            checks.Defined(at + ".functional", answer.Functional, allowUnspecified: false);
            checks.Defined(at + ".dysfunctional", answer.Dysfunctional, allowUnspecified: false);
        }
    }
}
