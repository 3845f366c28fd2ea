using CustomerNeeds.Server.Security.ApiKeys;
using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Server.Tests.ApiKeys;

public sealed class VerifiedKeyCacheTests
{
    private static ApiKeyRow Row(string id) => new(id, "k", ["agent"], null, new byte[32], DateTimeOffset.UnixEpoch, "x", null, null, null);

    [Fact]
    public void A_disabled_cache_neither_answers_nor_keeps_rows()
    {
        var cache = new VerifiedKeyCache(10);
        cache.Add(Row("a"), cache.Generation);
        Assert.Null(cache.Find("a"));
        Assert.Equal(0, cache.Count);

        cache.Enable();
        cache.Add(Row("a"), cache.Generation);
        Assert.NotNull(cache.Find("a"));

        cache.Disable();
        Assert.Null(cache.Find("a"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_row_read_before_a_notification_or_a_reconnect_is_not_cached()
    {
        var cache = new VerifiedKeyCache(10);
        cache.Enable();

        var before = cache.Generation;
        cache.Drop("other");           // any notification while the row was read
        cache.Add(Row("a"), before);
        Assert.Null(cache.Find("a"));

        before = cache.Generation;
        cache.Enable();                // a reconnect while the row was read
        cache.Add(Row("a"), before);
        Assert.Null(cache.Find("a"));
    }

    [Fact]
    public void Enabling_clears_dropping_removes_and_a_full_cache_takes_no_more()
    {
        var cache = new VerifiedKeyCache(2);
        cache.Enable();
        cache.Add(Row("a"), cache.Generation);
        cache.Add(Row("b"), cache.Generation);
        cache.Add(Row("c"), cache.Generation);
        Assert.Equal(2, cache.Count);
        Assert.Null(cache.Find("c"));

        cache.Drop("a");
        Assert.Null(cache.Find("a"));
        Assert.NotNull(cache.Find("b"));

        cache.Enable();
        Assert.Equal(0, cache.Count);
    }
}
