using System.Globalization;
using CustomerNeeds.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>Builders for requests: every test uses its own customer ids.</summary>
public static class TestData
{
    /// <summary>The service currency.</summary>
    public const string Currency = "EUR";

    /// <summary>A fresh customer id, e.g. "c-0f3c...".</summary>
    public static string NewCustomerId() => "c-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>A fresh id for a child resource (need, interaction).</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    public static string CustomerName(string customerId) => "customers/" + customerId;

    public static string NeedName(string customerId, string needId) => $"customers/{customerId}/needs/{needId}";

    public static string InteractionName(string customerId, string interactionId) => $"customers/{customerId}/interactions/{interactionId}";

    public static string LoyaltyName(string customerId) => $"customers/{customerId}/loyalty";

    /// <summary>A time safely in the past, truncated to whole milliseconds (storage keeps microseconds).</summary>
    public static DateTimeOffset BaseTime { get; } = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-2);

    /// <summary>A timestamp <paramref name="offset"/> after <see cref="BaseTime"/>.</summary>
    public static Timestamp At(TimeSpan offset) => Timestamp.FromDateTimeOffset(BaseTime + offset);

    /// <summary>A timestamp <paramref name="milliseconds"/> ms after <see cref="BaseTime"/>.</summary>
    public static Timestamp AtMs(long milliseconds) => At(TimeSpan.FromMilliseconds(milliseconds));

    public static Money Eur(long units, int nanos = 0) => new() { CurrencyCode = Currency, Units = units, Nanos = nanos };

    /// <summary>The smallest valid profile.</summary>
    public static Customer MinimalProfile(string displayName = "Anna Meier") => new()
    {
        DisplayName = displayName,
        Kind = CustomerKind.External,
    };

    /// <summary>A profile with every profile field set.</summary>
    public static Customer FullProfile()
    {
        var customer = new Customer
        {
            DisplayName = "ACME Ltd.",
            Industry = "retail",
            SizeBand = CompanySizeBand.Medium,
            Region = "CH-ZH",
            Location = "Zürich, Bahnhofstrasse 1",
            AgeBand = AgeBand.From35To44,
            Occupation = "Purchasing",
            Kind = CustomerKind.Intermediary,
            RelationshipMode = RelationshipMode.Relational,
        };
        customer.PhoneNumbers.Add(["+41791234567", "+41440000000"]);
        customer.EmailAddresses.Add(["buy@acme.example", "ceo@acme.example"]);
        customer.ExternalIds.Add("webshop", "u-77");
        customer.ExternalIds.Add("wechat", "wx123");
        customer.ContactPersons.Add(new ContactPerson
        {
            DisplayName = "Bea Keller",
            JobTitle = "Head of Purchasing",
            DecisionRole = DecisionRole.DecisionMaker,
            EmailAddress = "bea@acme.example",
            PhoneNumber = "+41791112233",
        });
        customer.ContactPersons.Add(new ContactPerson { DisplayName = "Carl Huber", DecisionRole = DecisionRole.Influencer });
        customer.ValueTypes.Add([CustomerValueType.Commercial, CustomerValueType.Brand]);
        customer.ValuePropositions.Add([ValueProposition.SavesTime, ValueProposition.SavesMoney]);
        customer.Attributes.Add("segment", "b2b");
        customer.Attributes.Add("source", "fair-2024");
        customer.Tags.Add(["vip", "key-account"]);
        return customer;
    }

    /// <summary>The profile part of a customer (every output-only field and the name cleared).</summary>
    public static Customer ProfileOf(Customer customer)
    {
        var profile = customer.Clone();
        profile.Name = "";
        profile.Loyalty = null;
        profile.Satisfaction = null;
        profile.OpenComplaintCount = 0;
        profile.TopNeeds.Clear();
        profile.RecentInteractions.Clear();
        profile.Lifetime = null;
        profile.CreateTime = null;
        profile.UpdateTime = null;
        profile.Etag = "";
        return profile;
    }

    /// <summary>An interaction of kind INQUIRY by phone.</summary>
    public static Interaction Inquiry(string interactionId, Timestamp occurTime, InteractionChannel channel = InteractionChannel.Phone) => new()
    {
        InteractionId = interactionId,
        Channel = channel,
        Kind = InteractionKind.Inquiry,
        Direction = InteractionDirection.Inbound,
        OccurTime = occurTime,
        Agent = "agent:anna",
        Summary = "Asked about delivery times.",
    };

    /// <summary>A purchase of <paramref name="amount"/>.</summary>
    public static Interaction Purchase(string interactionId, Timestamp occurTime, Money amount) => new()
    {
        InteractionId = interactionId,
        Channel = InteractionChannel.InStore,
        Kind = InteractionKind.Purchase,
        Direction = InteractionDirection.Inbound,
        OccurTime = occurTime,
        Agent = "pos:3",
        Summary = "Bought goods.",
        Amount = amount,
    };

    /// <summary>A complaint of <paramref name="severity"/>, which opens a complaint case.</summary>
    public static Interaction Complaint(string interactionId, Timestamp occurTime, ComplaintSeverity severity = ComplaintSeverity.Medium) => new()
    {
        InteractionId = interactionId,
        Channel = InteractionChannel.Email,
        Kind = InteractionKind.Complaint,
        Direction = InteractionDirection.Inbound,
        OccurTime = occurTime,
        Agent = "agent:bob",
        Summary = "The delivery arrived damaged.",
        ComplaintSeverity = severity,
        Sentiment = Sentiment.Negative,
    };

    /// <summary>A survey answer carrying CSAT and/or NPS.</summary>
    public static Interaction Survey(string interactionId, Timestamp occurTime, int? csat, int? nps)
    {
        var interaction = new Interaction
        {
            InteractionId = interactionId,
            Channel = InteractionChannel.Survey,
            Kind = InteractionKind.SurveyResponse,
            Direction = InteractionDirection.Inbound,
            OccurTime = occurTime,
            Agent = "survey-bot",
        };
        if (csat is { } c)
        {
            interaction.Csat = c;
        }

        if (nps is { } n)
        {
            interaction.Nps = n;
        }

        return interaction;
    }

    /// <summary>A need with the given importance and urgency.</summary>
    public static Need Need(string title, int importance, int urgency, NeedType type = NeedType.Explicit, NeedArea area = NeedArea.Service, KanoClass kano = KanoClass.Unspecified) => new()
    {
        Title = title,
        Description = "In the customer's words: " + title,
        Type = type,
        Area = area,
        KanoClass = kano,
        Importance = importance,
        Urgency = urgency,
    };

    /// <summary>
    /// Asserts that nothing about a customer changed between two reads: everything but the
    /// churn-risk score, which depends on the clock.
    /// </summary>
    public static void AssertUnchanged(Customer before, Customer after)
    {
        static Customer Stable(Customer c)
        {
            var copy = c.Clone();
            if (copy.Loyalty is not null)
            {
                copy.Loyalty.ChurnRiskScore = 0;
            }

            return copy;
        }

        Assert.Equal(Stable(before), Stable(after));
    }
}
