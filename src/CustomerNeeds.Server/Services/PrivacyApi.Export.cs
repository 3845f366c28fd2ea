using CustomerNeeds.Abstractions;
using CustomerNeeds.Abstractions.Customers;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Server.Validation;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>
/// ExportCustomer (docs/privacy.md, Export): the customer, its loyalty, needs, complaints and
/// interactions, each read through the same grain calls as the ordinary reads, page by page, then
/// the summary. Only one page is held at a time.
/// </summary>
public sealed partial class PrivacyApi
{
    /// <summary>Items per grain read while exporting: the largest page of the ordinary list RPCs.</summary>
    internal const int ExportPageSize = FieldViolations.MaxPageSize;

    public override async Task ExportCustomer(
        Contract.ExportCustomerRequest request, IServerStreamWriter<Contract.ExportCustomerResponse> responseStream, ServerCallContext context)
    {
        var time = Services.GetRequiredService<TimeProvider>();
        var v = new FieldViolations(Services.GetRequiredService<CustomerPolicy>(), time);
        var requestedId = ResourceName.Customer(v, "name", request.Name);
        v.ThrowIfAny("ExportCustomer");

        var cancellation = context.CancellationToken;
        var summary = await Grains.GetGrain<ICustomerGrain>(requestedId).GetAsync(cancellation);
        var exportTime = time.GetUtcNow();

        // A merged customer's id is an alias: like GetCustomer, the export is of the customer it was merged into.
        var customerId = summary.Id;
        var customer = Grains.GetGrain<ICustomerGrain>(customerId);
        var counts = new Contract.ExportSummary
        {
            Etag = summary.Etag,
            ExportTime = TimeMapper.ToProto(exportTime),
            ConsentCount = summary.Consents?.Count ?? 0,
        };

        await responseStream.WriteAsync(new Contract.ExportCustomerResponse { Customer = CustomerMapper.ToProto(summary) }, cancellation);

        var loyalty = await customer.GetLoyaltyAsync(cancellation);
        await responseStream.WriteAsync(
            new Contract.ExportCustomerResponse { Loyalty = LoyaltyMapper.ToProto(customerId, loyalty, time.GetUtcNow()) }, cancellation);

        counts.NeedCount = await ExportNeedsAsync(customer, customerId, responseStream, cancellation);
        counts.ComplaintCount = await ExportComplaintsAsync(customer, customerId, responseStream, cancellation);
        counts.InteractionCount = await ExportInteractionsAsync(customer, customerId, responseStream, cancellation);

        await responseStream.WriteAsync(new Contract.ExportCustomerResponse { Summary = counts }, cancellation);
    }

    private static async Task<long> ExportNeedsAsync(
        ICustomerGrain customer, string customerId, IServerStreamWriter<Contract.ExportCustomerResponse> stream, CancellationToken cancellation)
    {
        long count = 0;
        var offset = 0;
        while (true)
        {
            var page = await customer.ListNeedsAsync(new NeedQuery(ExportPageSize, offset, [], [], [], []), cancellation);
            foreach (var need in page.Needs)
            {
                await stream.WriteAsync(new Contract.ExportCustomerResponse { Need = NeedMapper.ToProto(customerId, need, withHistory: true) }, cancellation);
                count++;
            }

            if (page.NextOffset is not { } next)
            {
                return count;
            }

            offset = next;
        }
    }

    private static async Task<long> ExportComplaintsAsync(
        ICustomerGrain customer, string customerId, IServerStreamWriter<Contract.ExportCustomerResponse> stream, CancellationToken cancellation)
    {
        long count = 0;
        ComplaintPosition? after = null;
        do
        {
            var page = await customer.ListComplaintsAsync(new ComplaintQuery(ExportPageSize, [], after), cancellation);
            foreach (var complaint in page.Complaints)
            {
                await stream.WriteAsync(new Contract.ExportCustomerResponse { Complaint = ComplaintMapper.ToProto(customerId, complaint) }, cancellation);
                count++;
            }

            after = page.Next;
        }
        while (after is not null);

        return count;
    }

    private static async Task<long> ExportInteractionsAsync(
        ICustomerGrain customer, string customerId, IServerStreamWriter<Contract.ExportCustomerResponse> stream, CancellationToken cancellation)
    {
        long count = 0;
        HistoryPosition? after = null;
        do
        {
            var page = await customer.ListInteractionsAsync(new InteractionQuery(ExportPageSize, [], [], null, null, after), cancellation);
            foreach (var interaction in page.Interactions)
            {
                await stream.WriteAsync(new Contract.ExportCustomerResponse { Interaction = InteractionMapper.ToProto(customerId, interaction) }, cancellation);
                count++;
            }

            after = page.Next;
        }
        while (after is not null);

        return count;
    }
}
