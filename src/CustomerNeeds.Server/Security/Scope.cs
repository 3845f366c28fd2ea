namespace CustomerNeeds.Server.Security;

/// <summary>The scopes of docs/security.md: what a role may do. A method needs exactly one.</summary>
public static class Scope
{
    public const string CustomersCreate = "customers.create";
    public const string CustomersRead = "customers.read";
    public const string CustomersWrite = "customers.write";
    public const string CustomersSearch = "customers.search";
    public const string CustomersWatch = "customers.watch";
    public const string InteractionsRecord = "interactions.record";
    public const string ConsentsWrite = "consents.write";
    public const string AnalyticsRead = "analytics.read";
    public const string AnalyticsWrite = "analytics.write";
    public const string LoyaltyWrite = "loyalty.write";
    public const string KeysManage = "keys.manage";
    public const string AuditRead = "audit.read";
    public const string PrivacyExport = "privacy.export";
    public const string PrivacyErase = "privacy.erase";

    /// <summary>Not a method's scope: personal fields are unmasked for callers that hold it.</summary>
    public const string PersonalRead = "personal.read";
}
