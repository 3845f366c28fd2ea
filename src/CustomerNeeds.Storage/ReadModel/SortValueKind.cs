namespace CustomerNeeds.Storage.ReadModel;

/// <summary>How a sort column's value is read, written into a cursor and passed back as a parameter.</summary>
public enum SortValueKind
{
    /// <summary>Text, compared with the column's collation.</summary>
    Text,

    /// <summary>An instant (timestamptz), kept to the microsecond.</summary>
    Timestamp,

    /// <summary>A whole number (smallint, integer, bigint).</summary>
    Integer,

    /// <summary>A double precision number.</summary>
    Number,
}
