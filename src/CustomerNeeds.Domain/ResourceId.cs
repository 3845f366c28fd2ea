namespace CustomerNeeds.Domain;

/// <summary>
/// The id rule shared by customers, needs, interactions and complaints: 1 to 128 characters
/// of ASCII letters, digits, '-', '_' and '.'.
/// </summary>
public static class ResourceId
{
    /// <summary>The longest id allowed.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="id"/> follows the id rule.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
