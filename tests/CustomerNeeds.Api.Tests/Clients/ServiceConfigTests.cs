using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerNeeds.Api.Tests.Security;
using CustomerNeeds.Client;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Clients;

/// <summary>
/// The retry policy file (protos/customerneeds/v1/service_config.json) is a valid gRPC service config, names
/// every unary method of the contract exactly once and no other, and says what docs/client-retries.md says.
/// </summary>
public sealed partial class ServiceConfigTests
{
    private const string ConfigPath = "protos/customerneeds/v1/service_config.json";

    [Fact]
    public void The_committed_file_is_the_one_the_client_library_embeds()
    {
        Assert.Equal(File.ReadAllText(RepositoryFile.Path(ConfigPath)), CustomerNeedsRetryPolicy.Json);
    }

    [Fact]
    public void Every_unary_method_of_the_contract_is_named_exactly_once_and_no_streaming_or_unknown_method_is()
    {
        var config = CustomerNeedsRetryPolicy.CreateServiceConfig();
        var named = config.MethodConfigs.SelectMany(m => m.Names).Select(n => $"{n.Service}/{n.Method}").ToList();
        Assert.All(config.MethodConfigs.SelectMany(m => m.Names), n => Assert.False(string.IsNullOrEmpty(n.Method), "a service-wide entry would hide a method's own rule"));
        Assert.Equal(named.Count, named.Distinct(StringComparer.Ordinal).Count());

        var unary = ContractMethods.All.Where(m => !m.IsClientStreaming && !m.IsServerStreaming).Select(m => m.FullName).ToHashSet(StringComparer.Ordinal);
        var streaming = ContractMethods.All.Where(m => m.IsClientStreaming || m.IsServerStreaming).Select(m => m.FullName).ToList();
        Assert.Equal(["customerneeds.v1.CustomerService.WatchCustomer", "customerneeds.v1.InteractionService.StreamInteractions", "customerneeds.v1.PrivacyService.ExportCustomer"], streaming.Order(StringComparer.Ordinal));

        var namedDotted = named.Select(n => n.Replace('/', '.')).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(namedDotted.Except(unary));
        Assert.Empty(unary.Except(namedDotted));
    }

    [Fact]
    public void Every_retry_policy_is_within_what_grpc_clients_accept_and_retries_only_transient_codes()
    {
        var config = CustomerNeedsRetryPolicy.CreateServiceConfig();
        Assert.Single(config.LoadBalancingConfigs, c => c.PolicyName == "round_robin");
        Assert.Null(config.RetryThrottling);
        foreach (var method in config.MethodConfigs)
        {
            Assert.Null(method.HedgingPolicy);
            var retry = Assert.IsType<Grpc.Net.Client.Configuration.RetryPolicy>(method.RetryPolicy);
            Assert.InRange(retry.MaxAttempts ?? 0, 2, 5);
            Assert.True(retry.InitialBackoff > TimeSpan.Zero);
            Assert.True(retry.MaxBackoff >= retry.InitialBackoff);
            Assert.True(retry.BackoffMultiplier > 0);
            Assert.NotEmpty(retry.RetryableStatusCodes);
            Assert.All(retry.RetryableStatusCodes, c => Assert.Contains(c, new[] { StatusCode.Unavailable, StatusCode.Aborted, StatusCode.ResourceExhausted }));
            Assert.Contains(StatusCode.ResourceExhausted, retry.RetryableStatusCodes);
        }

        // A plain JSON parser reads it too (other languages load the file as it is).
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFile.Path(ConfigPath)));
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("methodConfig").ValueKind);
    }

    [Fact]
    public void The_table_of_docs_client_retries_md_and_the_file_agree_method_by_method()
    {
        var doc = File.ReadAllText(RepositoryFile.Path("docs/client-retries.md"));
        var start = doc.IndexOf("<!-- retry-table:start -->", StringComparison.Ordinal);
        var end = doc.IndexOf("<!-- retry-table:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the table markers are missing");
        var rows = TableRow().Matches(doc[start..end]).ToDictionary(
            m => "customerneeds.v1." + m.Groups["method"].Value,
            m => m.Groups["codes"].Value.Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

        var file = CustomerNeedsRetryPolicy.RetryableCodes.ToDictionary(
            e => e.Key.Replace('/', '.'),
            e => e.Value.Select(CanonicalName).Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

        Assert.Equal(file.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (method, codes) in file)
        {
            Assert.True(codes.SequenceEqual(rows[method]), $"{method}: the file retries {string.Join(", ", codes)}, the doc says {string.Join(", ", rows[method])}");
        }
    }

    [Theory]
    [InlineData("/customerneeds.v1.InteractionService/RecordInteraction", StatusCode.Unavailable, true)]
    [InlineData("customerneeds.v1.InteractionService/RecordInteraction", StatusCode.Aborted, true)]
    [InlineData("/customerneeds.v1.InteractionService/RecordInteraction", StatusCode.InvalidArgument, false)]
    [InlineData("/customerneeds.v1.ComplaintService/TransitionComplaint", StatusCode.Unavailable, false)]
    [InlineData("/customerneeds.v1.ComplaintService/TransitionComplaint", StatusCode.ResourceExhausted, true)]
    [InlineData("/customerneeds.v1.CustomerService/GetCustomer", StatusCode.Aborted, false)]
    [InlineData("/customerneeds.v1.CustomerService/WatchCustomer", StatusCode.Unavailable, false)]
    [InlineData("/grpc.health.v1.Health/Check", StatusCode.Unavailable, false)]
    public void IsRetryable_answers_from_the_file(string method, StatusCode code, bool expected)
    {
        Assert.Equal(expected, CustomerNeedsRetryPolicy.IsRetryable(method, code));
    }

    /// <summary>The names the doc's table uses, for the only codes the policy may retry.</summary>
    private static string CanonicalName(StatusCode code) => code switch
    {
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.Aborted => "ABORTED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        _ => code.ToString(),
    };

    [GeneratedRegex(@"^\| `(?<method>[A-Za-z]+\.[A-Za-z]+)` \| (?<codes>[A-Z_, ]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
