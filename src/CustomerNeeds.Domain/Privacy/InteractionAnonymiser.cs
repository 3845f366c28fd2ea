using CustomerNeeds.Domain.Interactions;

namespace CustomerNeeds.Domain.Privacy;

/// <summary>
/// Strips the personal fields of an interaction (those marked personal_data in interaction.proto:
/// summary and contact person) and keeps everything the figures are made of.
/// </summary>
public static class InteractionAnonymiser
{
    /// <summary>The interaction without its personal fields.</summary>
    public static Interaction Strip(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return HasPersonalData(interaction) ? interaction with { Summary = "", ContactPerson = null } : interaction;
    }

    /// <summary>Whether <see cref="Strip"/> would change it.</summary>
    public static bool HasPersonalData(Interaction interaction) =>
        interaction.Summary.Length > 0 || interaction.ContactPerson is not null;
}
