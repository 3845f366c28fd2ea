using System.Text;
using CustomerNeeds.Domain.Customers;

namespace CustomerNeeds.Domain.ReadModel;

/// <summary>
/// The identity keys of a customer: what two records of one person are likely to share
/// (docs/merge.md). "phone:" + the digits (a leading "+" kept), "email:" + the trimmed lower-cased
/// address, "external:" + the lower-cased channel + ":" + the id. Distinct, in ordinal order.
/// </summary>
public static class IdentityKeys
{
    public const string Phone = "phone:";
    public const string Email = "email:";
    public const string External = "external:";

    /// <summary>The keys of <paramref name="contactPoints"/>.</summary>
    public static IReadOnlyList<string> Of(ContactPoints contactPoints)
    {
        ArgumentNullException.ThrowIfNull(contactPoints);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var phone in contactPoints.Phones)
        {
            if (PhoneDigits(phone) is { } digits)
            {
                keys.Add(Phone + digits);
            }
        }

        foreach (var email in contactPoints.Emails)
        {
            var address = email.Trim().ToLowerInvariant();
            if (address.Length > 0)
            {
                keys.Add(Email + address);
            }
        }

        foreach (var (channel, id) in contactPoints.ExternalIds)
        {
            if (channel.Trim().Length > 0 && id.Trim().Length > 0)
            {
                keys.Add(External + channel.Trim().ToLowerInvariant() + ":" + id.Trim());
            }
        }

        return [.. keys];
    }

    /// <summary>The digits of a phone number with a leading "+" when it has one; null without digits.</summary>
    public static string? PhoneDigits(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var trimmed = phone.Trim();
        var digits = new StringBuilder(trimmed.Length);
        if (trimmed.StartsWith('+'))
        {
            digits.Append('+');
        }

        foreach (var c in trimmed)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
        }

        return digits.Length == 0 || digits.ToString() == "+" ? null : digits.ToString();
    }
}
