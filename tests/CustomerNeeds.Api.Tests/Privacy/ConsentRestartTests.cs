using CustomerNeeds.Api.Tests.Durability;
using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>Acknowledged consents survive a SIGKILL of the server, from the snapshot and from the log.</summary>
[Collection(DurabilityCollection.Name)]
public sealed class ConsentRestartTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Consents_read_back_identically_after_a_kill_and_restart(bool snapshotEveryEvent)
    {
        await using var own = await OwnServer.StartAsync(
            snapshotEveryEvent ? new Dictionary<string, string> { ["CustomerNeeds__SnapshotInterval"] = "1" } : null);
        var api = own.Clients;
        var (id, _) = await api.CreateCustomerAsync();
        await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Granted, TestData.At(TimeSpan.FromHours(1)), "webshop");
        await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Revoked, TestData.At(TimeSpan.FromHours(2)), "call-center");
        await api.SetConsentAsync(id, "profiling", ConsentStatus.Denied, source: "app");
        var before = await api.GetCustomerAsync(id);

        await own.KillAndRestartAsync();

        var after = await api.GetCustomerAsync(id);
        Assert.Equal(before.Etag, after.Etag);
        Assert.Equal(2, after.Consents.Count);
        Assert.Equal(before.Consents, after.Consents);

        // The restored consents keep their rules: REVOKED is only for a GRANTED one.
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.FailedPrecondition, () => api.SetConsentAsync(id, "profiling", ConsentStatus.Revoked));
        Assert.Equal(ConsentStatus.Granted, (await api.SetConsentAsync(id, "marketing-email", ConsentStatus.Granted)).Status);
    }
}
