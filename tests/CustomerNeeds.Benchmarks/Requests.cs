using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Benchmarks;

/// <summary>The requests of the suite: customers, needs and interactions of a typical shape.</summary>
public static class Requests
{
    /// <summary>The service's default currency.</summary>
    public const string Currency = "EUR";

    private static readonly InteractionChannel[] Channels =
    [
        InteractionChannel.Phone, InteractionChannel.Email, InteractionChannel.Chat, InteractionChannel.WebForm, InteractionChannel.MobileApp,
    ];

    public static string CustomerName(string customerId) => "customers/" + customerId;

    /// <summary>A customer profile of a typical size.</summary>
    public static Customer Profile(int number) => new()
    {
        DisplayName = "Customer " + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind = CustomerKind.External,
        Region = "CH-ZH",
        Industry = "retail",
        EmailAddresses = { "customer" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@example.com" },
        Tags = { "benchmark" },
    };

    public static CreateCustomerRequest CreateCustomer(string customerId, int number) =>
        new() { CustomerId = customerId, Customer = Profile(number) };

    /// <summary>The <paramref name="index"/>-th need of a customer.</summary>
    public static CreateNeedRequest CreateNeed(string customerId, int index) => new()
    {
        Parent = CustomerName(customerId),
        NeedId = "need-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Need = new Need
        {
            Title = "Need number " + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Description = "In the customer's words: faster delivery and clearer invoices, item " + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".",
            Type = NeedType.Explicit,
            Area = (index % 2) == 0 ? NeedArea.Service : NeedArea.Quality,
            KanoClass = KanoClass.OneDimensional,
            Importance = 1 + (index % 5),
            Urgency = 1 + ((index + 2) % 5),
        },
        Actor = "agent:benchmark",
    };

    /// <summary>
    /// A typical interaction: mostly inquiries over varying channels, every tenth a purchase and
    /// every tenth (offset by five) a survey answer with CSAT and NPS.
    /// </summary>
    public static Interaction Interaction(string interactionId, long index, Timestamp occurTime)
    {
        var interaction = new Interaction
        {
            InteractionId = interactionId,
            Channel = Channels[index % Channels.Length],
            Kind = InteractionKind.Inquiry,
            Direction = InteractionDirection.Inbound,
            OccurTime = occurTime,
            Agent = "agent:benchmark",
            Summary = "Asked about delivery times and the status of the last order.",
        };
        switch (index % 10)
        {
            case 0:
                interaction.Kind = InteractionKind.Purchase;
                interaction.Channel = InteractionChannel.InStore;
                interaction.Summary = "Bought goods.";
                interaction.Amount = new Money { CurrencyCode = Currency, Units = 20 + (index % 180), Nanos = 500_000_000 };
                break;
            case 5:
                interaction.Kind = InteractionKind.SurveyResponse;
                interaction.Channel = InteractionChannel.Survey;
                interaction.Summary = "";
                interaction.Csat = 1 + (int)(index % 5);
                interaction.Nps = (int)(index % 11);
                break;
        }

        return interaction;
    }

    /// <summary>A plain inquiry (the write scenarios' interaction).</summary>
    public static Interaction Inquiry(string interactionId, Timestamp occurTime) => new()
    {
        InteractionId = interactionId,
        Channel = InteractionChannel.Phone,
        Kind = InteractionKind.Inquiry,
        Direction = InteractionDirection.Inbound,
        OccurTime = occurTime,
        Agent = "agent:benchmark",
        Summary = "Asked about delivery times and the status of the last order.",
    };

    public static RecordInteractionRequest Record(string customerId, Interaction interaction) =>
        new() { Parent = CustomerName(customerId), Interaction = interaction };
}
