using System.Text.Json;
using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Tests;

/// <summary>
/// Drives one customer the way the grain does: decide, then apply the events; keeps every
/// event so a test can replay them.
/// </summary>
public sealed class Scenario(CustomerPolicy? policy = null, DateTimeOffset? start = null)
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private int _interactionNumber;

    public CustomerPolicy Policy { get; } = policy ?? CustomerPolicy.Default;

    public CustomerState State { get; } = new() { Id = "c-1" };

    public List<CustomerEvent> Events { get; } = [];

    public DateTimeOffset Now { get; set; } = start ?? T0;

    public Scenario AtDay(double days)
    {
        Now = T0.AddDays(days);
        return this;
    }

    public IReadOnlyList<CustomerEvent> Run(Func<CustomerState, IReadOnlyList<CustomerEvent>> decide)
    {
        var events = decide(State);
        CustomerEvolution.Apply(State, events);
        Events.AddRange(events);
        return events;
    }

    public IReadOnlyList<CustomerEvent> Create(CustomerProfile? profile = null) =>
        Run(s => CustomerDecisions.Decide(s, new CreateCustomer("c-1", profile ?? new CustomerProfile { DisplayName = "Acme" }), Now, Policy));

    public IReadOnlyList<CustomerEvent> Record(Interaction interaction) =>
        Run(s => InteractionDecisions.Decide(s, new RecordInteraction(interaction), Now, Policy));

    public Interaction NewInteraction(InteractionKind kind = InteractionKind.Inquiry, DateTimeOffset? at = null) => new()
    {
        InteractionId = "i" + ++_interactionNumber,
        Channel = Channel.Phone,
        Kind = kind,
        Direction = Direction.Inbound,
        OccurTime = at ?? Now,
        Agent = "agent-7",
        Summary = kind.ToString(),
    };

    public IReadOnlyList<CustomerEvent> Contact(int? csat = null, int? nps = null, DateTimeOffset? at = null, string? referred = null) =>
        Record(NewInteraction(InteractionKind.Feedback, at) with { Csat = csat, Nps = nps, ReferredCustomerId = referred });

    public IReadOnlyList<CustomerEvent> Purchase(decimal amount, DateTimeOffset? at = null) =>
        Record(NewInteraction(InteractionKind.Purchase, at) with { Amount = new Money(amount, Policy.CurrencyCode) });

    public IReadOnlyList<CustomerEvent> Complain(ComplaintSeverity severity = ComplaintSeverity.Unspecified, DateTimeOffset? at = null) =>
        Record(NewInteraction(InteractionKind.Complaint, at) with { ComplaintSeverity = severity, Summary = "late delivery" });

    public IReadOnlyList<CustomerEvent> Transition(string complaintId, ComplaintStatus? target, bool escalate = false, string? responsible = null, ComplaintCase? closed = null) =>
        Run(s => ComplaintDecisions.Decide(s, new TransitionComplaint(complaintId, target, escalate, "agent-9", "note", responsible), Now, Policy, closed));

    public IReadOnlyList<CustomerEvent> CreateNeed(string? id = null, int importance = 3, int urgency = 3, string title = "Faster delivery") =>
        Run(s => NeedDecisions.Decide(s, new CreateNeed(id, NeedWith(importance, urgency, title), "agent-7"), Now, Policy));

    public IReadOnlyList<CustomerEvent> UpdateNeed(string id, NeedFields values, params string[] paths) =>
        Run(s => NeedDecisions.Decide(s, new UpdateNeed(id, values, paths, "agent-8", "re-assessed", null), Now, Policy));

    public IReadOnlyList<CustomerEvent> SetFloor(string? tier, string reason = "key account") =>
        Run(s => LoyaltyDecisions.Decide(s, new SetTierFloor(tier, reason, "manager-1"), Now, Policy));

    public static NeedFields NeedWith(int importance = 3, int urgency = 3, string title = "Faster delivery") => new()
    {
        Title = title,
        Type = NeedType.Explicit,
        Area = NeedArea.Service,
        Importance = importance,
        Urgency = urgency,
    };

    public static string Json(CustomerState state) => JsonSerializer.Serialize(state);
}
