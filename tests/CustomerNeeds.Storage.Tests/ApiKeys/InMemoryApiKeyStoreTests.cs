using CustomerNeeds.Storage.ApiKeys;

namespace CustomerNeeds.Storage.Tests.ApiKeys;

public sealed class InMemoryApiKeyStoreTests : ApiKeyStoreContract
{
    protected override Task<IApiKeyStore> CreateStoreAsync() => Task.FromResult<IApiKeyStore>(new InMemoryApiKeyStore());
}
