using System.Globalization;
using CustomerNeeds.Domain;
using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Grains.Seeding;

/// <summary>
/// Deterministic synthetic customers with a realistic spread: kinds, value types, regions,
/// industries, tags and attributes; one to three needs; a history of purchases, service contacts
/// with CSAT, NPS surveys, complaints worked through their workflow, referrals and KANO survey
/// answers spread over the <see cref="HistoryDays"/> days before <c>end</c>. The same
/// (seed, number) always gives the same customer.
/// </summary>
public sealed class SyntheticCustomers(int seed, DateTimeOffset end, string currencyCode, IReadOnlyList<string> kanoFeatureIds)
{
    /// <summary>How far back the histories reach.</summary>
    public const int HistoryDays = 730;

    /// <summary>The agent name every synthetic step is recorded by.</summary>
    public const string Actor = "seed";

    private static readonly string[] Regions = ["CH-ZH", "CH-BE", "CH-GE", "DE-BY", "DE-BE", "AT-9", "FR-IDF", "IT-MI", "NL-NH", "ES-MD"];

    private static readonly string[] Industries =
        ["retail", "banking", "insurance", "telecom", "health", "logistics", "energy", "media", "education", "travel", "manufacturing", "public"];

    private static readonly string[] OptionalTags = ["vip", "newsletter", "b2b-portal", "paper-invoice", "key-account", "app-user"];

    private static readonly string[] NeedTitles =
    [
        "Delivery within 24 hours", "Clear monthly invoice", "Fast answer by chat", "Lower price for the family plan",
        "Reliable service at peak hours", "Easy returns in store", "Personal advisor for renewals", "Data export of all orders",
        "Faster repair of broken devices", "Loyalty discount on repeat purchases", "Quiet delivery slots in the evening",
        "Invoice in French", "Spare parts for older models", "Proactive outage notice", "Contract without minimum term",
    ];

    private static readonly Channel[] ServiceChannels = [Channel.Phone, Channel.Email, Channel.Chat, Channel.WebForm, Channel.MobileApp];

    private static readonly Channel[] PurchaseChannels = [Channel.WebForm, Channel.MobileApp, Channel.InStore, Channel.Phone];

    /// <summary>The id of customer number <paramref name="number"/>: "seed-" and eight digits.</summary>
    public static string CustomerId(int number) => "seed-" + number.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>The history of customer number <paramref name="number"/>, in time order.</summary>
    public SyntheticHistory Create(int number)
    {
        var random = new Random(HashCode.Combine(seed, number));
        var id = CustomerId(number);
        var start = end.AddDays(-HistoryDays);
        var createdAt = start.AddMinutes(random.Next(0, (HistoryDays - 30) * 24 * 60));
        var steps = new List<SeedStep> { new(createdAt, new CreateCustomer(id, Profile(random, number))) };

        var needCount = random.Next(0, 4);
        for (var n = 1; n <= needCount; n++)
        {
            var needId = "need-" + n.ToString(CultureInfo.InvariantCulture);
            var at = Between(random, createdAt, end);
            steps.Add(new SeedStep(at, NewNeed(random, needId)));

            // Needs start IDENTIFIED; some are worked on later, step by step.
            var target = random.Next(1, 6);
            for (var status = NeedStatus.Analysed; (int)status <= target; status++)
            {
                at = Between(random, at, end);
                steps.Add(new SeedStep(at, new UpdateNeed(needId, new NeedFields { Status = status }, [NeedFieldPaths.Status], Actor, "synthetic progress", null)));
            }
        }

        // Activity: most customers are occasional, a few are heavy buyers.
        var interactions = random.NextDouble() < 0.1 ? random.Next(10, 21) : random.Next(1, 7);
        var silentFrom = random.NextDouble() < 0.25 ? Between(random, createdAt, end) : end;
        for (var k = 0; k < interactions; k++)
        {
            var at = Between(random, createdAt, silentFrom);
            steps.Add(new SeedStep(at, new RecordInteraction(NextInteraction(random, id, k, at))));
        }

        steps.Sort((a, b) => a.At.CompareTo(b.At));
        AddComplaintWork(random, steps);
        steps.Sort((a, b) => a.At.CompareTo(b.At));
        return new SyntheticHistory(id, steps);
    }

    private CustomerProfile Profile(Random random, int number)
    {
        var kind = random.NextDouble() switch
        {
            < 0.80 => CustomerKind.External,
            < 0.90 => CustomerKind.Intermediary,
            < 0.96 => CustomerKind.Internal,
            _ => CustomerKind.CompetitorCustomer,
        };
        var valueTypes = new List<CustomerValueType> { CustomerValueType.Commercial };
        if (random.NextDouble() < 0.2)
        {
            valueTypes.Add(CustomerValueType.Brand);
        }

        if (random.NextDouble() < 0.05)
        {
            valueTypes.Add(CustomerValueType.Influence);
        }

        var tags = OptionalTags.Where(_ => random.NextDouble() < 0.12).ToArray();
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["segment_code"] = "S" + random.Next(1, 21).ToString(CultureInfo.InvariantCulture),
        };
        if (random.NextDouble() < 0.3)
        {
            attributes["preferred_language"] = random.NextDouble() < 0.5 ? "de" : "fr";
        }

        return new CustomerProfile
        {
            DisplayName = "Customer " + number.ToString(CultureInfo.InvariantCulture),
            Kind = kind,
            ValueTypes = valueTypes,
            RelationshipMode = random.NextDouble() < 0.6 ? RelationshipMode.Transactional : RelationshipMode.Relational,
            Industry = random.NextDouble() < 0.7 ? Industries[random.Next(Industries.Length)] : "",
            Region = Regions[random.Next(Regions.Length)],
            Tags = tags,
            Attributes = attributes,
        };
    }

    private static CreateNeed NewNeed(Random random, string needId) => new(
        needId,
        new NeedFields
        {
            Title = NeedTitles[random.Next(NeedTitles.Length)],
            Type = (NeedType)random.Next(1, 4),
            Area = (NeedArea)random.Next(1, 6),
            KanoClass = (KanoClass)random.Next(0, 5),
            Importance = random.Next(1, 6),
            Urgency = random.Next(1, 6),
            Status = NeedStatus.Identified,
        },
        Actor);

    private Interaction NextInteraction(Random random, string customerId, int k, DateTimeOffset at)
    {
        var interactionId = customerId + "-i" + k.ToString(CultureInfo.InvariantCulture);
        var roll = random.NextDouble();
        var common = new Interaction
        {
            InteractionId = interactionId,
            OccurTime = at,
            Agent = Actor,
            Direction = Direction.Inbound,
            Summary = "synthetic contact",
        };
        if (roll < 0.45)
        {
            // Log-normal basket: median about 80, a long tail.
            var amount = Math.Round((decimal)Math.Exp(4.4 + (random.NextDouble() * 1.6) - 0.8 + (random.NextDouble() - 0.5)), 2);
            return common with
            {
                Kind = InteractionKind.Purchase,
                Channel = PurchaseChannels[random.Next(PurchaseChannels.Length)],
                Amount = new Money(amount, currencyCode),
            };
        }

        if (roll < 0.75)
        {
            return common with
            {
                Kind = random.NextDouble() < 0.5 ? InteractionKind.Inquiry : InteractionKind.ServiceRequest,
                Channel = ServiceChannels[random.Next(ServiceChannels.Length)],
                Csat = random.NextDouble() < 0.6 ? Skewed(random) : null,
            };
        }

        if (roll < 0.85)
        {
            return common with
            {
                Kind = InteractionKind.SurveyResponse,
                Channel = Channel.Survey,
                Nps = random.NextDouble() < 0.5 ? random.Next(7, 11) : random.Next(0, 11),
                KanoAnswers = KanoAnswers(random),
            };
        }

        if (roll < 0.93)
        {
            return common with
            {
                Kind = InteractionKind.Complaint,
                Channel = ServiceChannels[random.Next(ServiceChannels.Length)],
                ComplaintSeverity = (ComplaintSeverity)random.Next(1, 5),
                Summary = "synthetic complaint",
            };
        }

        if (roll < 0.97)
        {
            return common with
            {
                Kind = InteractionKind.Referral,
                Channel = ServiceChannels[random.Next(ServiceChannels.Length)],
                ReferredCustomerId = "referred-" + interactionId,
            };
        }

        return common with { Kind = InteractionKind.MarketingTouch, Channel = Channel.Email, Direction = Direction.Outbound };
    }

    /// <summary>Answers to about half of the questionnaire's features; null when none.</summary>
    private KanoFeatureAnswer[]? KanoAnswers(Random random)
    {
        var answers = kanoFeatureIds
            .Where(_ => random.NextDouble() < 0.5)
            .Select(f => new KanoFeatureAnswer(f, (KanoAnswer)random.Next(1, 6), (KanoAnswer)random.Next(1, 6)))
            .ToArray();
        return answers.Length == 0 ? null : answers;
    }

    /// <summary>
    /// Works complaints through their workflow: most are accepted within hours, handled, resolved
    /// within days and closed; some stay open.
    /// </summary>
    private void AddComplaintWork(Random random, List<SeedStep> steps)
    {
        var complaintNumber = 0;
        foreach (var step in steps.ToArray())
        {
            if (step.Command is not RecordInteraction { Interaction.Kind: InteractionKind.Complaint })
            {
                continue;
            }

            // Complaint ids are minted "k1", "k2", ... in the order complaints are opened.
            var complaintId = "k" + (++complaintNumber).ToString(CultureInfo.InvariantCulture);
            if (random.NextDouble() < 0.15)
            {
                continue;
            }

            var at = step.At.AddMinutes(random.Next(10, 48 * 60));
            foreach (var target in new[] { ComplaintStatus.Accepted, ComplaintStatus.Analysed, ComplaintStatus.BeingHandled, ComplaintStatus.Resolved })
            {
                if (at > end)
                {
                    break;
                }

                steps.Add(new SeedStep(at, new TransitionComplaint(complaintId, target, false, Actor, "", null)));
                at = at.AddMinutes(random.Next(30, 5 * 24 * 60));
            }
        }
    }

    /// <summary>A CSAT score leaning to the good side: 1 to 5.</summary>
    private static int Skewed(Random random) => random.NextDouble() switch
    {
        < 0.05 => 1,
        < 0.12 => 2,
        < 0.30 => 3,
        < 0.65 => 4,
        _ => 5,
    };

    private static DateTimeOffset Between(Random random, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from.AddSeconds(random.NextDouble() * (to - from).TotalSeconds);
}
