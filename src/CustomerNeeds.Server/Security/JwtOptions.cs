namespace CustomerNeeds.Server.Security;

/// <summary>Section <c>CustomerNeeds:Security:Jwt</c>: who issues bearer tokens and with which keys.</summary>
public sealed class JwtOptions
{
    /// <summary>The required <c>iss</c>. Empty: bearer tokens are refused.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The required <c>aud</c>.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The keys tokens may be signed with.</summary>
    public List<JwtSigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>The claim that lists the caller's roles.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>Tolerated clock difference for <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>One signing key: a symmetric secret (base64, HS256) or a public key in PEM (RSA or EC).</summary>
public sealed class JwtSigningKeyOptions
{
    /// <summary>The key id (<c>kid</c>) tokens name; optional.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>A symmetric secret in base64, at least 32 bytes.</summary>
    public string Secret { get; set; } = "";

    /// <summary>An RSA or EC public key in PEM.</summary>
    public string PublicKeyPem { get; set; } = "";
}
