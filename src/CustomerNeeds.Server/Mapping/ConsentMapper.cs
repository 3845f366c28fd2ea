using CustomerNeeds.Domain.Privacy;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Consents: proto ↔ domain (the status numbers are the same on both sides).</summary>
public static class ConsentMapper
{
    public static Contract.Consent ToProto(Consent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new Contract.Consent
        {
            Purpose = c.Purpose,
            Status = ToProto(c.Status),
            GrantTime = TimeMapper.ToProto(c.GrantedAt),
            DenyTime = TimeMapper.ToProto(c.DeniedAt),
            RevokeTime = TimeMapper.ToProto(c.RevokedAt),
            Source = c.Source,
            UpdateTime = TimeMapper.ToProto(c.UpdatedAt),
        };
    }

    public static Contract.ConsentStatus ToProto(ConsentStatus status) => status switch
    {
        ConsentStatus.Granted => Contract.ConsentStatus.Granted,
        ConsentStatus.Denied => Contract.ConsentStatus.Denied,
        ConsentStatus.Revoked => Contract.ConsentStatus.Revoked,
        _ => Contract.ConsentStatus.Unspecified,
    };

    public static ConsentStatus ToDomain(Contract.ConsentStatus status) => status switch
    {
        Contract.ConsentStatus.Granted => ConsentStatus.Granted,
        Contract.ConsentStatus.Denied => ConsentStatus.Denied,
        Contract.ConsentStatus.Revoked => ConsentStatus.Revoked,
        _ => ConsentStatus.Unspecified,
    };
}
