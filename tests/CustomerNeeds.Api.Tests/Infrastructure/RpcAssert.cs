using Google.Rpc;
using Grpc.Core;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>Assertions on gRPC errors.</summary>
public static class RpcAssert
{
    /// <summary>Asserts that <paramref name="call"/> fails with <paramref name="code"/>; returns the exception.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        RpcException? caught = null;
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            caught = ex;
        }

        Assert.True(caught is not null, $"Expected {code}, but the call succeeded.");
        Assert.True(caught.StatusCode == code, $"Expected {code}, got {caught.StatusCode}: {caught.Status.Detail}");
        return caught;
    }

    /// <summary>The field violations of the google.rpc.BadRequest in the status details (asserted present).</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        Assert.True(status is not null, $"{ex.StatusCode} carries no google.rpc.Status in grpc-status-details-bin (detail: {ex.Status.Detail}).");
        Assert.Equal((int)ex.StatusCode, status.Code);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.True(badRequest is not null, $"The google.rpc.Status carries no google.rpc.BadRequest (message: {status.Message}).");
        foreach (var violation in badRequest.FieldViolations)
        {
            Assert.False(string.IsNullOrWhiteSpace(violation.Description), $"Violation of {violation.Field} has no description.");
        }

        return badRequest.FieldViolations;
    }

    /// <summary>
    /// Asserts INVALID_ARGUMENT with exactly one violation per field in <paramref name="fields"/>
    /// (order ignored, no extra violations).
    /// </summary>
    public static async Task<RpcException> InvalidAsync(Func<Task> call, params string[] fields)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var actual = Violations(ex).Select(v => v.Field).Order(StringComparer.Ordinal).ToArray();
        var expected = fields.Order(StringComparer.Ordinal).ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected violations [{string.Join(", ", expected)}], got [{string.Join(", ", Violations(ex).Select(v => $"{v.Field}: {v.Description}"))}]");
        return ex;
    }

    /// <summary>Asserts INVALID_ARGUMENT whose violations all name fields starting with <paramref name="prefix"/> (at least one).</summary>
    public static async Task<RpcException> InvalidUnderAsync(Func<Task> call, string prefix)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var violations = Violations(ex);
        Assert.True(violations.Count > 0 && violations.All(v => v.Field.StartsWith(prefix, StringComparison.Ordinal)),
            $"Expected violations under '{prefix}', got [{string.Join(", ", violations.Select(v => $"{v.Field}: {v.Description}"))}]");
        return ex;
    }
}
