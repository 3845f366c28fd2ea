using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.Tests.Merge;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Privacy;

/// <summary>What EraseCustomer refuses, and that a refusal erases nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class EraseCustomerRefusalTests(ServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    private ApiClients Api => fixture.Clients;

    [Fact]
    public async Task Erasing_a_merged_source_is_refused_and_erases_nothing()
    {
        var (target, _) = await Api.CreateCustomerAsync();
        var (source, _) = await Api.CreateCustomerAsync();
        await Api.MergeAsync(source, target);

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Server.EraseAsync(source));
        Assert.Contains($"erase the target '{target}'", ex.Status.Detail, StringComparison.Ordinal);

        // Both are still there: the source as an alias of the target.
        Assert.Equal(TestData.CustomerName(target), (await Api.GetCustomerAsync(source)).Name);
        Assert.Equal(TestData.CustomerName(target), (await Api.GetCustomerAsync(target)).Name);
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Server.EraseAsync(TestData.NewCustomerId()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_reason_is_invalid_and_erases_nothing(string reason)
    {
        var (id, created) = await Api.CreateCustomerAsync();
        await RpcAssert.InvalidAsync(() => Server.EraseAsync(id, reason), "reason");
        Assert.Equal(created.Etag, (await Api.GetCustomerAsync(id)).Etag);
    }

    [Fact]
    public async Task A_reason_over_256_characters_is_invalid_and_one_of_256_is_taken()
    {
        var (id, _) = await Api.CreateCustomerAsync();
        await RpcAssert.InvalidAsync(() => Server.EraseAsync(id, new string('r', 257)), "reason");
        await Api.GetCustomerAsync(id);

        var erased = await Server.EraseAsync(id, new string('r', 256));
        Assert.Equal(1, erased.ErasedCustomerCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("customer/c-1")]
    [InlineData("customers/")]
    public async Task A_malformed_name_is_invalid(string name)
    {
        await RpcAssert.InvalidAsync(
            () => Server.Privacy().EraseCustomerAsync(new EraseCustomerRequest { Name = name, Reason = "why" }, deadline: Calls.Deadline()).ResponseAsync,
            "name");
    }

    [Fact]
    public async Task An_erased_customer_cannot_be_merged_into_or_updated()
    {
        var (erasedId, _) = await Api.CreateCustomerAsync();
        var (other, _) = await Api.CreateCustomerAsync();
        await Server.EraseAsync(erasedId);

        // The merge checks that its target exists: it does not, and the source is left as it was.
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Api.MergeAsync(other, erasedId));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => Api.MergeAsync(erasedId, other));
        await ErasureCalls.RefusedAsErasedAsync(() => Api.Customers.UpdateCustomerAsync(
            new UpdateCustomerRequest { Customer = new Customer { Name = TestData.CustomerName(erasedId), DisplayName = "Back" }, UpdateMask = new() { Paths = { "display_name" } } },
            deadline: Calls.Deadline()).ResponseAsync);
        Assert.Equal(TestData.CustomerName(other), (await Api.GetCustomerAsync(other)).Name);
    }
}
