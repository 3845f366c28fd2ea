using CustomerNeeds.Server.Security.ApiKeys;

namespace CustomerNeeds.Server.Tests.ApiKeys;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void A_new_key_is_cnk_a_12_character_id_and_a_43_character_secret_and_parses_back()
    {
        var (id, secret) = (ApiKeyFormat.NewId(), ApiKeyFormat.NewSecret());
        var key = ApiKeyFormat.Compose(id, secret);

        Assert.Matches("^cnk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.True(ApiKeyFormat.TryParse(key, out var parsedId, out var parsedSecret));
        Assert.Equal(id, parsedId);
        Assert.Equal(secret, parsedSecret);
        Assert.Equal(32, Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=").Length);
    }

    [Fact]
    public void Ids_and_secrets_do_not_repeat()
    {
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => ApiKeyFormat.NewId()).Distinct().Count());
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => ApiKeyFormat.NewSecret()).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("cnk_")]
    [InlineData("cnx_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // prefix
    [InlineData("cnk_ABCDEFGHIJ01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // id not lower case
    [InlineData("cnk_abcdefghij0_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // id too short
    [InlineData("cnk_abcdefghij01-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // separator
    [InlineData("cnk_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // secret too short
    [InlineData("cnk_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // secret too long
    [InlineData("cnk_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padding
    [InlineData("cnk_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // not base64url
    [InlineData(" cnk_abcdefghij01_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // space
    public void Anything_else_does_not_parse(string key) => Assert.False(ApiKeyFormat.TryParse(key, out _, out _));

    [Fact]
    public void The_hash_is_sha256_of_the_secret_text_and_matches_only_that_secret()
    {
        var secret = ApiKeyFormat.NewSecret();
        var hash = ApiKeySecretHash.Of(secret);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)), hash);
        Assert.True(ApiKeySecretHash.Matches(secret, hash));
        Assert.False(ApiKeySecretHash.Matches(ApiKeyFormat.NewSecret(), hash));
        Assert.False(ApiKeySecretHash.Matches(secret, hash[..31]));
    }
}
