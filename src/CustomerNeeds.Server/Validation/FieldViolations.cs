using System.Globalization;
using CustomerNeeds.Abstractions.Errors;
using CustomerNeeds.Domain.Customers;
using Google.Protobuf.WellKnownTypes;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>
/// Collects the field violations of one request: at most one per field (the first found), with
/// request-relative snake_case dotted paths ("customer.display_name", "interaction.amount").
/// Carries the service currency and the clock reading the checks need.
/// </summary>
public sealed class FieldViolations
{
    /// <summary>Smallest valid Timestamp.seconds: 0001-01-01T00:00:00Z.</summary>
    public const long MinTimestampSeconds = -62_135_596_800;

    /// <summary>Largest valid Timestamp.seconds: 9999-12-31T23:59:59Z.</summary>
    public const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>Default page size when the request says 0.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page size; larger requests are clamped.</summary>
    public const int MaxPageSize = 1000;

    private readonly List<FieldViolation> _items = [];
    private readonly HashSet<string> _fields = new(StringComparer.Ordinal);

    public FieldViolations(CustomerPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        Policy = policy;
        Now = time.GetUtcNow();
    }

    /// <summary>The deployment's policy (currency, tiers).</summary>
    public CustomerPolicy Policy { get; }

    /// <summary>The server clock when the request was checked.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The violations found so far, in the order found.</summary>
    public IReadOnlyList<FieldViolation> Items => _items;

    /// <summary>True when no violation was found.</summary>
    public bool IsEmpty => _items.Count == 0;

    /// <summary>True when <paramref name="field"/> already has a violation.</summary>
    public bool Has(string field) => _fields.Contains(field);

    /// <summary>
    /// At most this many violations are reported, and field paths and descriptions are cut to
    /// <see cref="MaxViolationText"/> characters: they may echo input (a map key, an update-mask
    /// path), and the whole status travels in HTTP/2 trailers, which clients cap at 64 KiB.
    /// </summary>
    public const int MaxReported = 50;

    /// <summary>The longest field path or description reported.</summary>
    public const int MaxViolationText = 200;

    /// <summary>Adds a violation unless the field already has one (or <see cref="MaxReported"/> are already there).</summary>
    public void Add(string field, string description)
    {
        field = Bounded(field);
        if (_items.Count < MaxReported && _fields.Add(field))
        {
            _items.Add(new FieldViolation(field, Bounded(description)));
        }
        else if (_items.Count >= MaxReported)
        {
            _fields.Add(field);
        }
    }

    private static string Bounded(string text) => text.Length <= MaxViolationText ? text : text[..(MaxViolationText - 3)] + "...";

    /// <summary>Throws INVALID_ARGUMENT with every violation found, if any.</summary>
    /// <exception cref="CustomerOperationException">At least one violation was found.</exception>
    public void ThrowIfAny(string operation)
    {
        if (_items.Count == 0)
        {
            return;
        }

        var fields = string.Join(", ", _items.Select(i => i.Field));
        var message = _items.Count == 1
            ? $"Invalid {operation} request: field {fields} is invalid."
            : string.Create(CultureInfo.InvariantCulture, $"Invalid {operation} request: {_items.Count} fields are invalid ({fields}).");
        throw new CustomerOperationException(CustomerErrorCode.InvalidArgument, message, _items.ToArray());
    }

    /// <summary>A required text of <paramref name="min"/> (at least 1) to <paramref name="max"/> characters; whitespace only counts as empty.</summary>
    public bool Required(string field, string? value, int max, int min = 1)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
            return false;
        }

        return Length(field, value, min, max);
    }

    /// <summary>An optional text of at most <paramref name="max"/> characters.</summary>
    public bool MaxLength(string field, string? value, int max) => Length(field, value, 0, max);

    /// <summary>A text of <paramref name="min"/> to <paramref name="max"/> characters.</summary>
    public bool Length(string field, string? value, int min, int max)
    {
        var length = value?.Length ?? 0;
        if (length >= min && length <= max)
        {
            return true;
        }

        Add(field, min == 0
            ? string.Create(CultureInfo.InvariantCulture, $"must be at most {max} characters")
            : string.Create(CultureInfo.InvariantCulture, $"must be {min} to {max} characters"));
        return false;
    }

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/> (inclusive).</summary>
    public bool Range(string field, int value, int min, int max)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        Add(field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));
        return false;
    }

    /// <summary>
    /// A generated proto enum value: unknown numbers are always rejected; the zero
    /// (UNSPECIFIED) value only when <paramref name="required"/>.
    /// </summary>
    public bool Enum<TEnum>(string field, TEnum value, bool required)
        where TEnum : struct, System.Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"unknown value {Convert.ToInt64(value, CultureInfo.InvariantCulture)}"));
            return false;
        }

        if (required && Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0)
        {
            Add(field, "is required (the UNSPECIFIED value is not allowed)");
            return false;
        }

        return true;
    }

    /// <summary>A repeated enum field: every value known, none UNSPECIFIED unless allowed, optionally no duplicates.</summary>
    public bool EnumList<TEnum>(string field, IEnumerable<TEnum> values, bool allowUnspecified, bool distinct)
        where TEnum : struct, System.Enum
    {
        var seen = new HashSet<TEnum>();
        var i = 0;
        var ok = true;
        foreach (var value in values)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (!Enum(at, value, required: !allowUnspecified))
            {
                ok = false;
            }
            else if (!seen.Add(value) && distinct)
            {
                Add(at, "duplicate value");
                ok = false;
            }

            i++;
        }

        return ok;
    }

    /// <summary>A well-formed Timestamp: seconds within 0001-01-01..9999-12-31 and nanos 0..999,999,999.</summary>
    public bool Timestamp(string field, Timestamp? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required");
            }

            return !required;
        }

        if (value.Seconds < MinTimestampSeconds || value.Seconds > MaxTimestampSeconds || value.Nanos < 0 || value.Nanos > 999_999_999)
        {
            Add(field, "is not a valid timestamp (seconds must lie within years 0001 to 9999, nanos within 0 to 999,999,999)");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A Money value in the service currency: currency_code equal to the policy's, nanos in
    /// range and of the same sign as units, and (when <paramref name="nonNegative"/>) not below zero.
    /// </summary>
    public bool Money(string field, Contract.Money value, bool nonNegative)
    {
        var ok = true;
        if (!string.Equals(value.CurrencyCode, Policy.CurrencyCode, StringComparison.Ordinal))
        {
            Add(field + ".currency_code", $"must be {Policy.CurrencyCode}, the service's currency");
            ok = false;
        }

        if (value.Nanos is < -999_999_999 or > 999_999_999)
        {
            Add(field + ".nanos", "must be between -999,999,999 and 999,999,999");
            return false;
        }

        if ((value.Units > 0 && value.Nanos < 0) || (value.Units < 0 && value.Nanos > 0))
        {
            Add(field + ".nanos", "must have the same sign as units");
            return false;
        }

        if (nonNegative && (value.Units < 0 || value.Nanos < 0))
        {
            Add(field, "must not be negative");
            return false;
        }

        return ok;
    }

    /// <summary>The effective page size: negative is a violation on "page_size", 0 means 50, above 1,000 means 1,000.</summary>
    public int PageSize(int requested)
    {
        if (requested < 0)
        {
            Add("page_size", "must not be negative");
            return DefaultPageSize;
        }

        return requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    /// <summary>
    /// Checks update_mask paths: at least one; no "*"; each in <paramref name="allowed"/>.
    /// Returns the distinct valid paths in request order.
    /// </summary>
    public IReadOnlyList<string> UpdateMask(FieldMask? mask, IReadOnlyCollection<string> allowed)
    {
        const string field = "update_mask";
        if (mask is null || mask.Paths.Count == 0)
        {
            Add(field, "is required: name at least one field path");
            return [];
        }

        var paths = new List<string>();
        var bad = new List<string>();
        foreach (var path in mask.Paths)
        {
            if (allowed.Contains(path))
            {
                if (!paths.Contains(path, StringComparer.Ordinal))
                {
                    paths.Add(path);
                }
            }
            else if (!bad.Contains(path, StringComparer.Ordinal))
            {
                bad.Add(path);
            }
        }

        if (bad.Contains("*"))
        {
            Add(field, "the wildcard path \"*\" is not supported; name the fields to replace");
        }
        else if (bad.Count > 0)
        {
            Add(field, $"unknown, output-only or sub-field paths: {string.Join(", ", bad.Select(b => $"'{b}'"))}; allowed: {string.Join(", ", allowed)}");
        }

        return paths;
    }
}
