using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Loyalty;

namespace CustomerNeeds.Domain.Complaints;

/// <summary>Decisions on complaint cases.</summary>
public static class ComplaintDecisions
{
    /// <summary>
    /// Moves, escalates and/or assigns a complaint: one ComplaintTransitioned, then tier events
    /// when the evaluation says so. Entering Resolved sets the follow-up due time (now +
    /// follow-up delay). A Closed case is no longer in the state: to reopen it, pass it (read
    /// from storage) as <paramref name="closedCase"/>; the event carries it back into the state.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">The customer does not exist.</exception>
    /// <exception cref="ComplaintNotFoundException">No such open complaint (nor a matching closed one).</exception>
    /// <exception cref="DomainValidationException">Bad input ("target_status", "actor", "note", "responsible_party").</exception>
    /// <exception cref="IllegalTransitionException">The move or escalation breaks the workflow.</exception>
    public static IReadOnlyList<CustomerEvent> Decide(
        CustomerState state, TransitionComplaint command, DateTimeOffset now, CustomerPolicy policy, ComplaintCase? closedCase = null)
    {
        DecisionGuards.RequireExists(state);
        var checks = new InputChecks();
        if (command.Target is { } target)
        {
            checks.Defined("target_status", target, allowUnspecified: false);
        }

        checks.Length("actor", command.Actor, 1, DecisionGuards.MaxActorLength);
        checks.Length("note", command.Note, 0, DecisionGuards.MaxTextLength);
        if (command.ResponsibleParty is not null)
        {
            checks.Length("responsible_party", command.ResponsibleParty, 1, DecisionGuards.MaxActorLength);
        }

        checks.ThrowIfAny();

        var id = command.ComplaintId;
        ComplaintCase? restored = null;
        if (!state.OpenComplaints.TryGetValue(id, out var complaint))
        {
            if (closedCase is null || closedCase.Id != id || closedCase.Status != ComplaintStatus.Closed)
            {
                throw new ComplaintNotFoundException(id);
            }

            complaint = closedCase;
            restored = closedCase.Clone();
        }

        var from = complaint.Status;
        var to = command.Target ?? from;
        var responsible = command.ResponsibleParty is { } party && party != complaint.ResponsibleParty ? party : null;
        if (to == from)
        {
            if (from == ComplaintStatus.Closed)
            {
                throw new IllegalTransitionException($"Complaint '{id}' is closed; it can only be reopened (to BeingHandled).");
            }

            if (!command.Escalate && responsible is null)
            {
                if (command.Target is null)
                {
                    throw new DomainValidationException("target_status", "nothing to do: give a target status, escalate, or a new responsible party");
                }

                throw new IllegalTransitionException($"Complaint '{id}' is already {from}.");
            }
        }
        else if (!ComplaintWorkflow.CanMove(from, to))
        {
            throw new IllegalTransitionException($"Complaint '{id}' cannot move from {from} to {to}.");
        }

        if (command.Escalate && !ComplaintWorkflow.CanEscalate(to))
        {
            throw new IllegalTransitionException($"Complaint '{id}' cannot be escalated when it ends {to}.");
        }

        DateTimeOffset? followUp = to == ComplaintStatus.Resolved && from != ComplaintStatus.Resolved
            ? policy.ComplaintSla.FollowUpDue(now, state.Loyalty.Tier)
            : null;
        List<CustomerEvent> events =
        [
            new ComplaintTransitioned(
                id,
                from,
                to,
                command.Escalate,
                ComplaintWorkflow.IsReopen(from, to),
                responsible,
                command.Actor,
                command.Note,
                followUp,
                restored) { OccurredAt = now },
        ];
        return LoyaltyDecisions.WithTierEvaluation(state, events, policy, now, actor: null);
    }
}
