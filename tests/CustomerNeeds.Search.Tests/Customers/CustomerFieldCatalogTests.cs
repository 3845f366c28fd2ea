using System.Reflection;
using System.Text.RegularExpressions;
using CustomerNeeds.Search.Customers;
using CustomerNeeds.Search.Values;
using Google.Protobuf.Reflection;
using Proto = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Search.Tests.Customers;

public sealed class CustomerFieldCatalogTests
{
    private static readonly CustomerFieldCatalog Catalog = CustomerFieldCatalog.Create(["bronze", "silver", "gold", "platinum"]);

    public static TheoryData<CustomerFieldId, Type, bool> ProtoEnums => new()
    {
        { CustomerFieldId.Kind, typeof(Proto.CustomerKind), false },
        { CustomerFieldId.ValueTypes, typeof(Proto.CustomerValueType), false },
        { CustomerFieldId.RelationshipMode, typeof(Proto.RelationshipMode), true },
        { CustomerFieldId.LadderStage, typeof(Proto.LadderStage), false },
        { CustomerFieldId.ChurnRiskLevel, typeof(Proto.ChurnRiskLevel), false },
        { CustomerFieldId.NeedType, typeof(Proto.NeedType), false },
        { CustomerFieldId.NeedArea, typeof(Proto.NeedArea), false },
        { CustomerFieldId.NeedKanoClass, typeof(Proto.KanoClass), true },
        { CustomerFieldId.NeedStatus, typeof(Proto.NeedStatus), false },
    };

    [Theory]
    [MemberData(nameof(ProtoEnums))]
    public void Enum_values_are_the_proto_names_without_prefix_and_the_proto_numbers(CustomerFieldId id, Type protoEnum, bool withUnspecified)
    {
        var proto = protoEnum.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Name: f.GetCustomAttribute<OriginalNameAttribute>()!.Name, Number: (int)f.GetValue(null)!))
            .ToArray();
        var typePrefix = proto.Single(v => v.Number == 0).Name[..^"UNSPECIFIED".Length];
        var expected = proto
            .Where(v => withUnspecified || v.Number != 0)
            .Select(v => new EnumValue(v.Name[typePrefix.Length..], v.Number));

        var field = Catalog[id];

        Assert.Equal(typePrefix, field.EnumPrefix);
        Assert.Equal(expected, field.Values);
    }

    [Fact]
    public void Nps_categories_are_the_domain_categories_in_order()
    {
        var domain = Enum.GetValues<CustomerNeeds.Domain.Satisfaction.NpsCategory>()
            .Select(c => new EnumValue(Regex.Replace(c.ToString(), "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant(), (int)c));

        Assert.Equal(domain, Catalog[CustomerFieldId.NpsCategory].Values);
    }

    [Fact]
    public void Tiers_are_the_configured_names_ranked_lowest_first()
    {
        var catalog = CustomerFieldCatalog.Create(["standard", "Key Account"]);
        var tier = catalog[CustomerFieldId.Tier];

        Assert.Equal(new[] { new EnumValue("standard", 0), new EnumValue("Key Account", 1) }, tier.Values);
        Assert.True(tier.IsOrdered);
        Assert.Equal("loyalty.tier = \"Key Account\"", new CustomerFilterChecker(catalog).Check("loyalty.tier = \"Key Account\"")!.ToString());
    }

    public static TheoryData<string[]> BadTierLists => new() { Array.Empty<string>(), new[] { "gold", " " }, new[] { "gold", "gold" } };

    [Theory]
    [MemberData(nameof(BadTierLists))]
    public void A_tier_list_must_be_non_empty_and_distinct(string[] tiers) =>
        Assert.Throws<ArgumentException>(() => CustomerFieldCatalog.Create(tiers));

    [Fact]
    public void Every_field_has_a_distinct_id_and_name_and_is_found_by_name()
    {
        Assert.Equal(Enum.GetValues<CustomerFieldId>().Length, Catalog.Fields.Count);
        Assert.Equal(Catalog.Fields.Count, Catalog.Fields.Select(f => f.Id).Distinct().Count());
        Assert.All(Catalog.Fields, f => Assert.Same(f, Catalog.Find(f.Name)));
        Assert.All(Catalog.Fields, f => Assert.Same(f, Catalog[f.Id]));
    }

    [Theory]
    [InlineData(CustomerFieldId.Kind, "=, !=")]
    [InlineData(CustomerFieldId.Industry, "=, !=")]
    [InlineData(CustomerFieldId.Tags, ":")]
    [InlineData(CustomerFieldId.ValueTypes, ":")]
    [InlineData(CustomerFieldId.Attributes, "=, !=, :")]
    [InlineData(CustomerFieldId.Tier, "=, !=, <, <=, >, >=")]
    [InlineData(CustomerFieldId.LadderStage, "=, !=, <, <=, >, >=")]
    [InlineData(CustomerFieldId.ChurnRiskLevel, "=, !=, <, <=, >, >=")]
    [InlineData(CustomerFieldId.NpsCategory, "=, !=, <, <=, >, >=")]
    [InlineData(CustomerFieldId.ChurnRiskScore, "=, !=, <, <=, >, >=")]
    [InlineData(CustomerFieldId.CreateTime, "=, !=, <, <=, >, >=")]
    [InlineData(CustomerFieldId.NeedStatus, "=, :")]
    [InlineData(CustomerFieldId.NeedTitle, ":")]
    public void Operators_per_field(CustomerFieldId id, string operators) =>
        Assert.Equal(operators, string.Join(", ", Catalog[id].Comparators.Select(c => c.Symbol())));
}
