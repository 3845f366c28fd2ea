namespace CustomerNeeds.Server.Security;

/// <summary>The matrix's answer for one caller and one method.</summary>
public sealed record AccessDecision(bool IsAllowed, MethodRule? Rule, bool ServedOnly, bool Masked, string? Refusal)
{
    public static AccessDecision Allowed(MethodRule rule, bool servedOnly, bool masked) => new(true, rule, servedOnly, masked, null);

    public static AccessDecision Denied(string refusal) => new(false, null, false, false, refusal);
}
