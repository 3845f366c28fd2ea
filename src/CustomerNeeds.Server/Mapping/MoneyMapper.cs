using CustomerNeeds.Domain;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Domain Money (decimal amount) ↔ proto Money (units + nanos, google.type.Money shape).</summary>
public static class MoneyMapper
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    /// <summary>The amount of a proto Money already checked by <c>FieldViolations.Money</c>.</summary>
    public static Money ToDomain(Contract.Money value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Money(ToDecimal(value.Units, value.Nanos), value.CurrencyCode);
    }

    /// <summary>units + nanos / 10^9.</summary>
    public static decimal ToDecimal(long units, int nanos) => units + (nanos / NanosPerUnit);

    public static Contract.Money ToProto(Money value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ToProto(value.Amount, value.CurrencyCode);
    }

    /// <summary>
    /// Splits an amount into units and nanos of the same sign; fractions below one nano are
    /// rounded (half away from zero); amounts beyond the int64 range are clamped.
    /// </summary>
    public static Contract.Money ToProto(decimal amount, string currencyCode)
    {
        var rounded = decimal.Round(amount, 9, MidpointRounding.AwayFromZero);
        if (rounded >= long.MaxValue)
        {
            return new Contract.Money { CurrencyCode = currencyCode, Units = long.MaxValue, Nanos = 999_999_999 };
        }

        if (rounded <= long.MinValue)
        {
            return new Contract.Money { CurrencyCode = currencyCode, Units = long.MinValue, Nanos = -999_999_999 };
        }

        var units = decimal.Truncate(rounded);
        var nanos = (rounded - units) * NanosPerUnit;
        return new Contract.Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)nanos };
    }
}
