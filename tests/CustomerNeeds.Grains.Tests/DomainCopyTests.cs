using CustomerNeeds.Abstractions;
using CustomerNeeds.Domain.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace CustomerNeeds.Grains.Tests;

/// <summary>Domain values cross an in-process grain call without a copy, and still serialize as JSON between processes.</summary>
public sealed class DomainCopyTests
{
    private readonly ServiceProvider services = new ServiceCollection()
        .AddSerializer(s => s.AddCustomerNeedsDomainTypes())
        .BuildServiceProvider();

    [Fact]
    public void A_domain_value_is_handed_over_not_copied()
    {
        var interaction = Samples.Purchase("i-1", 1);

        var copy = services.GetRequiredService<DeepCopier>().Copy(interaction);

        Assert.Same(interaction, copy);
    }

    [Fact]
    public void A_domain_value_still_round_trips_through_the_serializer()
    {
        var interaction = Samples.Purchase("i-1", 1);
        var serializer = services.GetRequiredService<Serializer<Interaction>>();

        var back = serializer.Deserialize(serializer.SerializeToArray(interaction))!;

        Assert.NotSame(interaction, back);
        Assert.Equal(interaction.InteractionId, back.InteractionId);
        Assert.Equal(interaction.Amount!.Amount, back.Amount!.Amount);
        Assert.Equal(interaction.OccurTime, back.OccurTime);
    }
}
