using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Services;

/// <summary>
/// PrivacyService (docs/privacy.md): consent and export (PrivacyApi.Consent.cs, PrivacyApi.Export.cs),
/// erasure (PrivacyApi.Erasure.cs). Each part takes what it needs from <paramref name="services"/>.
/// </summary>
public sealed partial class PrivacyApi(IGrainFactory grains, IServiceProvider services) : Contract.PrivacyService.PrivacyServiceBase
{
    private IGrainFactory Grains { get; } = grains;

    private IServiceProvider Services { get; } = services;
}
