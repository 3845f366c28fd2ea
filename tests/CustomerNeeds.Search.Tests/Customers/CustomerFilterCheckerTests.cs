using CustomerNeeds.Search.Customers;
using CustomerNeeds.Search.Values;

namespace CustomerNeeds.Search.Tests.Customers;

public sealed class CustomerFilterCheckerTests
{
    private const string KnownFields =
        "kind, value_types, relationship_mode, industry, region, tags, attributes.<key>, loyalty.tier, loyalty.ladder_stage, "
        + "loyalty.churn_risk_score, loyalty.churn_risk_level, satisfaction.csat_mean, satisfaction.csat_count, satisfaction.nps_score, "
        + "satisfaction.last_nps, satisfaction.nps_category, open_complaint_count, last_interaction_time, create_time, update_time, "
        + "needs.type, needs.area, needs.kano_class, needs.status, needs.title";

    private const string RfcHint = "expected an RFC 3339 date-time in double quotes, e.g. \"2024-05-01T00:00:00Z\"";

    private static readonly CustomerFieldCatalog Catalog = CustomerFieldCatalog.Create(["bronze", "silver", "gold", "platinum"]);

    private static readonly CustomerFilterChecker Checker = new(Catalog);

    public static TheoryData<string, string> ValidFilters => new()
    {
        // Profile: enums with and without the proto type prefix, quoted or bare.
        { "kind = EXTERNAL", "kind = EXTERNAL" },
        { "kind = CUSTOMER_KIND_EXTERNAL", "kind = EXTERNAL" },
        { "kind = \"COMPETITOR_CUSTOMER\"", "kind = COMPETITOR_CUSTOMER" },
        { "kind != INTERNAL", "kind != INTERNAL" },
        { "value_types:BRAND", "value_types:BRAND" },
        { "value_types : CUSTOMER_VALUE_TYPE_INFLUENCE", "value_types:INFLUENCE" },
        { "value_types:*", "value_types:*" },
        { "relationship_mode = RELATIONAL", "relationship_mode = RELATIONAL" },
        { "relationship_mode != UNSPECIFIED", "relationship_mode != UNSPECIFIED" },
        { "industry = \"retail\"", "industry = \"retail\"" },
        { "industry = retail", "industry = \"retail\"" },
        { "region != CH-ZH", "region != \"CH-ZH\"" },
        { "region = \"East China\"", "region = \"East China\"" },
        { "tags:\"vip\"", "tags:\"vip\"" },
        { "tags:key-account", "tags:\"key-account\"" },
        { "tags:*", "tags:*" },
        { "attributes.region_code = \"x\"", "attributes.region_code = \"x\"" },
        { "attributes.region_code != x", "attributes.region_code != \"x\"" },
        { "attributes.region_code:\"x\"", "attributes.region_code = \"x\"" },
        { "attributes.region_code:*", "attributes.region_code:*" },
        { "attributes:\"region_code\"", "attributes.region_code:*" },
        { "attributes:region_code", "attributes.region_code:*" },
        { "attributes:*", "attributes:*" },
        { "attributes.\"cost center\" = \"42\"", "attributes.\"cost center\" = \"42\"" },
        { "attributes.erp.id = 7", "attributes.\"erp.id\" = \"7\"" },

        // Loyalty: tiers are the configured names, ordered lowest first.
        { "loyalty.tier = gold", "loyalty.tier = gold" },
        { "loyalty.tier = \"gold\"", "loyalty.tier = gold" },
        { "loyalty.tier != bronze", "loyalty.tier != bronze" },
        { "loyalty.tier >= silver", "loyalty.tier >= silver" },
        { "loyalty.tier < platinum", "loyalty.tier < platinum" },
        { "loyalty.ladder_stage >= REPEAT_CUSTOMER", "loyalty.ladder_stage >= REPEAT_CUSTOMER" },
        { "loyalty.ladder_stage = LADDER_STAGE_ADVOCATE", "loyalty.ladder_stage = ADVOCATE" },
        { "loyalty.ladder_stage <= PROSPECT", "loyalty.ladder_stage <= PROSPECT" },
        { "loyalty.churn_risk_score >= 0.7", "loyalty.churn_risk_score >= 0.7" },
        { "loyalty.churn_risk_score < 1", "loyalty.churn_risk_score < 1" },
        { "loyalty.churn_risk_score > 5e-1", "loyalty.churn_risk_score > 0.5" },
        { "loyalty.churn_risk_level = HIGH", "loyalty.churn_risk_level = HIGH" },
        { "loyalty.churn_risk_level > CHURN_RISK_LEVEL_LOW", "loyalty.churn_risk_level > LOW" },

        // Satisfaction.
        { "satisfaction.csat_mean < 3.5", "satisfaction.csat_mean < 3.5" },
        { "satisfaction.csat_mean >= 4", "satisfaction.csat_mean >= 4" },
        { "satisfaction.csat_count > 0", "satisfaction.csat_count > 0" },
        { "satisfaction.nps_score <= -20", "satisfaction.nps_score <= -20" },
        { "satisfaction.last_nps >= 9", "satisfaction.last_nps >= 9" },
        { "satisfaction.nps_category = PROMOTER", "satisfaction.nps_category = PROMOTER" },
        { "satisfaction.nps_category < PASSIVE", "satisfaction.nps_category < PASSIVE" },

        // Complaints.
        { "open_complaint_count > 0", "open_complaint_count > 0" },
        { "open_complaint_count = 2", "open_complaint_count = 2" },
        { "open_complaint_count != 0", "open_complaint_count != 0" },
        { "open_complaint_count <= 3", "open_complaint_count <= 3" },

        // Times: RFC 3339, normalised to UTC.
        { "last_interaction_time < \"2024-01-01T00:00:00Z\"", "last_interaction_time < \"2024-01-01T00:00:00Z\"" },
        { "create_time >= \"2024-05-01T10:30:00+02:00\"", "create_time >= \"2024-05-01T08:30:00Z\"" },
        { "create_time < \"2024-01-01T00:30:00-01:00\"", "create_time < \"2024-01-01T01:30:00Z\"" },
        { "create_time = \"2024-02-29T12:00:00Z\"", "create_time = \"2024-02-29T12:00:00Z\"" },
        { "update_time > \"2024-05-01T08:30:00.1234567Z\"", "update_time > \"2024-05-01T08:30:00.1234567Z\"" },
        { "update_time > \"2024-05-01t08:30:00.123456789z\"", "update_time > \"2024-05-01T08:30:00.1234567Z\"" },
        { "update_time != \"2024-05-01T08:30:00.500Z\"", "update_time != \"2024-05-01T08:30:00.5Z\"" },

        // Needs: each restriction holds when at least one need matches it.
        { "needs.type = LATENT", "needs.type = LATENT" },
        { "needs.type:EMOTIONAL", "needs.type = EMOTIONAL" },
        { "needs.area = PURCHASE_EXPERIENCE", "needs.area = PURCHASE_EXPERIENCE" },
        { "needs.kano_class = MUST_BE", "needs.kano_class = MUST_BE" },
        { "needs.kano_class = KANO_CLASS_UNSPECIFIED", "needs.kano_class = UNSPECIFIED" },
        { "needs.status = NEED_STATUS_IN_PROGRESS", "needs.status = IN_PROGRESS" },
        { "needs.title:\"delivery\"", "needs.title:\"delivery\"" },
        { "needs.title:\"Fast Delivery, fast!\"", "needs.title:\"fast delivery\"" },
        { "needs.title:Lieferung", "needs.title:\"lieferung\"" },
        { "needs.title:\"24h Zustellung\"", "needs.title:\"24h zustellung\"" },

        // Combinations: AND, OR (tighter than AND), NOT, "-", parentheses, flattening.
        {
            "kind = EXTERNAL AND (loyalty.tier = gold OR loyalty.tier = platinum) AND NOT tags:\"churned\"",
            "(kind = EXTERNAL AND (loyalty.tier = gold OR loyalty.tier = platinum) AND NOT tags:\"churned\")"
        },
        { "kind = EXTERNAL region = EMEA OR region = APAC", "(kind = EXTERNAL AND (region = \"EMEA\" OR region = \"APAC\"))" },
        { "(kind = EXTERNAL AND region = EMEA) AND industry = retail", "(kind = EXTERNAL AND region = \"EMEA\" AND industry = \"retail\")" },
        { "kind = EXTERNAL OR (region = EMEA OR region = APAC)", "(kind = EXTERNAL OR region = \"EMEA\" OR region = \"APAC\")" },
        { "(kind = EXTERNAL OR kind = INTERNAL) AND region = EMEA", "((kind = EXTERNAL OR kind = INTERNAL) AND region = \"EMEA\")" },
        { "-tags:vip", "NOT tags:\"vip\"" },
        { "NOT (needs.type = LATENT needs.status = PLANNED)", "NOT (needs.type = LATENT AND needs.status = PLANNED)" },
        {
            "open_complaint_count > 0 loyalty.churn_risk_level >= MEDIUM needs.title:\"delivery\" -needs.status = SATISFIED",
            "(open_complaint_count > 0 AND loyalty.churn_risk_level >= MEDIUM AND needs.title:\"delivery\" AND NOT needs.status = SATISFIED)"
        },
    };

    [Theory]
    [MemberData(nameof(ValidFilters))]
    public void Valid_filters_give_the_expected_tree(string filter, string expected) =>
        Assert.Equal(expected, Checker.Check(filter)!.ToString());

    [Theory]
    [MemberData(nameof(ValidFilters))]
    public void The_canonical_form_checks_back_to_itself(string filter, string expected)
    {
        _ = filter;
        Assert.Equal(expected, Checker.Check(expected)!.ToString());
    }

    [Fact]
    public void Restrictions_carry_the_field_the_operator_and_the_typed_value()
    {
        var all = Assert.IsType<AllOf>(Checker.Check(
            "loyalty.ladder_stage >= REPEAT_CUSTOMER create_time < \"2024-05-01T10:30:00+02:00\" needs.type = LATENT "
            + "loyalty.tier > silver needs.title:\"Fast delivery\" attributes.region_code != \"x\" tags:vip open_complaint_count > 2"));

        var ladder = Assert.IsType<FieldComparison>(all.Operands[0]);
        Assert.Equal((CustomerFieldId.LadderStage, Comparator.GreaterOrEqual, FieldScope.Customer), (ladder.Field.Id, ladder.Comparator, ladder.Field.Scope));
        Assert.Equal(new EnumValue("REPEAT_CUSTOMER", 4), ladder.Value);

        var created = Assert.IsType<FieldComparison>(all.Operands[1]);
        var instant = Assert.IsType<TimestampValue>(created.Value).Value;
        Assert.Equal((CustomerFieldId.CreateTime, Comparator.Less), (created.Field.Id, created.Comparator));
        Assert.Equal((new DateTime(2024, 5, 1, 8, 30, 0), TimeSpan.Zero), (instant.DateTime, instant.Offset));

        var needType = Assert.IsType<FieldComparison>(all.Operands[2]);
        Assert.Equal((CustomerFieldId.NeedType, FieldScope.AnyNeed, Comparator.Equal), (needType.Field.Id, needType.Field.Scope, needType.Comparator));
        Assert.Equal(new EnumValue("LATENT", 2), needType.Value);

        var tier = Assert.IsType<FieldComparison>(all.Operands[3]);
        Assert.Equal((CustomerFieldId.Tier, Comparator.Greater), (tier.Field.Id, tier.Comparator));
        Assert.Equal(new EnumValue("silver", 1), tier.Value);

        var title = Assert.IsType<NeedTitleWords>(all.Operands[4]);
        Assert.Equal(new[] { "fast", "delivery" }, title.Words);
        Assert.Equal(FieldScope.AnyNeed, title.Field.Scope);

        var attribute = Assert.IsType<AttributeComparison>(all.Operands[5]);
        Assert.Equal(("region_code", Comparator.NotEqual, "x"), (attribute.Key, attribute.Comparator, attribute.Value.Text));

        var tags = Assert.IsType<ListContains>(all.Operands[6]);
        Assert.Equal((CustomerFieldId.Tags, "vip"), (tags.Field.Id, Assert.IsType<TextValue>(tags.Element).Text));

        var complaints = Assert.IsType<FieldComparison>(all.Operands[7]);
        Assert.Equal(new IntegerValue(2), complaints.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_is_no_filter(string? filter) => Assert.Null(Checker.Check(filter));

    [Theory]
    // Unknown fields.
    [InlineData("tierr = gold", 0, "unknown field \"tierr\"; known fields: " + KnownFields)]
    [InlineData("kind = EXTERNAL tier = gold", 16, "unknown field \"tier\" (did you mean loyalty.tier?); known fields: " + KnownFields)]
    [InlineData("churn_risk > 0.5", 0, "unknown field \"churn_risk\" (did you mean loyalty.churn_risk_score?); known fields: " + KnownFields)]
    [InlineData("csat < 3", 0, "unknown field \"csat\" (did you mean satisfaction.csat_mean?); known fields: " + KnownFields)]
    [InlineData("title:delivery", 0, "unknown field \"title\" (did you mean needs.title?); known fields: " + KnownFields)]
    [InlineData("loyalty = gold", 0, "unknown field \"loyalty\"; known fields: " + KnownFields)]
    [InlineData("needs.priority > 3", 0, "unknown field \"needs.priority\"; known fields: " + KnownFields)]
    // Operators not allowed on the field's type.
    [InlineData("kind = EXTERNAL AND kind < EXTERNAL", 25, "operator \"<\" is not allowed on kind; allowed: =, !=")]
    [InlineData("kind:EXTERNAL", 4, "operator \":\" is not allowed on kind; allowed: =, !=")]
    [InlineData("industry > \"a\"", 9, "operator \">\" is not allowed on industry; allowed: =, !=")]
    [InlineData("tags = vip", 5, "operator \"=\" is not allowed on tags; allowed: : (write tags:vip for \"contains\")")]
    [InlineData("value_types = BRAND", 12, "operator \"=\" is not allowed on value_types; allowed: : (write value_types:BRAND for \"contains\")")]
    [InlineData("needs.type != LATENT", 11, "operator \"!=\" is not allowed on needs.type; allowed: =, : (for customers without such a need write NOT needs.type = LATENT)")]
    [InlineData("needs.status > PLANNED", 13, "operator \">\" is not allowed on needs.status; allowed: =, :")]
    [InlineData("needs.title = \"x\"", 12, "operator \"=\" is not allowed on needs.title; allowed: :")]
    [InlineData("open_complaint_count:1", 20, "operator \":\" is not allowed on open_complaint_count; allowed: =, !=, <, <=, >, >=")]
    [InlineData("attributes = \"x\"", 11, "operator \"=\" is not allowed on attributes; allowed: : (attributes:\"key\" tests for a key); compare a value with attributes.<key> = \"value\"")]
    [InlineData("attributes.k < \"x\"", 13, "operator \"<\" is not allowed on attributes.<key>; allowed: =, !=, :")]
    // Values that are not of the field's type.
    [InlineData("kind = GOLDEN", 7, "bad value \"GOLDEN\" for kind; allowed: INTERNAL, INTERMEDIARY, EXTERNAL, COMPETITOR_CUSTOMER")]
    [InlineData("kind = external", 7, "bad value \"external\" for kind; allowed: INTERNAL, INTERMEDIARY, EXTERNAL, COMPETITOR_CUSTOMER")]
    [InlineData("kind = CUSTOMER_KIND_UNSPECIFIED", 7, "bad value \"CUSTOMER_KIND_UNSPECIFIED\" for kind; allowed: INTERNAL, INTERMEDIARY, EXTERNAL, COMPETITOR_CUSTOMER")]
    [InlineData("kind = 3", 7, "bad value \"3\" for kind; allowed: INTERNAL, INTERMEDIARY, EXTERNAL, COMPETITOR_CUSTOMER")]
    [InlineData("value_types:NEED_TYPE_LATENT", 12, "bad value \"NEED_TYPE_LATENT\" for value_types; allowed: COMMERCIAL, BRAND, INFLUENCE")]
    [InlineData("loyalty.tier = GOLD", 15, "bad value \"GOLD\" for loyalty.tier; allowed: bronze, silver, gold, platinum")]
    [InlineData("loyalty.ladder_stage > UNSPECIFIED", 23, "bad value \"UNSPECIFIED\" for loyalty.ladder_stage; allowed: SUSPECT, PROSPECT, FIRST_TIME_CUSTOMER, REPEAT_CUSTOMER, SUPPORTER, ADVOCATE, PARTNER")]
    [InlineData("satisfaction.nps_category = FAN", 28, "bad value \"FAN\" for satisfaction.nps_category; allowed: DETRACTOR, PASSIVE, PROMOTER")]
    [InlineData("needs.status = DONE", 15, "bad value \"DONE\" for needs.status; allowed: IDENTIFIED, ANALYSED, PLANNED, IN_PROGRESS, SATISFIED, REJECTED, WITHDRAWN")]
    [InlineData("open_complaint_count > 1.5", 23, "bad value \"1.5\" for open_complaint_count; expected a whole number, e.g. 2")]
    [InlineData("open_complaint_count > \"2\"", 23, "bad value \"2\" for open_complaint_count; expected a whole number, e.g. 2")]
    [InlineData("open_complaint_count > 99999999999999999999", 23, "bad value \"99999999999999999999\" for open_complaint_count; expected a whole number, e.g. 2")]
    [InlineData("loyalty.churn_risk_score > high", 27, "bad value \"high\" for loyalty.churn_risk_score; expected a number, e.g. 0.75")]
    [InlineData("loyalty.churn_risk_score > 1e999", 27, "bad value \"1e999\" for loyalty.churn_risk_score; expected a number, e.g. 0.75")]
    // Timestamps.
    [InlineData("create_time > \"2024-13-01T00:00:00Z\"", 14, "bad timestamp \"2024-13-01T00:00:00Z\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2024-05-01\"", 14, "bad timestamp \"2024-05-01\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2024-05-01T00:00:00\"", 14, "bad timestamp \"2024-05-01T00:00:00\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2023-02-29T00:00:00Z\"", 14, "bad timestamp \"2023-02-29T00:00:00Z\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2024-05-01T24:00:00Z\"", 14, "bad timestamp \"2024-05-01T24:00:00Z\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2024-05-01T23:59:60Z\"", 14, "bad timestamp \"2024-05-01T23:59:60Z\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2024-05-01T10:00:00+2:00\"", 14, "bad timestamp \"2024-05-01T10:00:00+2:00\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"0001-01-01T00:00:00+01:00\"", 14, "bad timestamp \"0001-01-01T00:00:00+01:00\" for create_time; " + RfcHint)]
    [InlineData("create_time > \"2024-05-01T00:00:00Z\n\"", 14, "bad timestamp \"2024-05-01T00:00:00Z\\n\" for create_time; " + RfcHint)]
    [InlineData("last_interaction_time < 2024-05-01", 24, "bad timestamp \"2024-05-01\" for last_interaction_time; " + RfcHint)]
    [InlineData("update_time < 1714521600", 14, "bad timestamp \"1714521600\" for update_time; " + RfcHint)]
    // Empty values, "*" and keys.
    [InlineData("industry = \"\"", 11, "empty value for industry")]
    [InlineData("tags:\"\"", 5, "empty value for tags")]
    [InlineData("kind = \"\"", 7, "empty value for kind")]
    [InlineData("attributes.k = \"\"", 15, "empty value for attributes.k")]
    [InlineData("needs.title:\"  ,; \"", 12, "no words in \"  ,; \" for needs.title; a word is a run of letters and digits")]
    [InlineData("kind = *", 7, "\"*\" is only allowed after \":\" (presence test, e.g. tags:*)")]
    [InlineData("attributes.k = *", 15, "\"*\" is only allowed after \":\" (presence test, e.g. tags:*)")]
    [InlineData("needs.title:*", 12, "\"*\" (presence) is not supported on needs.title")]
    [InlineData("needs.type:*", 11, "\"*\" (presence) is not supported on needs.type")]
    [InlineData("attributes.\"\" = \"x\"", 11, "bad attribute key \"\": keys are 1 to 64 characters")]
    [InlineData("attributes:\"\"", 11, "bad attribute key \"\": keys are 1 to 64 characters")]
    // Syntax errors come through with their position.
    [InlineData("kind = EXTERNAL AND (tags:vip", 29, "missing \")\" to close the \"(\" at 20")]
    public void Invalid_filters_say_where_and_what(string filter, int position, string reason)
    {
        var error = Assert.Throws<FilterException>(() => Checker.Check(filter));

        Assert.Equal((position, reason), (error.Position, error.Reason));
        Assert.Equal($"filter: at {position}: {reason}", error.Message);
        Assert.Equal("filter", error.Parameter);
    }

    [Fact]
    public void Attribute_keys_longer_than_64_characters_are_refused()
    {
        var key = new string('k', 65);

        var error = Assert.Throws<FilterException>(() => Checker.Check($"attributes.{key} = x"));

        Assert.Equal((11, $"bad attribute key \"{key}\": keys are 1 to 64 characters"), (error.Position, error.Reason));
        Assert.NotNull(Checker.Check($"attributes.{key[1..]} = x"));
    }

    [Theory]
    [InlineData("Fast delivery")]
    [InlineData("Größere ÖFFNUNGSZEITEN, 24/7!")]
    [InlineData("support-line v2 support_line")]
    public void Needs_title_splits_its_value_with_the_rule_that_splits_stored_titles(string value)
    {
        var filter = Assert.IsType<NeedTitleWords>(Checker.Check("needs.title:" + FilterLiteral.Quote(value)));

        Assert.Equal(Domain.Needs.TitleWords.Of(value), filter.Words);
    }

    [Fact]
    public void Needs_title_takes_at_most_ten_words()
    {
        Assert.Equal(10, Assert.IsType<NeedTitleWords>(Checker.Check("needs.title:\"a b c d e f g h i j j J\"")).Words.Count);

        var error = Assert.Throws<FilterException>(() => Checker.Check("needs.title:\"a b c d e f g h i j k\""));

        Assert.Equal((12, "too many words for needs.title: 11; at most 10 are allowed"), (error.Position, error.Reason));
    }

    [Fact]
    public void The_checker_applies_its_limits_to_the_parser()
    {
        var checker = new CustomerFilterChecker(Catalog, new SearchLimits { MaxRestrictions = 1 });

        var error = Assert.Throws<FilterException>(() => checker.Check("kind = EXTERNAL tags:vip"));

        Assert.Equal((16, "too many restrictions: at most 1 are allowed"), (error.Position, error.Reason));
    }
}
