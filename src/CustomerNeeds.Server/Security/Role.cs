namespace CustomerNeeds.Server.Security;

/// <summary>The roles of docs/security.md.</summary>
public static class Role
{
    public const string Channel = "channel";
    public const string Agent = "agent";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    /// <summary>Every role, in the order of the matrix.</summary>
    public static IReadOnlyList<string> All { get; } = [Channel, Agent, Analyst, Admin];
}
