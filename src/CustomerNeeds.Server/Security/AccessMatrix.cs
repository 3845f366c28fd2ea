using static CustomerNeeds.Server.Security.AuditKind;
using static CustomerNeeds.Server.Security.Scope;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// The one place in code that says who may call what (docs/security.md, "The matrix"): the scopes
/// of each role and the scope of each method. A method without an entry is denied.
/// </summary>
public static class AccessMatrix
{
    private const string V1 = "/customerneeds.v1.";
    private const string Benchmark = "/customerneeds.benchmark.v1.BenchmarkService/";

    /// <summary>The scopes of each role.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RoleGrant>> Roles { get; } = new Dictionary<string, IReadOnlyList<RoleGrant>>(StringComparer.Ordinal)
    {
        [Role.Channel] =
        [
            new(CustomersCreate), new(CustomersRead, ServedOnly: true), new(InteractionsRecord),
            new(ConsentsWrite, ServedOnly: true), new(Scope.PersonalRead, ServedOnly: true),
        ],
        [Role.Agent] =
        [
            new(CustomersCreate), new(CustomersRead), new(CustomersWrite), new(CustomersSearch), new(CustomersWatch),
            new(InteractionsRecord), new(ConsentsWrite), new(AnalyticsRead), new(Scope.PersonalRead),
        ],
        [Role.Analyst] = [new(CustomersRead), new(CustomersSearch), new(AnalyticsRead), new(AnalyticsWrite)],
        [Role.Admin] = [new(LoyaltyWrite), new(KeysManage), new(AuditRead), new(PrivacyExport), new(PrivacyErase), new(Scope.PersonalRead)],
    };

    /// <summary>The rule of each method, by full gRPC method name (<c>/package.Service/Method</c>).</summary>
    public static IReadOnlyDictionary<string, MethodRule> Methods { get; } = new Dictionary<string, MethodRule>(StringComparer.Ordinal)
    {
        [V1 + "CustomerService/CreateCustomer"] = new(CustomersCreate, Always),
        [V1 + "CustomerService/GetCustomer"] = new(CustomersRead, PersonalDataRead),
        [V1 + "CustomerService/UpdateCustomer"] = new(CustomersWrite, Always),
        [V1 + "CustomerService/ListCustomers"] = new(CustomersSearch, PersonalDataRead),
        [V1 + "CustomerService/WatchCustomer"] = new(CustomersWatch, PersonalDataRead, Streaming: true),
        [V1 + "CustomerService/MergeCustomers"] = new(CustomersWrite, Always),
        [V1 + "CustomerService/ListDuplicateCandidates"] = new(CustomersSearch, PersonalDataRead),
        [V1 + "NeedService/CreateNeed"] = new(CustomersWrite, Always),
        [V1 + "NeedService/GetNeed"] = new(CustomersRead, PersonalDataRead),
        [V1 + "NeedService/ListNeeds"] = new(CustomersRead, PersonalDataRead),
        [V1 + "NeedService/UpdateNeed"] = new(CustomersWrite, Always),
        [V1 + "InteractionService/RecordInteraction"] = new(InteractionsRecord, Always),
        [V1 + "InteractionService/StreamInteractions"] = new(InteractionsRecord, Always, Streaming: true),
        [V1 + "InteractionService/GetInteraction"] = new(CustomersRead, PersonalDataRead),
        [V1 + "InteractionService/ListInteractions"] = new(CustomersRead, PersonalDataRead),
        [V1 + "ComplaintService/GetComplaint"] = new(CustomersRead, PersonalDataRead),
        [V1 + "ComplaintService/ListComplaints"] = new(CustomersRead, PersonalDataRead),
        [V1 + "ComplaintService/TransitionComplaint"] = new(CustomersWrite, Always),
        [V1 + "ComplaintService/ListBreaches"] = new(CustomersSearch, PersonalDataRead),
        [V1 + "ComplaintService/ListDueFollowUps"] = new(CustomersSearch, PersonalDataRead),
        [V1 + "LoyaltyService/GetLoyalty"] = new(CustomersRead, PersonalDataRead),
        [V1 + "LoyaltyService/SetTierFloor"] = new(LoyaltyWrite, Always),
        [V1 + "SegmentService/CreateSegment"] = new(AnalyticsWrite, Always),
        [V1 + "SegmentService/GetSegment"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "SegmentService/ListSegments"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "SegmentService/UpdateSegment"] = new(AnalyticsWrite, Always),
        [V1 + "SegmentService/DeleteSegment"] = new(AnalyticsWrite, Always),
        [V1 + "SegmentService/ListSegmentMembers"] = new(AnalyticsRead, PersonalDataRead),
        [V1 + "SegmentService/CheckSegmentMembership"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "AnalyticsService/GetKpis"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "AnalyticsService/GetRfmScore"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "AnalyticsService/GetRfmDistribution"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "AnalyticsService/ListCoreCustomers"] = new(AnalyticsRead, PersonalDataRead),
        [V1 + "AnalyticsService/GetKanoAnalysis"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "KanoService/CreateKanoFeature"] = new(AnalyticsWrite, Always),
        [V1 + "KanoService/GetKanoFeature"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "KanoService/ListKanoFeatures"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "KanoService/UpdateKanoFeature"] = new(AnalyticsWrite, Always),
        [V1 + "KanoService/DeleteKanoFeature"] = new(AnalyticsWrite, Always),
        [V1 + "KanoService/RecordKanoStaffBelief"] = new(AnalyticsWrite, Always),
        [V1 + "KanoService/ListKanoStaffBeliefs"] = new(AnalyticsRead, RefusalsOnly),
        [V1 + "PrivacyService/SetConsent"] = new(ConsentsWrite, Always),
        [V1 + "PrivacyService/ExportCustomer"] = new(PrivacyExport, Always, Streaming: true),
        [V1 + "PrivacyService/EraseCustomer"] = new(PrivacyErase, Always),
        [V1 + "ApiKeyService/CreateApiKey"] = new(KeysManage, Always),
        [V1 + "ApiKeyService/ListApiKeys"] = new(KeysManage, Always),
        [V1 + "ApiKeyService/RevokeApiKey"] = new(KeysManage, Always),
        [V1 + "AuditService/ListAuditEvents"] = new(AuditRead, Always),

        // The benchmark-only service (mapped only when enabled) needs the agent role.
        [Benchmark + "Echo"] = new(CustomersWrite, RefusalsOnly),
        [Benchmark + "RecordInteractionNaive"] = new(CustomersWrite, RefusalsOnly),
        [Benchmark + "GetMemory"] = new(CustomersWrite, RefusalsOnly),
    };

    /// <summary>What <paramref name="caller"/> may do with <paramref name="method"/>.</summary>
    public static AccessDecision Decide(Caller caller, string method)
    {
        if (!Methods.TryGetValue(method, out var rule))
        {
            return AccessDecision.Denied($"{method} has no entry in the access matrix; it is denied to every caller.");
        }

        var grant = Grant(caller, rule.Scope);
        if (grant is null)
        {
            var roles = caller.Roles.Count == 0 ? "no role" : "role " + string.Join(", ", caller.Roles.Order(StringComparer.Ordinal));
            return AccessDecision.Denied($"The caller ({roles}) may not call {method}: it needs the scope {rule.Scope}.");
        }

        var personal = Grant(caller, Scope.PersonalRead);
        return AccessDecision.Allowed(rule, servedOnly: grant.ServedOnly, masked: personal is null);
    }

    /// <summary>The caller's widest grant of <paramref name="scope"/>: unrestricted before served-only; null if none.</summary>
    private static RoleGrant? Grant(Caller caller, string scope)
    {
        RoleGrant? found = null;
        foreach (var role in caller.Roles)
        {
            if (!Roles.TryGetValue(role, out var grants))
            {
                continue;
            }

            foreach (var grant in grants)
            {
                if (grant.Scope == scope && (found is null || found.ServedOnly))
                {
                    found = grant;
                }
            }
        }

        return found;
    }
}
