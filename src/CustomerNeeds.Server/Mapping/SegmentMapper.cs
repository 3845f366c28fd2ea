using System.Globalization;
using CustomerNeeds.Server.Validation;
using CustomerNeeds.Storage.Segments;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>Segment rows to the Segment resource.</summary>
public static class SegmentMapper
{
    public static Contract.Segment ToProto(SegmentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Contract.Segment
        {
            Name = SegmentName.For(row.SegmentId),
            DisplayName = row.DisplayName,
            Description = row.Description,
            Filter = row.Filter,
            Etag = row.Etag.ToString(CultureInfo.InvariantCulture),
            CreateTime = TimeMapper.ToProto(new DateTimeOffset(row.CreatedAt, TimeSpan.Zero)),
            UpdateTime = TimeMapper.ToProto(new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero)),
        };
    }
}
