using CustomerNeeds.Domain;
using CustomerNeeds.Server.Mapping;
using CustomerNeeds.Storage.Analytics;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>Checks of the KanoService requests.</summary>
public static class KanoValidation
{
    public const int MaxDisplayName = 200;
    public const int MaxQuestion = 1000;

    /// <summary>The paths UpdateKanoFeature accepts in update_mask.</summary>
    public static readonly IReadOnlyCollection<string> UpdatablePaths = ["display_name", "functional_question", "dysfunctional_question"];

    /// <summary>CreateKanoFeature: feature_id and every field.</summary>
    public static void CheckCreate(FieldViolations v, Contract.CreateKanoFeatureRequest request)
    {
        if (!ResourceId.IsValid(request.FeatureId))
        {
            v.Add("feature_id", "is required: 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }

        if (request.KanoFeature is null)
        {
            v.Add("kano_feature", "is required");
            return;
        }

        v.Required("kano_feature.display_name", request.KanoFeature.DisplayName, MaxDisplayName);
        v.Required("kano_feature.functional_question", request.KanoFeature.FunctionalQuestion, MaxQuestion);
        v.Required("kano_feature.dysfunctional_question", request.KanoFeature.DysfunctionalQuestion, MaxQuestion);
    }

    /// <summary>UpdateKanoFeature: the name, the mask, the named fields and the etag; returns the feature id and the edit.</summary>
    public static (string FeatureId, KanoFeatureEdit Edit, long? Etag) CheckUpdate(FieldViolations v, Contract.UpdateKanoFeatureRequest request)
    {
        if (request.KanoFeature is null)
        {
            v.Add("kano_feature", "is required");
            v.UpdateMask(request.UpdateMask, UpdatablePaths);
            return ("", new KanoFeatureEdit(null, null, null), null);
        }

        var feature = request.KanoFeature;
        var featureId = ResourceName.KanoFeature(v, "kano_feature.name", feature.Name);
        var paths = v.UpdateMask(request.UpdateMask, UpdatablePaths);
        string? Field(string path, string value, int max) =>
            paths.Contains(path) && v.Required("kano_feature." + path, value, max) ? value : null;
        var edit = new KanoFeatureEdit(
            Field("display_name", feature.DisplayName, MaxDisplayName),
            Field("functional_question", feature.FunctionalQuestion, MaxQuestion),
            Field("dysfunctional_question", feature.DysfunctionalQuestion, MaxQuestion));
        return (featureId, edit, Etag(v, "kano_feature.etag", feature.Etag));
    }

    /// <summary>An optional etag as this service writes it (a positive decimal number); null when empty.</summary>
    public static long? Etag(FieldViolations v, string field, string? etag)
    {
        if (string.IsNullOrEmpty(etag))
        {
            return null;
        }

        if (!KanoMapper.TryParseEtag(etag, out var value))
        {
            v.Add(field, "is not an etag returned by this service");
            return null;
        }

        return value;
    }

    /// <summary>RecordKanoStaffBelief: parent, staff_id and both answers; returns the feature id.</summary>
    public static string CheckBelief(FieldViolations v, Contract.RecordKanoStaffBeliefRequest request)
    {
        var featureId = ResourceName.KanoFeature(v, "parent", request.Parent);
        if (!ResourceId.IsValid(request.StaffId))
        {
            v.Add("staff_id", "is required: 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }

        v.Enum("functional", request.Functional, required: true);
        v.Enum("dysfunctional", request.Dysfunctional, required: true);
        return featureId;
    }
}
