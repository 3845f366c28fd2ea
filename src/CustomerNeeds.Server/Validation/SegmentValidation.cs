using System.Globalization;
using CustomerNeeds.Domain;
using CustomerNeeds.Search.Customers;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Validation;

/// <summary>The rules of segment_service.proto for incoming requests.</summary>
public static class SegmentValidation
{
    /// <summary>Longest display name.</summary>
    public const int MaxDisplayNameLength = 200;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 2_000;

    /// <summary>The update_mask paths of UpdateSegmentRequest.</summary>
    public static IReadOnlyList<string> MaskPaths { get; } = ["display_name", "description", "filter"];

    /// <summary>CreateSegmentRequest: segment_id and every field of the segment.</summary>
    public static void CheckCreate(FieldViolations v, CustomerFilterChecker checker, Contract.CreateSegmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(request);
        if (!ResourceId.IsValid(request.SegmentId))
        {
            v.Add("segment_id", string.IsNullOrEmpty(request.SegmentId)
                ? "is required"
                : "must be 1 to 128 characters of letters, digits, '-', '_' and '.'");
        }

        if (request.Segment is null)
        {
            v.Add("segment", "is required");
            return;
        }

        foreach (var path in MaskPaths)
        {
            CheckField(v, checker, request.Segment, path);
        }
    }

    /// <summary>UpdateSegmentRequest: segment.name, segment.etag, the update_mask and the masked fields.</summary>
    public static (string SegmentId, IReadOnlyList<string> MaskPaths, long? Etag) CheckUpdate(
        FieldViolations v, CustomerFilterChecker checker, Contract.UpdateSegmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(request);
        var paths = v.UpdateMask(request.UpdateMask, MaskPaths.ToArray());
        if (request.Segment is null)
        {
            v.Add("segment", "is required");
            return ("", paths, null);
        }

        var id = SegmentName.Parse(v, "segment.name", request.Segment.Name);
        var etag = Etag(v, "segment.etag", request.Segment.Etag);
        foreach (var path in paths)
        {
            CheckField(v, checker, request.Segment, path);
        }

        return (id, paths, etag);
    }

    /// <summary>An optional etag: empty is null; otherwise a positive decimal counter, or null after adding a violation.</summary>
    public static long? Etag(FieldViolations v, string field, string? etag)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrEmpty(etag))
        {
            return null;
        }

        if (long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        v.Add(field, "is not an etag of a segment (a decimal counter as returned in Segment.etag)");
        return null;
    }

    private static void CheckField(FieldViolations v, CustomerFilterChecker checker, Contract.Segment segment, string path)
    {
        var field = "segment." + path;
        switch (path)
        {
            case "display_name":
                v.Required(field, segment.DisplayName, MaxDisplayNameLength);
                break;
            case "description":
                v.MaxLength(field, segment.Description, MaxDescriptionLength);
                break;
            case "filter":
                SearchValidation.Filter(v, checker, field, segment.Filter);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(path), path, "not a segment field");
        }
    }
}
