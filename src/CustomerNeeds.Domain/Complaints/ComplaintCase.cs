using System.Text.Json.Serialization;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Merging;

namespace CustomerNeeds.Domain.Complaints;

/// <summary>
/// A complaint case (DOMAIN.md section 4). Open cases live in the customer's state; a case
/// that reaches Closed leaves it (the storage keeps it). Changed only through events.
/// </summary>
public sealed class ComplaintCase
{
    /// <summary>The actor of the history steps the SLA timers add.</summary>
    public const string SlaActor = "sla";

    /// <summary>Minted id "k1", "k2", ...</summary>
    public string Id { get; set; } = "";

    public ComplaintStatus Status { get; set; }

    public ComplaintSeverity Severity { get; set; }

    /// <summary>From the opening interaction's summary.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The opening interaction.</summary>
    public string SourceInteractionId { get; set; } = "";

    /// <summary>Who handles the case; "" until assigned.</summary>
    public string ResponsibleParty { get; set; } = "";

    /// <summary>Times escalated; 0 if never.</summary>
    public int EscalationLevel { get; set; }

    /// <summary>Times reopened.</summary>
    public int ReopenCount { get; set; }

    /// <summary>The opening interaction's occur time.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the service recorded the opening (ComplaintOpened's time); SLA targets already missed then are not timed.</summary>
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>When the case first left Recorded; null until then.</summary>
    public DateTimeOffset? FirstResponseAt { get; set; }

    /// <summary>When the case last entered Resolved; cleared by a reopen.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>When the case entered Closed; cleared by a reopen.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>OpenedAt + response target.</summary>
    public DateTimeOffset ResponseDeadline { get; set; }

    /// <summary>OpenedAt + resolution target.</summary>
    public DateTimeOffset ResolutionDeadline { get; set; }

    /// <summary>ResolvedAt + follow-up delay; null before resolution and after a reopen.</summary>
    public DateTimeOffset? FollowUpDueAt { get; set; }

    /// <summary>When the first-response breach was recorded; null when none.</summary>
    public DateTimeOffset? ResponseBreachedAt { get; set; }

    /// <summary>When the resolution breach was recorded; null when none.</summary>
    public DateTimeOffset? ResolutionBreachedAt { get; set; }

    /// <summary>When the follow-up was recorded as due; cleared by a reopen.</summary>
    public DateTimeOffset? FollowUpFellDueAt { get; set; }

    /// <summary>Every step, oldest first; the first entry is the opening.</summary>
    public List<ComplaintTransition> History { get; set; } = [];

    /// <summary>True once escalated at least once.</summary>
    /// <summary>Set when a merge moved the case here from another customer; left out of the JSON form when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MergedFrom? MergedFrom { get; set; }

    public bool IsEscalated() => EscalationLevel > 0;

    /// <summary>Time from opening to first response; null before it.</summary>
    public TimeSpan? ResponseTime() => FirstResponseAt - OpenedAt;

    /// <summary>Time from opening to (the latest) resolution; null before it.</summary>
    public TimeSpan? ResolutionTime() => ResolvedAt - OpenedAt;

    /// <summary>Whether the first response met its deadline; null before it.</summary>
    public bool? RespondedWithinTarget() => FirstResponseAt is { } t ? t <= ResponseDeadline : null;

    /// <summary>Whether the resolution met its deadline; null before it.</summary>
    public bool? ResolvedWithinTarget() => ResolvedAt is { } t ? t <= ResolutionDeadline : null;

    /// <summary>A deep copy.</summary>
    public ComplaintCase Clone()
    {
        var copy = (ComplaintCase)MemberwiseClone();
        copy.History = [.. History];
        return copy;
    }

    /// <summary>Applies one workflow step to this case (used by <c>CustomerEvolution</c>).</summary>
    public void Apply(ComplaintTransitioned e)
    {
        var at = e.OccurredAt;
        if (e.FromStatus == ComplaintStatus.Recorded && e.ToStatus != ComplaintStatus.Recorded && FirstResponseAt is null)
        {
            FirstResponseAt = at;
        }

        if (e.Reopened)
        {
            ReopenCount++;
            ResolvedAt = null;
            ClosedAt = null;
            FollowUpDueAt = null;
            FollowUpFellDueAt = null;
        }

        if (e.Escalated)
        {
            EscalationLevel++;
        }

        if (e.ResponsibleParty is not null)
        {
            ResponsibleParty = e.ResponsibleParty;
        }

        if (e.ToStatus != e.FromStatus)
        {
            if (e.ToStatus == ComplaintStatus.Resolved)
            {
                ResolvedAt = at;
                FollowUpDueAt = e.FollowUpDueAt;
            }
            else if (e.ToStatus == ComplaintStatus.Closed)
            {
                ClosedAt = at;
            }
        }

        Status = e.ToStatus;
        History.Add(new ComplaintTransition(e.FromStatus, e.ToStatus, e.Actor, e.Note, at, e.Escalated, e.ResponsibleParty));
    }

    /// <summary>Records a missed target: escalation + 1 and an escalation step in the history.</summary>
    public void Apply(ComplaintSlaBreached e)
    {
        if (e.Target == SlaTarget.FirstResponse)
        {
            ResponseBreachedAt = e.DetectedAt;
        }
        else
        {
            ResolutionBreachedAt = e.DetectedAt;
        }

        EscalationLevel++;
        var what = e.Target == SlaTarget.FirstResponse ? "first response" : "resolution";
        History.Add(new ComplaintTransition(Status, Status, SlaActor, $"{what} deadline {e.Deadline:O} missed", e.OccurredAt, true, null));
    }

    /// <summary>Records that the follow-up contact fell due (a step in the history).</summary>
    public void Apply(ComplaintFollowUpDue e)
    {
        FollowUpFellDueAt = e.OccurredAt;
        History.Add(new ComplaintTransition(Status, Status, SlaActor, $"follow-up contact due since {e.DueAt:O}", e.OccurredAt, false, null));
    }
}
