using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Errors;
using CustomerNeeds.Domain.Events;

namespace CustomerNeeds.Domain.Needs;

/// <summary>Decisions on needs.</summary>
public static class NeedDecisions
{
    /// <summary>
    /// Captures a need (status Identified): one NeedCreated. A null id mints "n&lt;NextNeedNumber&gt;",
    /// skipping numbers already taken by caller-chosen ids.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">The customer does not exist.</exception>
    /// <exception cref="DomainValidationException">Bad fields ("need_id", "need.*", "actor").</exception>
    /// <exception cref="NeedAlreadyExistsException">The id is taken.</exception>
    /// <exception cref="LimitExceededException">The customer holds <see cref="CustomerState.MaxNeeds"/> needs.</exception>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, CreateNeed command, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        var checks = new InputChecks();
        if (command.NeedId is not null)
        {
            checks.Id("need_id", command.NeedId);
        }

        var fields = command.Fields;
        foreach (var path in NeedFieldPaths.All.Where(p => p != NeedFieldPaths.Status))
        {
            CheckField(checks, path, fields);
        }

        if (fields.Status is not (NeedStatus.Unspecified or NeedStatus.Identified))
        {
            checks.Fail("need.status", "a need starts as IDENTIFIED");
        }

        checks.Length("actor", command.Actor, 1, DecisionGuards.MaxActorLength);
        checks.ThrowIfAny();

        if (command.NeedId is not null && state.Needs.ContainsKey(command.NeedId))
        {
            throw new NeedAlreadyExistsException(command.NeedId);
        }

        if (state.Needs.Count >= CustomerState.MaxNeeds)
        {
            throw new LimitExceededException("needs", CustomerState.MaxNeeds);
        }

        var id = command.NeedId ?? Mint(state);
        var set = new List<string> { NeedFieldPaths.Title };
        if (fields.Description.Length > 0)
        {
            set.Add(NeedFieldPaths.Description);
        }

        set.AddRange([NeedFieldPaths.Type, NeedFieldPaths.Area]);
        if (fields.KanoClass != Kano.KanoClass.Unspecified)
        {
            set.Add(NeedFieldPaths.KanoClass);
        }

        set.AddRange([NeedFieldPaths.Importance, NeedFieldPaths.Urgency]);
        if (fields.Source is not null)
        {
            set.Add(NeedFieldPaths.Source);
        }

        if (fields.MaslowLevel != MaslowLevel.Unspecified)
        {
            set.Add(NeedFieldPaths.MaslowLevel);
        }

        return [new NeedCreated(id, fields with { Status = NeedStatus.Identified }, set, command.Actor) { OccurredAt = now }];
    }

    /// <summary>
    /// Changes a need: one NeedUpdated naming the paths whose value changed, with from/to status;
    /// empty when nothing changed.
    /// </summary>
    /// <exception cref="CustomerNotFoundException">The customer does not exist.</exception>
    /// <exception cref="NeedNotFoundException">No such need.</exception>
    /// <exception cref="EtagMismatchException">The need's etag is not the expected one.</exception>
    /// <exception cref="DomainValidationException">Unknown mask path ("update_mask") or bad values ("need.*", "actor", "reason").</exception>
    /// <exception cref="IllegalTransitionException">The status change breaks the lifecycle.</exception>
    public static IReadOnlyList<CustomerEvent> Decide(CustomerState state, UpdateNeed command, DateTimeOffset now, CustomerPolicy policy)
    {
        DecisionGuards.RequireExists(state);
        if (!state.Needs.TryGetValue(command.NeedId, out var need))
        {
            throw new NeedNotFoundException(command.NeedId);
        }

        DecisionGuards.RequireEtag(command.ExpectedEtag, need.Etag);

        var checks = new InputChecks();
        var values = command.Values;
        IReadOnlyList<string> paths = command.FieldPaths.Count == 0
            ? NeedFieldPaths.All.Where(p => p != NeedFieldPaths.Status || values.Status != NeedStatus.Unspecified).ToArray()
            : command.FieldPaths.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var path in paths)
        {
            if (NeedFieldPaths.IsKnown(path))
            {
                CheckField(checks, path, values);
            }
            else
            {
                checks.Fail("update_mask", $"unknown field path '{path}'");
            }
        }

        checks.Length("actor", command.Actor, 1, DecisionGuards.MaxActorLength);
        checks.Length("reason", command.Reason, 0, DecisionGuards.MaxReasonLength);
        checks.ThrowIfAny();

        var before = need.Fields();
        var changed = NeedFieldPaths.All
            .Where(p => paths.Contains(p, StringComparer.Ordinal) && !InputChecks.SameJson(ValueAt(before, p), ValueAt(values, p)))
            .ToArray();
        var to = changed.Contains(NeedFieldPaths.Status) ? values.Status : need.Status;
        if (to != need.Status && !NeedLifecycle.CanMove(need.Status, to))
        {
            throw new IllegalTransitionException($"Need '{need.Id}' cannot move from {need.Status} to {to}.");
        }

        return changed.Length == 0
            ? []
            : [new NeedUpdated(need.Id, Merge(before, values, changed), changed, need.Status, to, command.Actor, command.Reason) { OccurredAt = now }];
    }

    private static string Mint(CustomerState state)
    {
        var number = state.NextNeedNumber;
        while (state.Needs.ContainsKey("n" + number))
        {
            number++;
        }

        return "n" + number;
    }

    private static void CheckField(InputChecks checks, string path, NeedFields f)
    {
        var field = "need." + path;
        switch (path)
        {
            case NeedFieldPaths.Title: checks.Length(field, f.Title, 1, 200); break;
            case NeedFieldPaths.Description: checks.Length(field, f.Description, 0, DecisionGuards.MaxTextLength); break;
            case NeedFieldPaths.Type: checks.Defined(field, f.Type, allowUnspecified: false); break;
            case NeedFieldPaths.Area: checks.Defined(field, f.Area, allowUnspecified: false); break;
            case NeedFieldPaths.KanoClass: checks.Defined(field, f.KanoClass, allowUnspecified: true); break;
            case NeedFieldPaths.Importance: checks.Range(field, f.Importance, 1, 5); break;
            case NeedFieldPaths.Urgency: checks.Range(field, f.Urgency, 1, 5); break;
            case NeedFieldPaths.MaslowLevel: checks.Defined(field, f.MaslowLevel, allowUnspecified: true); break;
            case NeedFieldPaths.Status: checks.Defined(field, f.Status, allowUnspecified: false); break;
            case NeedFieldPaths.Source:
                if (f.Source is { } source)
                {
                    checks.Defined(field + ".research_method", source.Method, allowUnspecified: false);
                    if (source.InteractionId is not null)
                    {
                        checks.Id(field + ".interaction", source.InteractionId);
                    }
                }

                break;
        }
    }

    private static NeedFields Merge(NeedFields before, NeedFields values, IEnumerable<string> paths) =>
        paths.Aggregate(before, (f, path) => path switch
        {
            NeedFieldPaths.Title => f with { Title = values.Title },
            NeedFieldPaths.Description => f with { Description = values.Description },
            NeedFieldPaths.Type => f with { Type = values.Type },
            NeedFieldPaths.Area => f with { Area = values.Area },
            NeedFieldPaths.KanoClass => f with { KanoClass = values.KanoClass },
            NeedFieldPaths.Importance => f with { Importance = values.Importance },
            NeedFieldPaths.Urgency => f with { Urgency = values.Urgency },
            NeedFieldPaths.Source => f with { Source = values.Source },
            NeedFieldPaths.Status => f with { Status = values.Status },
            NeedFieldPaths.MaslowLevel => f with { MaslowLevel = values.MaslowLevel },
            _ => throw new ArgumentException($"Unknown need field path '{path}'.", nameof(paths)),
        });

    private static object? ValueAt(NeedFields f, string path) => path switch
    {
        NeedFieldPaths.Title => f.Title,
        NeedFieldPaths.Description => f.Description,
        NeedFieldPaths.Type => f.Type,
        NeedFieldPaths.Area => f.Area,
        NeedFieldPaths.KanoClass => f.KanoClass,
        NeedFieldPaths.Importance => f.Importance,
        NeedFieldPaths.Urgency => f.Urgency,
        NeedFieldPaths.Source => f.Source,
        NeedFieldPaths.Status => f.Status,
        NeedFieldPaths.MaslowLevel => f.MaslowLevel,
        _ => throw new ArgumentException($"Unknown need field path '{path}'.", nameof(path)),
    };
}
