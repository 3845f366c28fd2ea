using CustomerNeeds.Domain.Complaints;
using CustomerNeeds.Domain.Customers;
using CustomerNeeds.Domain.Interactions;
using CustomerNeeds.Domain.Kano;
using CustomerNeeds.Domain.Loyalty;
using CustomerNeeds.Domain.Needs;
using Contract = CustomerNeeds.Api.V1;

namespace CustomerNeeds.Server.Mapping;

/// <summary>
/// Explicit proto ↔ domain enum mappings (never casts). Proto → domain expects a value already
/// checked by <c>FieldViolations.Enum</c> and throws on anything else; domain → proto maps an
/// unknown value to UNSPECIFIED.
/// </summary>
public static class EnumMapper
{
    public static CustomerKind ToDomain(Contract.CustomerKind value) => value switch
    {
        Contract.CustomerKind.Unspecified => CustomerKind.Unspecified,
        Contract.CustomerKind.Internal => CustomerKind.Internal,
        Contract.CustomerKind.Intermediary => CustomerKind.Intermediary,
        Contract.CustomerKind.External => CustomerKind.External,
        Contract.CustomerKind.CompetitorCustomer => CustomerKind.CompetitorCustomer,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this CustomerKind."),
    };

    public static Contract.CustomerKind ToProto(CustomerKind value) => value switch
    {
        CustomerKind.Unspecified => Contract.CustomerKind.Unspecified,
        CustomerKind.Internal => Contract.CustomerKind.Internal,
        CustomerKind.Intermediary => Contract.CustomerKind.Intermediary,
        CustomerKind.External => Contract.CustomerKind.External,
        CustomerKind.CompetitorCustomer => Contract.CustomerKind.CompetitorCustomer,
        _ => Contract.CustomerKind.Unspecified,
    };

    public static CustomerValueType ToDomain(Contract.CustomerValueType value) => value switch
    {
        Contract.CustomerValueType.Unspecified => CustomerValueType.Unspecified,
        Contract.CustomerValueType.Commercial => CustomerValueType.Commercial,
        Contract.CustomerValueType.Brand => CustomerValueType.Brand,
        Contract.CustomerValueType.Influence => CustomerValueType.Influence,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this CustomerValueType."),
    };

    public static Contract.CustomerValueType ToProto(CustomerValueType value) => value switch
    {
        CustomerValueType.Unspecified => Contract.CustomerValueType.Unspecified,
        CustomerValueType.Commercial => Contract.CustomerValueType.Commercial,
        CustomerValueType.Brand => Contract.CustomerValueType.Brand,
        CustomerValueType.Influence => Contract.CustomerValueType.Influence,
        _ => Contract.CustomerValueType.Unspecified,
    };

    public static RelationshipMode ToDomain(Contract.RelationshipMode value) => value switch
    {
        Contract.RelationshipMode.Unspecified => RelationshipMode.Unspecified,
        Contract.RelationshipMode.Transactional => RelationshipMode.Transactional,
        Contract.RelationshipMode.Relational => RelationshipMode.Relational,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this RelationshipMode."),
    };

    public static Contract.RelationshipMode ToProto(RelationshipMode value) => value switch
    {
        RelationshipMode.Unspecified => Contract.RelationshipMode.Unspecified,
        RelationshipMode.Transactional => Contract.RelationshipMode.Transactional,
        RelationshipMode.Relational => Contract.RelationshipMode.Relational,
        _ => Contract.RelationshipMode.Unspecified,
    };

    public static ValueProposition ToDomain(Contract.ValueProposition value) => value switch
    {
        Contract.ValueProposition.Unspecified => ValueProposition.Unspecified,
        Contract.ValueProposition.SavesThinking => ValueProposition.SavesThinking,
        Contract.ValueProposition.SavesMoney => ValueProposition.SavesMoney,
        Contract.ValueProposition.SavesTime => ValueProposition.SavesTime,
        Contract.ValueProposition.BringsJoy => ValueProposition.BringsJoy,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this ValueProposition."),
    };

    public static Contract.ValueProposition ToProto(ValueProposition value) => value switch
    {
        ValueProposition.Unspecified => Contract.ValueProposition.Unspecified,
        ValueProposition.SavesThinking => Contract.ValueProposition.SavesThinking,
        ValueProposition.SavesMoney => Contract.ValueProposition.SavesMoney,
        ValueProposition.SavesTime => Contract.ValueProposition.SavesTime,
        ValueProposition.BringsJoy => Contract.ValueProposition.BringsJoy,
        _ => Contract.ValueProposition.Unspecified,
    };

    public static DecisionRole ToDomain(Contract.DecisionRole value) => value switch
    {
        Contract.DecisionRole.Unspecified => DecisionRole.Unspecified,
        Contract.DecisionRole.DecisionMaker => DecisionRole.DecisionMaker,
        Contract.DecisionRole.DelegatedDecisionMaker => DecisionRole.DelegatedDecisionMaker,
        Contract.DecisionRole.Influencer => DecisionRole.Influencer,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this DecisionRole."),
    };

    public static Contract.DecisionRole ToProto(DecisionRole value) => value switch
    {
        DecisionRole.Unspecified => Contract.DecisionRole.Unspecified,
        DecisionRole.DecisionMaker => Contract.DecisionRole.DecisionMaker,
        DecisionRole.DelegatedDecisionMaker => Contract.DecisionRole.DelegatedDecisionMaker,
        DecisionRole.Influencer => Contract.DecisionRole.Influencer,
        _ => Contract.DecisionRole.Unspecified,
    };

    public static NeedType ToDomain(Contract.NeedType value) => value switch
    {
        Contract.NeedType.Unspecified => NeedType.Unspecified,
        Contract.NeedType.Explicit => NeedType.Explicit,
        Contract.NeedType.Latent => NeedType.Latent,
        Contract.NeedType.Emotional => NeedType.Emotional,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this NeedType."),
    };

    public static Contract.NeedType ToProto(NeedType value) => value switch
    {
        NeedType.Unspecified => Contract.NeedType.Unspecified,
        NeedType.Explicit => Contract.NeedType.Explicit,
        NeedType.Latent => Contract.NeedType.Latent,
        NeedType.Emotional => Contract.NeedType.Emotional,
        _ => Contract.NeedType.Unspecified,
    };

    public static NeedArea ToDomain(Contract.NeedArea value) => value switch
    {
        Contract.NeedArea.Unspecified => NeedArea.Unspecified,
        Contract.NeedArea.Quality => NeedArea.Quality,
        Contract.NeedArea.Function => NeedArea.Function,
        Contract.NeedArea.Price => NeedArea.Price,
        Contract.NeedArea.Service => NeedArea.Service,
        Contract.NeedArea.PurchaseExperience => NeedArea.PurchaseExperience,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this NeedArea."),
    };

    public static Contract.NeedArea ToProto(NeedArea value) => value switch
    {
        NeedArea.Unspecified => Contract.NeedArea.Unspecified,
        NeedArea.Quality => Contract.NeedArea.Quality,
        NeedArea.Function => Contract.NeedArea.Function,
        NeedArea.Price => Contract.NeedArea.Price,
        NeedArea.Service => Contract.NeedArea.Service,
        NeedArea.PurchaseExperience => Contract.NeedArea.PurchaseExperience,
        _ => Contract.NeedArea.Unspecified,
    };

    public static NeedStatus ToDomain(Contract.NeedStatus value) => value switch
    {
        Contract.NeedStatus.Unspecified => NeedStatus.Unspecified,
        Contract.NeedStatus.Identified => NeedStatus.Identified,
        Contract.NeedStatus.Analysed => NeedStatus.Analysed,
        Contract.NeedStatus.Planned => NeedStatus.Planned,
        Contract.NeedStatus.InProgress => NeedStatus.InProgress,
        Contract.NeedStatus.Satisfied => NeedStatus.Satisfied,
        Contract.NeedStatus.Rejected => NeedStatus.Rejected,
        Contract.NeedStatus.Withdrawn => NeedStatus.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this NeedStatus."),
    };

    public static Contract.NeedStatus ToProto(NeedStatus value) => value switch
    {
        NeedStatus.Unspecified => Contract.NeedStatus.Unspecified,
        NeedStatus.Identified => Contract.NeedStatus.Identified,
        NeedStatus.Analysed => Contract.NeedStatus.Analysed,
        NeedStatus.Planned => Contract.NeedStatus.Planned,
        NeedStatus.InProgress => Contract.NeedStatus.InProgress,
        NeedStatus.Satisfied => Contract.NeedStatus.Satisfied,
        NeedStatus.Rejected => Contract.NeedStatus.Rejected,
        NeedStatus.Withdrawn => Contract.NeedStatus.Withdrawn,
        _ => Contract.NeedStatus.Unspecified,
    };

    public static ResearchMethod ToDomain(Contract.ResearchMethod value) => value switch
    {
        Contract.ResearchMethod.Unspecified => ResearchMethod.Unspecified,
        Contract.ResearchMethod.Survey => ResearchMethod.Survey,
        Contract.ResearchMethod.InDepthInterview => ResearchMethod.InDepthInterview,
        Contract.ResearchMethod.FocusGroup => ResearchMethod.FocusGroup,
        Contract.ResearchMethod.FieldObservation => ResearchMethod.FieldObservation,
        Contract.ResearchMethod.UserTest => ResearchMethod.UserTest,
        Contract.ResearchMethod.SocialListening => ResearchMethod.SocialListening,
        Contract.ResearchMethod.BehaviouralData => ResearchMethod.BehaviouralData,
        Contract.ResearchMethod.Complaint => ResearchMethod.Complaint,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this ResearchMethod."),
    };

    public static Contract.ResearchMethod ToProto(ResearchMethod value) => value switch
    {
        ResearchMethod.Unspecified => Contract.ResearchMethod.Unspecified,
        ResearchMethod.Survey => Contract.ResearchMethod.Survey,
        ResearchMethod.InDepthInterview => Contract.ResearchMethod.InDepthInterview,
        ResearchMethod.FocusGroup => Contract.ResearchMethod.FocusGroup,
        ResearchMethod.FieldObservation => Contract.ResearchMethod.FieldObservation,
        ResearchMethod.UserTest => Contract.ResearchMethod.UserTest,
        ResearchMethod.SocialListening => Contract.ResearchMethod.SocialListening,
        ResearchMethod.BehaviouralData => Contract.ResearchMethod.BehaviouralData,
        ResearchMethod.Complaint => Contract.ResearchMethod.Complaint,
        _ => Contract.ResearchMethod.Unspecified,
    };

    public static MaslowLevel ToDomain(Contract.MaslowLevel value) => value switch
    {
        Contract.MaslowLevel.Unspecified => MaslowLevel.Unspecified,
        Contract.MaslowLevel.Physiological => MaslowLevel.Physiological,
        Contract.MaslowLevel.Safety => MaslowLevel.Safety,
        Contract.MaslowLevel.Social => MaslowLevel.Social,
        Contract.MaslowLevel.Esteem => MaslowLevel.Esteem,
        Contract.MaslowLevel.SelfActualisation => MaslowLevel.SelfActualisation,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this MaslowLevel."),
    };

    public static Contract.MaslowLevel ToProto(MaslowLevel value) => value switch
    {
        MaslowLevel.Unspecified => Contract.MaslowLevel.Unspecified,
        MaslowLevel.Physiological => Contract.MaslowLevel.Physiological,
        MaslowLevel.Safety => Contract.MaslowLevel.Safety,
        MaslowLevel.Social => Contract.MaslowLevel.Social,
        MaslowLevel.Esteem => Contract.MaslowLevel.Esteem,
        MaslowLevel.SelfActualisation => Contract.MaslowLevel.SelfActualisation,
        _ => Contract.MaslowLevel.Unspecified,
    };

    public static KanoClass ToDomain(Contract.KanoClass value) => value switch
    {
        Contract.KanoClass.Unspecified => KanoClass.Unspecified,
        Contract.KanoClass.MustBe => KanoClass.MustBe,
        Contract.KanoClass.OneDimensional => KanoClass.OneDimensional,
        Contract.KanoClass.Attractive => KanoClass.Attractive,
        Contract.KanoClass.Indifferent => KanoClass.Indifferent,
        Contract.KanoClass.Reverse => KanoClass.Reverse,
        Contract.KanoClass.Questionable => KanoClass.Questionable,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this KanoClass."),
    };

    public static Contract.KanoClass ToProto(KanoClass value) => value switch
    {
        KanoClass.Unspecified => Contract.KanoClass.Unspecified,
        KanoClass.MustBe => Contract.KanoClass.MustBe,
        KanoClass.OneDimensional => Contract.KanoClass.OneDimensional,
        KanoClass.Attractive => Contract.KanoClass.Attractive,
        KanoClass.Indifferent => Contract.KanoClass.Indifferent,
        KanoClass.Reverse => Contract.KanoClass.Reverse,
        KanoClass.Questionable => Contract.KanoClass.Questionable,
        _ => Contract.KanoClass.Unspecified,
    };

    public static Channel ToDomain(Contract.InteractionChannel value) => value switch
    {
        Contract.InteractionChannel.Unspecified => Channel.Unspecified,
        Contract.InteractionChannel.Phone => Channel.Phone,
        Contract.InteractionChannel.Email => Channel.Email,
        Contract.InteractionChannel.Chat => Channel.Chat,
        Contract.InteractionChannel.WebForm => Channel.WebForm,
        Contract.InteractionChannel.MobileApp => Channel.MobileApp,
        Contract.InteractionChannel.SocialMedia => Channel.SocialMedia,
        Contract.InteractionChannel.InStore => Channel.InStore,
        Contract.InteractionChannel.FieldVisit => Channel.FieldVisit,
        Contract.InteractionChannel.Survey => Channel.Survey,
        Contract.InteractionChannel.Letter => Channel.Letter,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this InteractionChannel."),
    };

    public static Contract.InteractionChannel ToProto(Channel value) => value switch
    {
        Channel.Unspecified => Contract.InteractionChannel.Unspecified,
        Channel.Phone => Contract.InteractionChannel.Phone,
        Channel.Email => Contract.InteractionChannel.Email,
        Channel.Chat => Contract.InteractionChannel.Chat,
        Channel.WebForm => Contract.InteractionChannel.WebForm,
        Channel.MobileApp => Contract.InteractionChannel.MobileApp,
        Channel.SocialMedia => Contract.InteractionChannel.SocialMedia,
        Channel.InStore => Contract.InteractionChannel.InStore,
        Channel.FieldVisit => Contract.InteractionChannel.FieldVisit,
        Channel.Survey => Contract.InteractionChannel.Survey,
        Channel.Letter => Contract.InteractionChannel.Letter,
        _ => Contract.InteractionChannel.Unspecified,
    };

    public static InteractionKind ToDomain(Contract.InteractionKind value) => value switch
    {
        Contract.InteractionKind.Unspecified => InteractionKind.Unspecified,
        Contract.InteractionKind.Inquiry => InteractionKind.Inquiry,
        Contract.InteractionKind.ServiceRequest => InteractionKind.ServiceRequest,
        Contract.InteractionKind.Purchase => InteractionKind.Purchase,
        Contract.InteractionKind.Complaint => InteractionKind.Complaint,
        Contract.InteractionKind.Suggestion => InteractionKind.Suggestion,
        Contract.InteractionKind.Feedback => InteractionKind.Feedback,
        Contract.InteractionKind.SurveyResponse => InteractionKind.SurveyResponse,
        Contract.InteractionKind.FollowUpCall => InteractionKind.FollowUpCall,
        Contract.InteractionKind.MarketingTouch => InteractionKind.MarketingTouch,
        Contract.InteractionKind.Referral => InteractionKind.Referral,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this InteractionKind."),
    };

    public static Contract.InteractionKind ToProto(InteractionKind value) => value switch
    {
        InteractionKind.Unspecified => Contract.InteractionKind.Unspecified,
        InteractionKind.Inquiry => Contract.InteractionKind.Inquiry,
        InteractionKind.ServiceRequest => Contract.InteractionKind.ServiceRequest,
        InteractionKind.Purchase => Contract.InteractionKind.Purchase,
        InteractionKind.Complaint => Contract.InteractionKind.Complaint,
        InteractionKind.Suggestion => Contract.InteractionKind.Suggestion,
        InteractionKind.Feedback => Contract.InteractionKind.Feedback,
        InteractionKind.SurveyResponse => Contract.InteractionKind.SurveyResponse,
        InteractionKind.FollowUpCall => Contract.InteractionKind.FollowUpCall,
        InteractionKind.MarketingTouch => Contract.InteractionKind.MarketingTouch,
        InteractionKind.Referral => Contract.InteractionKind.Referral,
        _ => Contract.InteractionKind.Unspecified,
    };

    public static Direction ToDomain(Contract.InteractionDirection value) => value switch
    {
        Contract.InteractionDirection.Unspecified => Direction.Unspecified,
        Contract.InteractionDirection.Inbound => Direction.Inbound,
        Contract.InteractionDirection.Outbound => Direction.Outbound,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this InteractionDirection."),
    };

    public static Contract.InteractionDirection ToProto(Direction value) => value switch
    {
        Direction.Unspecified => Contract.InteractionDirection.Unspecified,
        Direction.Inbound => Contract.InteractionDirection.Inbound,
        Direction.Outbound => Contract.InteractionDirection.Outbound,
        _ => Contract.InteractionDirection.Unspecified,
    };

    public static Sentiment ToDomain(Contract.Sentiment value) => value switch
    {
        Contract.Sentiment.Unspecified => Sentiment.Unspecified,
        Contract.Sentiment.Negative => Sentiment.Negative,
        Contract.Sentiment.Neutral => Sentiment.Neutral,
        Contract.Sentiment.Positive => Sentiment.Positive,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this Sentiment."),
    };

    public static Contract.Sentiment ToProto(Sentiment value) => value switch
    {
        Sentiment.Unspecified => Contract.Sentiment.Unspecified,
        Sentiment.Negative => Contract.Sentiment.Negative,
        Sentiment.Neutral => Contract.Sentiment.Neutral,
        Sentiment.Positive => Contract.Sentiment.Positive,
        _ => Contract.Sentiment.Unspecified,
    };

    public static ComplaintStatus ToDomain(Contract.ComplaintStatus value) => value switch
    {
        Contract.ComplaintStatus.Unspecified => ComplaintStatus.Unspecified,
        Contract.ComplaintStatus.Recorded => ComplaintStatus.Recorded,
        Contract.ComplaintStatus.Accepted => ComplaintStatus.Accepted,
        Contract.ComplaintStatus.Analysed => ComplaintStatus.Analysed,
        Contract.ComplaintStatus.BeingHandled => ComplaintStatus.BeingHandled,
        Contract.ComplaintStatus.Resolved => ComplaintStatus.Resolved,
        Contract.ComplaintStatus.FollowUpDone => ComplaintStatus.FollowUpDone,
        Contract.ComplaintStatus.Closed => ComplaintStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this ComplaintStatus."),
    };

    public static Contract.ComplaintStatus ToProto(ComplaintStatus value) => value switch
    {
        ComplaintStatus.Unspecified => Contract.ComplaintStatus.Unspecified,
        ComplaintStatus.Recorded => Contract.ComplaintStatus.Recorded,
        ComplaintStatus.Accepted => Contract.ComplaintStatus.Accepted,
        ComplaintStatus.Analysed => Contract.ComplaintStatus.Analysed,
        ComplaintStatus.BeingHandled => Contract.ComplaintStatus.BeingHandled,
        ComplaintStatus.Resolved => Contract.ComplaintStatus.Resolved,
        ComplaintStatus.FollowUpDone => Contract.ComplaintStatus.FollowUpDone,
        ComplaintStatus.Closed => Contract.ComplaintStatus.Closed,
        _ => Contract.ComplaintStatus.Unspecified,
    };

    public static ComplaintSeverity ToDomain(Contract.ComplaintSeverity value) => value switch
    {
        Contract.ComplaintSeverity.Unspecified => ComplaintSeverity.Unspecified,
        Contract.ComplaintSeverity.Low => ComplaintSeverity.Low,
        Contract.ComplaintSeverity.Medium => ComplaintSeverity.Medium,
        Contract.ComplaintSeverity.High => ComplaintSeverity.High,
        Contract.ComplaintSeverity.Critical => ComplaintSeverity.Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this ComplaintSeverity."),
    };

    public static Contract.ComplaintSeverity ToProto(ComplaintSeverity value) => value switch
    {
        ComplaintSeverity.Unspecified => Contract.ComplaintSeverity.Unspecified,
        ComplaintSeverity.Low => Contract.ComplaintSeverity.Low,
        ComplaintSeverity.Medium => Contract.ComplaintSeverity.Medium,
        ComplaintSeverity.High => Contract.ComplaintSeverity.High,
        ComplaintSeverity.Critical => Contract.ComplaintSeverity.Critical,
        _ => Contract.ComplaintSeverity.Unspecified,
    };

    public static LoyaltyStage ToDomain(Contract.LadderStage value) => value switch
    {
        Contract.LadderStage.Unspecified => LoyaltyStage.Unspecified,
        Contract.LadderStage.Suspect => LoyaltyStage.Suspect,
        Contract.LadderStage.Prospect => LoyaltyStage.Prospect,
        Contract.LadderStage.FirstTimeCustomer => LoyaltyStage.FirstTimeCustomer,
        Contract.LadderStage.RepeatCustomer => LoyaltyStage.RepeatCustomer,
        Contract.LadderStage.Supporter => LoyaltyStage.Supporter,
        Contract.LadderStage.Advocate => LoyaltyStage.Advocate,
        Contract.LadderStage.Partner => LoyaltyStage.Partner,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this LadderStage."),
    };

    public static Contract.LadderStage ToProto(LoyaltyStage value) => value switch
    {
        LoyaltyStage.Unspecified => Contract.LadderStage.Unspecified,
        LoyaltyStage.Suspect => Contract.LadderStage.Suspect,
        LoyaltyStage.Prospect => Contract.LadderStage.Prospect,
        LoyaltyStage.FirstTimeCustomer => Contract.LadderStage.FirstTimeCustomer,
        LoyaltyStage.RepeatCustomer => Contract.LadderStage.RepeatCustomer,
        LoyaltyStage.Supporter => Contract.LadderStage.Supporter,
        LoyaltyStage.Advocate => Contract.LadderStage.Advocate,
        LoyaltyStage.Partner => Contract.LadderStage.Partner,
        _ => Contract.LadderStage.Unspecified,
    };

    public static ChurnRiskLevel ToDomain(Contract.ChurnRiskLevel value) => value switch
    {
        Contract.ChurnRiskLevel.Unspecified => ChurnRiskLevel.Unspecified,
        Contract.ChurnRiskLevel.Low => ChurnRiskLevel.Low,
        Contract.ChurnRiskLevel.Medium => ChurnRiskLevel.Medium,
        Contract.ChurnRiskLevel.High => ChurnRiskLevel.High,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "No domain value for this ChurnRiskLevel."),
    };

    public static Contract.ChurnRiskLevel ToProto(ChurnRiskLevel value) => value switch
    {
        ChurnRiskLevel.Unspecified => Contract.ChurnRiskLevel.Unspecified,
        ChurnRiskLevel.Low => Contract.ChurnRiskLevel.Low,
        ChurnRiskLevel.Medium => Contract.ChurnRiskLevel.Medium,
        ChurnRiskLevel.High => Contract.ChurnRiskLevel.High,
        _ => Contract.ChurnRiskLevel.Unspecified,
    };
}
