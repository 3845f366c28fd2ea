namespace CustomerNeeds.Domain.Privacy;

/// <summary>The form of a consent purpose: 1 to 64 characters of a-z, 0-9 and '-', starting with a letter.</summary>
public static class ConsentPurpose
{
    public const int MaxLength = 64;

    /// <summary>What a valid purpose looks like, for error messages.</summary>
    public const string Rule = "must be 1 to 64 characters of lower-case letters, digits and '-', starting with a letter";

    public static bool IsValid(string? purpose)
    {
        if (string.IsNullOrEmpty(purpose) || purpose.Length > MaxLength || purpose[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in purpose)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
