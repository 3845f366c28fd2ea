using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Grains.Tests;

/// <summary>Valid inputs for grain tests; every test uses its own customer id.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static string NewCustomerId() => "c-" + Guid.NewGuid().ToString("N");

    public static CustomerProfile Profile(string name = "Ada Example") => new()
    {
        DisplayName = name,
        Kind = CustomerKind.External,
    };

    public static Interaction Purchase(string id, int minute, decimal amount = 10m) => new()
    {
        InteractionId = id,
        Channel = Channel.WebForm,
        Kind = InteractionKind.Purchase,
        Direction = Direction.Inbound,
        OccurTime = Start.AddMinutes(minute),
        Summary = "order",
        Amount = new Money(amount, "EUR"),
    };

    public static Interaction Complaint(string id, int minute) => new()
    {
        InteractionId = id,
        Channel = Channel.Phone,
        Kind = InteractionKind.Complaint,
        Direction = Direction.Inbound,
        OccurTime = Start.AddMinutes(minute),
        Agent = "agent-7",
        Summary = "parcel arrived broken",
        ComplaintSeverity = ComplaintSeverity.High,
    };
}
