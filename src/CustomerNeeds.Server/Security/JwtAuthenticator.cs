using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerNeeds.Server.Security;

/// <summary>
/// Validates JWT bearer tokens of internal tools against <see cref="JwtOptions"/>: signature (a configured
/// key), issuer, audience, lifetime (with clock skew). The caller is <c>jwt:{issuer}#{sub}</c> with the roles claim.
/// </summary>
public sealed class JwtAuthenticator
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters? parameters;
    private readonly JwtOptions options;

    public JwtAuthenticator(IOptions<SecurityOptions> security)
    {
        options = security.Value.Jwt;
        if (options.Issuer.Length == 0)
        {
            return;
        }

        parameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = options.ClockSkew,
            IssuerSigningKeys = options.SigningKeys.Select(ToSecurityKey).ToList(),
            ValidAlgorithms =
            [
                SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
                SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
            ],
        };
    }

    /// <summary>The token's caller, or why it was refused.</summary>
    public async ValueTask<(Caller? Caller, string? Failure)> AuthenticateAsync(string token)
    {
        if (parameters is null)
        {
            return (null, "Bearer tokens are not accepted by this server (no JWT issuer is configured).");
        }

        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }

        var subject = result.ClaimsIdentity.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return (null, "The bearer token has no subject (sub).");
        }

        var roles = result.ClaimsIdentity.FindAll(options.RolesClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(r => Role.All.Contains(r))
            .ToHashSet(StringComparer.Ordinal);
        return (new Caller($"jwt:{options.Issuer}#{subject}", CallerKind.Jwt, roles, null), null);
    }

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience.",
        SecurityTokenInvalidIssuerException => "The bearer token is from another issuer.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry (exp).",
        SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm that is not accepted.",
        _ => "The bearer token is not a valid JWT.",
    };

    private static SecurityKey ToSecurityKey(JwtSigningKeyOptions key)
    {
        SecurityKey securityKey;
        if (key.Secret.Length > 0)
        {
            var bytes = Convert.FromBase64String(key.Secret);
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException($"{SecurityOptions.Section}:Jwt:SigningKeys: a symmetric secret must be at least 32 bytes.");
            }

            securityKey = new SymmetricSecurityKey(bytes);
        }
        else if (key.PublicKeyPem.Contains("BEGIN", StringComparison.Ordinal))
        {
            securityKey = PemKey(key.PublicKeyPem);
        }
        else
        {
            throw new InvalidOperationException($"{SecurityOptions.Section}:Jwt:SigningKeys: each key needs Secret (base64) or PublicKeyPem.");
        }

        if (key.KeyId.Length > 0)
        {
            securityKey.KeyId = key.KeyId;
        }

        return securityKey;
    }

    private static SecurityKey PemKey(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (ArgumentException)
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
    }
}
