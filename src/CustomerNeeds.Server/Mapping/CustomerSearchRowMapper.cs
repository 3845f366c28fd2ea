using System.Globalization;
using CustomerNeeds.Storage.ReadModel;
using CustomerNeeds.Server.Validation;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>
/// A read-model row to the BASIC view of a Customer: the fields the row holds; every other field
/// stays empty. Enum columns hold proto numbers; a number the contract does not know reads as
/// UNSPECIFIED.
/// </summary>
public static class CustomerSearchRowMapper
{
    public static Contract.Customer ToProto(CustomerSearchRow row, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(row);
        var customer = new Contract.Customer
        {
            Name = ResourceName.ForCustomer(row.CustomerId),
            DisplayName = row.DisplayName,
            Kind = EnumOf<Contract.CustomerKind>(row.Kind),
            RelationshipMode = EnumOf<Contract.RelationshipMode>(row.RelationshipMode),
            Industry = row.Industry ?? "",
            Region = row.Region ?? "",
            Loyalty = new Contract.LoyaltySummary
            {
                Tier = row.Tier ?? "",
                LadderStage = EnumOf<Contract.LadderStage>(row.LadderStage),
                ChurnRiskScore = row.ChurnRiskScore,
                ChurnRiskLevel = EnumOf<Contract.ChurnRiskLevel>(row.ChurnRiskLevel),
            },
            Satisfaction = new Contract.SatisfactionSummary
            {
                CsatMean = row.CsatMean ?? 0,
                CsatCount = row.CsatCount,
                NpsScore = row.NpsScore ?? 0,
            },
            OpenComplaintCount = row.OpenComplaintCount,
            Lifetime = new Contract.LifetimeCounters
            {
                InteractionCount = row.InteractionCount,
                PurchaseCount = row.PurchaseCount,
                LifetimeSpend = MoneyMapper.ToProto(row.LifetimeSpend, currencyCode),
                ComplaintCount = row.ComplaintCount,
                ReferralCount = row.ReferralCount,
            },
            CreateTime = TimeMapper.ToProto(new DateTimeOffset(row.CreatedAt, TimeSpan.Zero)),
            UpdateTime = TimeMapper.ToProto(new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero)),
            Etag = row.LastSequence.ToString(CultureInfo.InvariantCulture),
        };
        if (row.LastNps is { } lastNps)
        {
            customer.Satisfaction.LastNps = lastNps;
        }

        customer.ValueTypes.AddRange(row.ValueTypes.Select(EnumOf<Contract.CustomerValueType>));
        customer.Tags.AddRange(row.Tags);
        customer.Attributes.Add(row.Attributes.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        return customer;
    }

    private static TEnum EnumOf<TEnum>(short number)
        where TEnum : struct, Enum
    {
        var value = (TEnum)Enum.ToObject(typeof(TEnum), (int)number);
        return Enum.IsDefined(value) ? value : default;
    }
}
