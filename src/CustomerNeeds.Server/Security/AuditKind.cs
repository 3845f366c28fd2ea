namespace CustomerNeeds.Server.Security;

/// <summary>When a call of a method is written to the audit log (docs/security.md, "Audit log"). A refused call always is.</summary>
public enum AuditKind
{
    /// <summary>Only when refused (reads without personal data: analytics, segments, KANO).</summary>
    RefusalsOnly,

    /// <summary>Reads of personal data: audited for internal tools (JWT callers) that see the data unmasked.</summary>
    PersonalDataRead,

    /// <summary>Every call: writes, exports, erasures, key operations, reads of the audit log.</summary>
    Always,
}
