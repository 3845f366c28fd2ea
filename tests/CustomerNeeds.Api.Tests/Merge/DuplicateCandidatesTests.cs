using CustomerNeeds.Api.Tests.Infrastructure;
using CustomerNeeds.Api.V1;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Merge;

/// <summary>ListDuplicateCandidates and the read model of merged customers, through the real RPCs.</summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicateCandidatesTests(ServerFixture fixture)
{
    private readonly ApiClients api = fixture.Clients;

    [Fact]
    public async Task Customers_sharing_a_phone_email_or_external_id_are_grouped_until_merged()
    {
        var mark = Guid.NewGuid().ToString("N");
        var digits = "+4179" + (Math.Abs(mark.GetHashCode(StringComparison.Ordinal)) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var spaced = digits[..5] + " " + digits[5..8] + " " + digits[8..];
        var (a, _) = await api.CreateCustomerAsync(Profile(mark, phones: [spaced], emails: [$"Anna.{mark}@Example.com"]));
        var (b, _) = await api.CreateCustomerAsync(Profile(mark, phones: [digits]));
        var (c, _) = await api.CreateCustomerAsync(Profile(mark, emails: [$" anna.{mark}@example.com "]));
        var (d, _) = await api.CreateCustomerAsync(Profile(mark, external: ("webshop", "u-" + mark)));
        var (e, _) = await api.CreateCustomerAsync(Profile(mark, external: ("WebShop", "u-" + mark)));
        var (f, _) = await api.CreateCustomerAsync(Profile(mark, emails: [$"other.{mark}@example.com"]));

        var groups = Ours(await ListAllAsync(pageSize: 2), mark, digits);
        Assert.Equal(3, groups.Count);
        Assert.Equal(Sorted(a, b), Single(groups, IdentityKeyKind.Phone, digits).Customers.Order(StringComparer.Ordinal));
        Assert.Equal(Sorted(a, c), Single(groups, IdentityKeyKind.Email, $"anna.{mark}@example.com").Customers.Order(StringComparer.Ordinal));
        var external = Single(groups, IdentityKeyKind.ExternalId, "webshop:u-" + mark);
        Assert.Equal(Sorted(d, e), external.Customers.Order(StringComparer.Ordinal));
        Assert.Equal(2, external.CustomerCount);
        Assert.DoesNotContain(groups, g => g.Customers.Contains(Name(f)));

        // Merged: c is no duplicate any more, and it leaves the search as a customer of its own.
        await api.MergeAsync(c, a);
        groups = Ours(await ListAllAsync(pageSize: 50), mark, digits);
        Assert.Equal(2, groups.Count);
        Assert.DoesNotContain(groups, g => g.Kind == IdentityKeyKind.Email);
        var found = await api.Customers.ListCustomersAsync(new ListCustomersRequest { Filter = $"tags:\"{mark}\"", PageSize = 50 }, deadline: Calls.Deadline());
        Assert.Equal(new[] { a, b, d, e, f }.Select(Name).Order(StringComparer.Ordinal), found.Customers.Select(x => x.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Bad_paging_is_invalid()
    {
        await RpcAssert.InvalidAsync(
            () => api.Customers.ListDuplicateCandidatesAsync(new ListDuplicateCandidatesRequest { PageSize = -1 }, deadline: Calls.Deadline()).ResponseAsync,
            "page_size");
        await RpcAssert.InvalidAsync(
            () => api.Customers.ListDuplicateCandidatesAsync(new ListDuplicateCandidatesRequest { PageToken = "not-a-token" }, deadline: Calls.Deadline()).ResponseAsync,
            "page_token");
    }

    private static string Name(string id) => TestData.CustomerName(id);

    private static IEnumerable<string> Sorted(params string[] ids) => ids.Select(Name).Order(StringComparer.Ordinal);

    private static Customer Profile(string mark, string[]? phones = null, string[]? emails = null, (string Channel, string Id)? external = null)
    {
        var profile = TestData.MinimalProfile();
        profile.Tags.Add(mark);
        profile.PhoneNumbers.Add(phones ?? []);
        profile.EmailAddresses.Add(emails ?? []);
        if (external is { } x)
        {
            profile.ExternalIds.Add(x.Channel, x.Id);
        }

        return profile;
    }

    private static List<DuplicateCandidateGroup> Ours(List<DuplicateCandidateGroup> all, string mark, string digits) =>
        all.Where(g => g.Value.Contains(mark, StringComparison.Ordinal) || g.Value == digits).ToList();

    private static DuplicateCandidateGroup Single(List<DuplicateCandidateGroup> groups, IdentityKeyKind kind, string value) =>
        Assert.Single(groups, g => g.Kind == kind && g.Value == value);

    private async Task<List<DuplicateCandidateGroup>> ListAllAsync(int pageSize)
    {
        var all = new List<DuplicateCandidateGroup>();
        var request = new ListDuplicateCandidatesRequest { PageSize = pageSize };
        for (var pages = 1; ; pages++)
        {
            var page = await api.Customers.ListDuplicateCandidatesAsync(request, deadline: Calls.Deadline());
            Assert.True(page.Groups.Count <= pageSize);
            all.AddRange(page.Groups);
            Assert.True(pages <= 10_000, "ListDuplicateCandidates never ends.");
            if (page.NextPageToken.Length == 0)
            {
                Assert.Equal(all.Select(g => (g.Kind, g.Value)).Distinct().Count(), all.Count);
                return all;
            }

            request = request.Clone();
            request.PageToken = page.NextPageToken;
        }
    }
}
