using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Needs;

namespace CustomerNeeds.Domain.Tests.Needs;

public sealed class NeedDecisionsTests
{
    private static Scenario Created()
    {
        var s = new Scenario();
        s.Create();
        return s;
    }

    [Fact]
    public void Create_mints_n1_n2_and_records_the_creation()
    {
        var s = Created();
        var first = Assert.IsType<NeedCreated>(Assert.Single(s.CreateNeed(importance: 4, urgency: 5)));
        s.CreateNeed();

        Assert.Equal("n1", first.NeedId);
        Assert.Equal(["n1", "n2"], s.State.Needs.Keys);
        var need = s.State.Needs["n1"];
        Assert.Equal(NeedStatus.Identified, need.Status);
        Assert.Equal(20, need.Priority);
        Assert.Equal(1, need.Version);
        Assert.Equal("1", need.Etag);
        var entry = Assert.Single(need.History);
        Assert.Equal(NeedStatus.Unspecified, entry.FromStatus);
        Assert.Equal(NeedStatus.Identified, entry.ToStatus);
        Assert.Equal(["title", "type", "area", "importance", "urgency"], entry.ChangedFields);
        Assert.Equal("agent-7", entry.Actor);
        Assert.Equal(Scenario.T0, entry.ChangedAt);
        Assert.Equal(3, s.State.NextNeedNumber);
    }

    [Fact]
    public void A_caller_id_of_the_minted_form_moves_the_counter_past_it()
    {
        var s = Created();
        s.CreateNeed("n1");
        s.CreateNeed("n3");
        s.CreateNeed();
        s.CreateNeed();

        Assert.Equal(["n1", "n3", "n4", "n5"], s.State.Needs.Keys);
        Assert.Equal(6, s.State.NextNeedNumber);
    }

    [Fact]
    public void Minting_skips_an_id_taken_without_moving_the_counter()
    {
        var s = Created();
        s.CreateNeed("n01"); // not of the minted form (leading zero): counter stays
        CustomerEvolution.Apply(s.State, new NeedCreated("n1", Scenario.NeedWith(), ["title"], "a") { OccurredAt = s.Now });
        s.State.NextNeedNumber = 1; // as if "n1" had come from a snapshot written before the counter existed

        Assert.Equal("n2", Assert.IsType<NeedCreated>(Assert.Single(s.CreateNeed())).NeedId);
    }

    [Fact]
    public void Caller_ids_are_kept_and_duplicates_refused()
    {
        var s = Created();
        s.CreateNeed("delivery-speed");

        Assert.True(s.State.Needs.ContainsKey("delivery-speed"));
        Assert.Throws<NeedAlreadyExistsException>(() => s.CreateNeed("delivery-speed"));
    }

    public static TheoryData<NeedFields, string> BadFields() => new()
    {
        { Scenario.NeedWith() with { Title = "" }, "need.title" },
        { Scenario.NeedWith() with { Title = new string('x', 201) }, "need.title" },
        { Scenario.NeedWith() with { Description = new string('x', 4001) }, "need.description" },
        { Scenario.NeedWith() with { Type = NeedType.Unspecified }, "need.type" },
        { Scenario.NeedWith() with { Area = NeedArea.Unspecified }, "need.area" },
        { Scenario.NeedWith() with { Area = (NeedArea)99 }, "need.area" },
        { Scenario.NeedWith() with { KanoClass = (KanoClass)42 }, "need.kano_class" },
        { Scenario.NeedWith(importance: 0), "need.importance" },
        { Scenario.NeedWith(importance: 6), "need.importance" },
        { Scenario.NeedWith(urgency: 0), "need.urgency" },
        { Scenario.NeedWith() with { Status = NeedStatus.Analysed }, "need.status" },
        { Scenario.NeedWith() with { Source = new NeedSource(null, ResearchMethod.Unspecified) }, "need.source.research_method" },
        { Scenario.NeedWith() with { Source = new NeedSource("bad id", ResearchMethod.Survey) }, "need.source.interaction" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Create_rejects_bad_fields(NeedFields fields, string field)
    {
        var s = Created();
        var e = Assert.Throws<DomainValidationException>(() => NeedDecisions.Decide(s.State, new CreateNeed(null, fields, "a"), s.Now, s.Policy));
        Assert.Equal(field, Assert.Single(e.Fields).Field);
        Assert.Equal(DomainErrorKind.InvalidArgument, e.Kind);
    }

    [Fact]
    public void Create_reports_every_bad_field_at_once()
    {
        var s = Created();
        var fields = new NeedFields { Title = "", Importance = 9, Urgency = 0 };
        var e = Assert.Throws<DomainValidationException>(() => NeedDecisions.Decide(s.State, new CreateNeed("bad id", fields, ""), s.Now, s.Policy));

        Assert.Equal(["need_id", "need.title", "need.type", "need.area", "need.importance", "need.urgency", "actor"], e.Fields.Select(f => f.Field));
    }

    [Fact]
    public void The_501st_need_is_refused()
    {
        var s = Created();
        for (var i = 0; i < CustomerState.MaxNeeds; i++)
        {
            CustomerEvolution.Apply(s.State, new NeedCreated("x" + i, Scenario.NeedWith(), ["title"], "a") { OccurredAt = s.Now });
        }

        var e = Assert.Throws<LimitExceededException>(() => s.CreateNeed());
        Assert.Equal(500, e.Maximum);
        Assert.Equal(DomainErrorKind.ResourceExhausted, e.Kind);
    }

    [Fact]
    public void Create_on_a_missing_customer_is_not_found()
    {
        var e = Assert.Throws<CustomerNotFoundException>(() =>
            NeedDecisions.Decide(new CustomerState { Id = "c-9" }, new CreateNeed(null, Scenario.NeedWith(), "a"), Scenario.T0, CustomerPolicy.Default));
        Assert.Equal("c-9", e.CustomerId);
    }

    [Fact]
    public void Walking_the_lifecycle_records_every_step()
    {
        var s = Created();
        s.CreateNeed();
        NeedStatus[] path = [NeedStatus.Analysed, NeedStatus.Planned, NeedStatus.InProgress, NeedStatus.Satisfied];
        foreach (var (status, day) in path.Select((x, i) => (x, i + 1)))
        {
            s.AtDay(day);
            var e = Assert.IsType<NeedUpdated>(Assert.Single(s.UpdateNeed("n1", Scenario.NeedWith() with { Status = status }, "status")));
            Assert.Equal(status, e.ToStatus);
        }

        var need = s.State.Needs["n1"];
        Assert.Equal(NeedStatus.Satisfied, need.Status);
        Assert.Equal(5, need.Version);
        Assert.Equal(
            [NeedStatus.Identified, NeedStatus.Analysed, NeedStatus.Planned, NeedStatus.InProgress, NeedStatus.Satisfied],
            need.History.Select(h => h.ToStatus));
        Assert.Equal(NeedStatus.InProgress, need.History[^1].FromStatus);
        Assert.Equal("re-assessed", need.History[^1].Reason);
        Assert.Equal("agent-8", need.History[^1].Actor);
        Assert.Equal(Scenario.T0.AddDays(4), need.UpdatedAt);
    }

    [Theory]
    [InlineData(NeedStatus.Planned)]
    [InlineData(NeedStatus.InProgress)]
    [InlineData(NeedStatus.Satisfied)]
    public void Skipping_steps_is_an_illegal_transition(NeedStatus target)
    {
        var s = Created();
        s.CreateNeed();
        var e = Assert.Throws<IllegalTransitionException>(() => s.UpdateNeed("n1", Scenario.NeedWith() with { Status = target }, "status"));
        Assert.Equal(DomainErrorKind.FailedPrecondition, e.Kind);
        Assert.Single(s.State.Needs["n1"].History);
    }

    [Fact]
    public void A_final_need_cannot_move()
    {
        var s = Created();
        s.CreateNeed();
        s.UpdateNeed("n1", Scenario.NeedWith() with { Status = NeedStatus.Withdrawn }, "status");

        Assert.Throws<IllegalTransitionException>(() => s.UpdateNeed("n1", Scenario.NeedWith() with { Status = NeedStatus.Rejected }, "status"));
    }

    [Fact]
    public void Changing_importance_recomputes_priority_and_names_only_changed_fields()
    {
        var s = Created();
        s.CreateNeed(importance: 3, urgency: 3);
        var e = Assert.IsType<NeedUpdated>(Assert.Single(s.UpdateNeed("n1", Scenario.NeedWith(importance: 5, urgency: 3), "importance", "urgency", "title")));

        Assert.Equal(["importance"], e.ChangedFields);
        Assert.Equal(NeedStatus.Identified, e.FromStatus);
        Assert.Equal(NeedStatus.Identified, e.ToStatus);
        Assert.Equal(15, s.State.Needs["n1"].Priority);
    }

    [Fact]
    public void An_update_that_changes_nothing_records_nothing()
    {
        var s = Created();
        s.CreateNeed();
        Assert.Empty(s.UpdateNeed("n1", Scenario.NeedWith(), "title", "importance"));
        Assert.Equal(1, s.State.Needs["n1"].Version);
    }

    [Fact]
    public void Fields_outside_the_mask_are_left_alone()
    {
        var s = Created();
        s.CreateNeed(title: "Keep me");
        s.UpdateNeed("n1", new NeedFields { Urgency = 5 }, "urgency");

        var need = s.State.Needs["n1"];
        Assert.Equal("Keep me", need.Title);
        Assert.Equal(NeedType.Explicit, need.Type);
        Assert.Equal(5, need.Urgency);
    }

    [Fact]
    public void An_empty_mask_replaces_all_fields_but_status_when_unset()
    {
        var s = Created();
        s.CreateNeed();
        var values = Scenario.NeedWith(2, 2, "New title") with { KanoClass = KanoClass.Attractive, MaslowLevel = MaslowLevel.Esteem };
        var e = Assert.IsType<NeedUpdated>(Assert.Single(s.UpdateNeed("n1", values)));

        Assert.Equal(["title", "kano_class", "importance", "urgency", "maslow_level"], e.ChangedFields);
        Assert.Equal(KanoClass.Attractive, s.State.Needs["n1"].KanoClass);
        Assert.Equal(NeedStatus.Identified, s.State.Needs["n1"].Status);
    }

    [Fact]
    public void Stale_need_etag_is_aborted_and_current_etag_passes()
    {
        var s = Created();
        s.CreateNeed();
        s.UpdateNeed("n1", Scenario.NeedWith(importance: 4), "importance");

        Assert.Throws<EtagMismatchException>(() =>
            NeedDecisions.Decide(s.State, new UpdateNeed("n1", Scenario.NeedWith(importance: 5), ["importance"], "a", "", "1"), s.Now, s.Policy));
        Assert.Single(NeedDecisions.Decide(s.State, new UpdateNeed("n1", Scenario.NeedWith(importance: 5), ["importance"], "a", "", "2"), s.Now, s.Policy));
    }

    [Fact]
    public void Unknown_paths_and_needs_are_refused()
    {
        var s = Created();
        s.CreateNeed();

        var bad = Assert.Throws<DomainValidationException>(() => s.UpdateNeed("n1", Scenario.NeedWith(), "priority"));
        Assert.Equal("update_mask", Assert.Single(bad.Fields).Field);
        Assert.Throws<NeedNotFoundException>(() => s.UpdateNeed("n9", Scenario.NeedWith(), "title"));
    }
}
