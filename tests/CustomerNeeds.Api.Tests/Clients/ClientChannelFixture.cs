using CustomerNeeds.Api.Tests.Durability;

namespace CustomerNeeds.Api.Tests.Clients;

/// <summary>
/// One server for the client channel tests, with the analyst rate set low (1 call/s, burst 1) so that a
/// test can meet the rate limiter; the other roles keep the lifted test limits.
/// </summary>
public sealed class ClientChannelFixture : IAsyncLifetime
{
    private OwnServer? own;

    public OwnServer Own => own ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => own = await OwnServer.StartAsync(new Dictionary<string, string>
    {
        ["CustomerNeeds__Security__RateLimits__analyst__PermitsPerSecond"] = "1",
        ["CustomerNeeds__Security__RateLimits__analyst__Burst"] = "1",
    });

    public async Task DisposeAsync()
    {
        if (own is not null)
        {
            await own.DisposeAsync();
        }
    }
}
