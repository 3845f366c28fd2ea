namespace CustomerNeeds.Domain.Needs;

/// <summary>The part of the offer a need concerns (numbers as in need.proto).</summary>
public enum NeedArea
{
    /// <summary>Not set; rejected on input.</summary>
    Unspecified = 0,

    /// <summary>Quality of the product or service.</summary>
    Quality = 1,

    /// <summary>What the product does.</summary>
    Function = 2,

    /// <summary>Price and terms.</summary>
    Price = 3,

    /// <summary>The extended product: delivery, warranty, complaint handling.</summary>
    Service = 4,

    /// <summary>Courtesy, convenience.</summary>
    PurchaseExperience = 5,
}
