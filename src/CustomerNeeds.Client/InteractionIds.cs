using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerNeeds.Client;

/// <summary>
/// Interaction ids that make RecordInteraction safe to repeat (docs/client-retries.md, "Choosing an interaction
/// id"): the id names the interaction, never the attempt. Every id made here follows the contract's rule (1 to
/// 128 characters of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>).
/// </summary>
public static class InteractionIds
{
    private const int MaxLength = 128;
    private const int MaxSystemLength = 32;

    /// <summary>
    /// A new random id (32 hex digits) for an interaction that has no id of its own. Make it once, when the
    /// interaction is first seen, and keep it with the interaction until the service has answered OK.
    /// </summary>
    public static string New() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>
    /// The id of an interaction that a source system already identifies (ticket, call, message, survey
    /// response): <c>{system}-{sourceId}</c>, the same for every attempt and every run. A source id that does not
    /// fit the rule (other characters, too long) becomes <c>{system}.sha256-{hex}</c> of its UTF-8 bytes, which is
    /// equally stable and cannot meet an id of the first form.
    /// </summary>
    /// <param name="system">The source system: 1 to 32 letters, digits or <c>_</c> (e.g. <c>webshop</c>).</param>
    /// <param name="sourceId">The source's own id of the contact; not empty.</param>
    public static string FromSource(string system, string sourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(system);
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        if (system.Length > MaxSystemLength || !system.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("The system is 1 to 32 letters, digits or '_'.", nameof(system));
        }

        var plain = system + "-" + sourceId;
        if (plain.Length <= MaxLength && sourceId.All(IsIdCharacter))
        {
            return plain;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceId)));
        return system + ".sha256-" + hash;
    }

    /// <summary>Whether <paramref name="id"/> follows the contract's rule for interaction ids.</summary>
    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && id.All(IsIdCharacter);

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
