using System.Text.Json;
using CustomerNeeds.Domain.Errors;

namespace CustomerNeeds.Domain;

/// <summary>Collects field violations while a decision checks its input.</summary>
internal sealed class InputChecks
{
    private readonly List<InvalidField> _fields = [];

    public void Fail(string field, string description) => _fields.Add(new InvalidField(field, description));

    public void Length(string field, string? value, int min, int max)
    {
        var length = value?.Length ?? 0;
        if (length < min || length > max)
        {
            Fail(field, min == 0
                ? $"must be at most {max} characters"
                : $"must be {min} to {max} characters");
        }
    }

    public void Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(field, $"must be between {min} and {max}");
        }
    }

    public void Id(string field, string? value)
    {
        if (!ResourceId.IsValid(value))
        {
            Fail(field, "must be 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }
    }

    public void Defined<TEnum>(string field, TEnum value, bool allowUnspecified)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value) || (!allowUnspecified && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0))
        {
            Fail(field, allowUnspecified ? "is not a known value" : "is required (unspecified or unknown value)");
        }
    }

    /// <summary>Throws <see cref="DomainValidationException"/> when any check failed.</summary>
    public void ThrowIfAny()
    {
        if (_fields.Count > 0)
        {
            throw new DomainValidationException(_fields.ToArray());
        }
    }

    /// <summary>Compares two values by their System.Text.Json form (value equality for records holding collections).</summary>
    public static bool SameJson<T>(T a, T b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
