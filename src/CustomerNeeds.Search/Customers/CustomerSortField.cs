namespace CustomerNeeds.Search.Customers;

/// <summary>The fields customers can be ordered by (order_by).</summary>
public enum CustomerSortField
{
    /// <summary><c>name</c>: the resource name, i.e. the customer id.</summary>
    Name,

    /// <summary><c>display_name</c>.</summary>
    DisplayName,

    /// <summary><c>create_time</c>.</summary>
    CreateTime,

    /// <summary><c>update_time</c>.</summary>
    UpdateTime,

    /// <summary><c>last_interaction_time</c>.</summary>
    LastInteractionTime,

    /// <summary><c>open_complaint_count</c>.</summary>
    OpenComplaintCount,

    /// <summary><c>loyalty.ladder_stage</c> (ladder order, bottom first).</summary>
    LadderStage,

    /// <summary><c>loyalty.churn_risk_score</c>.</summary>
    ChurnRiskScore,

    /// <summary><c>satisfaction.csat_mean</c>.</summary>
    CsatMean,

    /// <summary><c>satisfaction.nps_score</c>.</summary>
    NpsScore,
}
