using System.Text.Json;
using CustomerNeeds.Search;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Search.Values;
using NpgsqlTypes;

namespace CustomerNeeds.Storage.ReadModel;

/// <summary>
/// Translates a checked <see cref="CustomerFilter"/> into a SQL predicate over
/// <c>customer_summaries</c> (and <c>EXISTS</c> over <c>customer_summary_needs</c> for
/// <c>needs.*</c>), with every value as a parameter. The predicate is two-valued: it is never
/// NULL, so a restriction on a value the customer does not have is false and its <c>NOT</c> is
/// true (docs/filtering.md). Restrictions are written so that the indexes of migration 0004 apply:
/// B-tree comparisons on the column itself, <c>@&gt;</c> for tags, value types, attributes and
/// need title words.
/// </summary>
/// <remarks>
/// Reusable by any query over customers: pass the alias the query gives <c>customer_summaries</c>
/// and the command's <see cref="SqlParameters"/>, and put the returned text into its WHERE clause.
/// </remarks>
public static class CustomerFilterSql
{
    private const string NeedAlias = "need_";

    /// <summary>
    /// The predicate of <paramref name="filter"/> over the row <paramref name="alias"/> of
    /// <c>customer_summaries</c>; <c>TRUE</c> for no filter. Values are added to <paramref name="parameters"/>.
    /// </summary>
    public static string Predicate(CustomerFilter? filter, string alias, SqlParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var translation = new Translation(SqlAlias.Checked(alias), parameters);
        return filter is null ? "TRUE" : translation.Of(filter);
    }

    /// <summary>The predicate with a parameter list of its own (placeholders from <c>$1</c>).</summary>
    public static SqlFragment Translate(CustomerFilter? filter, string alias)
    {
        var parameters = new SqlParameters();
        return new SqlFragment(Predicate(filter, alias, parameters), parameters);
    }

    private sealed class Translation(string alias, SqlParameters parameters)
    {
        public string Of(CustomerFilter filter) => filter switch
        {
            AllOf all => "(" + string.Join(" AND ", all.Operands.Select(Of)) + ")",
            AnyOf any => "(" + string.Join(" OR ", any.Operands.Select(Of)) + ")",
            Negation not => "(NOT " + Of(not.Operand) + ")",
            FieldComparison comparison when comparison.Field.Scope == FieldScope.AnyNeed => AnyNeed($"{NeedAlias}.{NeedColumn(comparison.Field.Id)} = {Value(comparison.Value)}"),
            FieldComparison { Field.Id: CustomerFieldId.Tier } tier => Tier(tier),
            FieldComparison comparison => Comparison(comparison),
            ListContains contains => $"{alias}.{ListColumn(contains.Field.Id)} @> {ListElement(contains.Field.Id, contains.Element)}",
            FieldPresent present => Present(present),
            AttributeComparison attribute => Attribute(attribute),
            NeedTitleWords title => AnyNeed($"{NeedAlias}.title_words @> {parameters.Add(title.Words.ToArray())}"),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "unknown filter node"),
        };

        private string Comparison(FieldComparison comparison)
        {
            var (column, nullable) = ScalarColumn(comparison.Field.Id);
            var test = $"{alias}.{column} {Operator(comparison.Comparator)} {Value(comparison.Value)}";
            return nullable ? $"({alias}.{column} IS NOT NULL AND {test})" : test;
        }

        /// <summary>Tiers compare by rank in the configured policy: the names that satisfy the comparison.</summary>
        private string Tier(FieldComparison comparison)
        {
            var rank = ((EnumValue)comparison.Value).Number;
            var names = comparison.Field.Values
                .Where(v => Holds(v.Number.CompareTo(rank), comparison.Comparator))
                .Select(v => v.Name)
                .ToArray();
            return $"({alias}.tier IS NOT NULL AND {alias}.tier = ANY({parameters.Add(names)}))";
        }

        private string Present(FieldPresent present) => present.Field.Id switch
        {
            CustomerFieldId.Attributes when present.Key is { } key => $"{alias}.attributes ? {parameters.Add(key)}",
            CustomerFieldId.Attributes => $"{alias}.attributes <> '{{}}'::jsonb",
            var id => $"cardinality({alias}.{ListColumn(id)}) > 0",
        };

        private string Attribute(AttributeComparison attribute)
        {
            var pair = JsonSerializer.Serialize(new Dictionary<string, string> { [attribute.Key] = attribute.Value.Text });
            var contains = $"{alias}.attributes @> {parameters.Add(pair, NpgsqlDbType.Jsonb)}";
            return attribute.Comparator switch
            {
                Comparator.Equal => contains,
                Comparator.NotEqual => $"({alias}.attributes ? {parameters.Add(attribute.Key)} AND NOT {contains})",
                var other => throw new ArgumentOutOfRangeException(nameof(attribute), other, "attributes compare with = or != only"),
            };
        }

        private string AnyNeed(string condition) =>
            $"EXISTS (SELECT 1 FROM customer_summary_needs {NeedAlias} WHERE {NeedAlias}.customer_id = {alias}.customer_id AND {condition})";

        private string Value(FieldValue value) => value switch
        {
            EnumValue e => parameters.Add((short)e.Number),
            IntegerValue i => parameters.Add(i.Value),
            NumberValue n => parameters.Add(n.Value),
            TextValue t => parameters.Add(t.Text),
            TimestampValue t => parameters.Add(t.Value.UtcDateTime),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown value type"),
        };

        private string ListElement(CustomerFieldId id, FieldValue element) => (id, element) switch
        {
            (CustomerFieldId.Tags, TextValue t) => parameters.Add(new[] { t.Text }),
            (CustomerFieldId.ValueTypes, EnumValue e) => parameters.Add(new[] { (short)e.Number }),
            _ => throw new ArgumentOutOfRangeException(nameof(element), element, $"no list element of {id}"),
        };
    }

    private static (string Column, bool Nullable) ScalarColumn(CustomerFieldId id) => id switch
    {
        CustomerFieldId.Kind => ("kind", false),
        CustomerFieldId.RelationshipMode => ("relationship_mode", false),
        CustomerFieldId.Industry => ("industry", true),
        CustomerFieldId.Region => ("region", true),
        CustomerFieldId.LadderStage => ("ladder_stage", false),
        CustomerFieldId.ChurnRiskScore => ("churn_risk_score", false),
        CustomerFieldId.ChurnRiskLevel => ("churn_risk_level", false),
        CustomerFieldId.CsatMean => ("csat_mean", true),
        CustomerFieldId.CsatCount => ("csat_count", false),
        CustomerFieldId.NpsScore => ("nps_score", true),
        CustomerFieldId.LastNps => ("last_nps", true),
        CustomerFieldId.NpsCategory => ("nps_category", true),
        CustomerFieldId.OpenComplaintCount => ("open_complaint_count", false),
        CustomerFieldId.LastInteractionTime => ("last_interaction_at", true),
        CustomerFieldId.CreateTime => ("created_at", false),
        CustomerFieldId.UpdateTime => ("updated_at", false),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a single-valued customer field"),
    };

    private static string ListColumn(CustomerFieldId id) => id switch
    {
        CustomerFieldId.Tags => "tags",
        CustomerFieldId.ValueTypes => "value_types",
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a list field"),
    };

    private static string NeedColumn(CustomerFieldId id) => id switch
    {
        CustomerFieldId.NeedType => "type",
        CustomerFieldId.NeedArea => "area",
        CustomerFieldId.NeedKanoClass => "kano_class",
        CustomerFieldId.NeedStatus => "status",
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a need field"),
    };

    private static string Operator(Comparator comparator) => comparator switch
    {
        Comparator.Equal => "=",
        Comparator.NotEqual => "<>",
        Comparator.Less => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Greater => ">",
        Comparator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "not a comparison"),
    };

    private static bool Holds(int comparison, Comparator comparator) => comparator switch
    {
        Comparator.Equal => comparison == 0,
        Comparator.NotEqual => comparison != 0,
        Comparator.Less => comparison < 0,
        Comparator.LessOrEqual => comparison <= 0,
        Comparator.Greater => comparison > 0,
        Comparator.GreaterOrEqual => comparison >= 0,
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "not a comparison"),
    };
}
