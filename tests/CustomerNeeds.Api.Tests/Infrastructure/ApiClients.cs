using CustomerNeeds.Api.V1;
using Grpc.Core;
using Grpc.Health.V1;

namespace CustomerNeeds.Api.Tests.Infrastructure;

/// <summary>The generated clients of every service, over one channel.</summary>
public sealed class ApiClients(ChannelBase channel)
{
    public CallInvoker Invoker { get; } = channel.CreateCallInvoker();

    public CustomerService.CustomerServiceClient Customers { get; } = new(channel);

    public NeedService.NeedServiceClient Needs { get; } = new(channel);

    public InteractionService.InteractionServiceClient Interactions { get; } = new(channel);

    public ComplaintService.ComplaintServiceClient Complaints { get; } = new(channel);

    public LoyaltyService.LoyaltyServiceClient Loyalty { get; } = new(channel);

    public SegmentService.SegmentServiceClient Segments { get; } = new(channel);
    public AnalyticsService.AnalyticsServiceClient Analytics { get; } = new(channel);

    public KanoService.KanoServiceClient Kano { get; } = new(channel);

    public Health.HealthClient Health { get; } = new(channel);
}
