using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>
/// JWT bearer tokens for the test servers: every <see cref="ServerProcess"/> trusts <see cref="Issuer"/>,
/// <see cref="Audience"/> and one symmetric key made for this test run. <see cref="Default"/> holds the
/// roles agent, analyst and admin, so the shared channels can call every RPC but the channel-only paths.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://identity.tests.customerneeds.invalid";
    public const string Audience = "customerneeds";
    public const string KeyId = "tests-1";

    /// <summary>The signing key the test servers trust, base64 (made once per test run).</summary>
    public static string SecretBase64 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A token with the roles agent, analyst and admin, valid for a day.</summary>
    public static string Default { get; } = Create(["agent", "analyst", "admin"], subject: "api-tests");

    /// <summary>The environment settings that make a server trust these tokens.</summary>
    public static IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CustomerNeeds__Security__Jwt__Issuer"] = Issuer,
        ["CustomerNeeds__Security__Jwt__Audience"] = Audience,
        ["CustomerNeeds__Security__Jwt__SigningKeys__0__KeyId"] = KeyId,
        ["CustomerNeeds__Security__Jwt__SigningKeys__0__Secret"] = SecretBase64,
    };

    /// <summary>A token; every part can be made wrong for the tests of refusals.</summary>
    public static string Create(
        IReadOnlyList<string> roles,
        string subject = "tool-1",
        DateTime? expires = null,
        DateTime? notBefore = null,
        string issuer = Issuer,
        string audience = Audience,
        string? secretBase64 = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddDays(1);
        var nbf = notBefore ?? (exp < now ? exp.AddHours(-1) : now.AddMinutes(-1));
        var key = new SymmetricSecurityKey(Convert.FromBase64String(secretBase64 ?? SecretBase64)) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = exp,
            NotBefore = nbf,
            IssuedAt = nbf,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = roles.ToArray() },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
