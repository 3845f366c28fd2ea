using Grpc.Core;

namespace CustomerNeeds.Client;

/// <summary>
/// Creation with a caller-chosen id under retries (docs/client-retries.md, "Creating with a caller-chosen id"):
/// when the first attempt was stored but its answer lost, the retry answers ALREADY_EXISTS; the resource is
/// there, so it is read and returned.
/// </summary>
public static class CreateOrGet
{
    /// <summary>
    /// Calls <paramref name="create"/>; on ALREADY_EXISTS calls <paramref name="get"/> and returns what it reads,
    /// with <c>Created = false</c>. Where another writer may choose the same id, compare the result with what
    /// was sent. Every other failure is thrown as it is.
    /// </summary>
    /// <example>
    /// <code>
    /// var (customer, created) = await CreateOrGet.RunAsync(
    ///     () => customers.CreateCustomerAsync(new() { CustomerId = id, Customer = profile }).ResponseAsync,
    ///     () => customers.GetCustomerAsync(new() { Name = "customers/" + id }).ResponseAsync);
    /// </code>
    /// </example>
    public static async Task<(T Resource, bool Created)> RunAsync<T>(Func<Task<T>> create, Func<Task<T>> get)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(get);
        try
        {
            return (await create().ConfigureAwait(false), true);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return (await get().ConfigureAwait(false), false);
        }
    }
}
