namespace ViberMessaging.Campaigns;

/// <summary>One recipient of a campaign and the values of the template's <c>{variables}</c> for it.</summary>
public sealed class CampaignRecipient
{
    /// <summary>Creates a recipient.</summary>
    /// <param name="phone">The recipient's number.</param>
    /// <param name="variables">The values of the template's <c>{name}</c> placeholders for this recipient, or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is <see langword="null"/>.</exception>
    public CampaignRecipient(PhoneNumber phone, IReadOnlyDictionary<string, string>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(phone);
        Phone = phone;
        Variables = variables ?? EmptyVariables;
    }

    /// <summary>The recipient's number; within a campaign, it identifies the recipient in the journal.</summary>
    public PhoneNumber Phone { get; }

    /// <summary>The values of the template's <c>{name}</c> placeholders (names compared as given).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    private static IReadOnlyDictionary<string, string> EmptyVariables { get; } = new Dictionary<string, string>();
}
