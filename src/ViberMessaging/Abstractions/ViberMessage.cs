namespace ViberMessaging;

/// <summary>
/// One Viber business message to one or many recipients, in terms every provider understands. Each provider maps
/// it to its own wire format and checks it against its own rules (see <see cref="IViberSender.Capabilities"/>)
/// before anything is sent.
/// </summary>
/// <example>
/// <code>
/// var message = new ViberMessage
/// {
///     Sender = "MyShop",
///     Recipients = [PhoneNumber.Parse("+380 98 936 11 21")],
///     Text = "Your order 1042 has shipped.",
///     Button = new ViberButton("Track", new Uri("https://myshop.example/t/1042")),
///     SmsFallback = new SmsFallback("Order 1042 shipped: myshop.example/t/1042") { Sender = "MyShop" },
/// };
/// </code>
/// </example>
public sealed class ViberMessage
{
    /// <summary>The registered Viber sender name (alpha name) the message comes from.</summary>
    /// <value>Required by every provider except when replying in an existing two-way chat.</value>
    public string? Sender { get; init; }

    /// <summary>The recipients. A provider splits long lists into requests of the size it allows.</summary>
    /// <value>Empty by default; at least one is required except when replying in an existing two-way chat.</value>
    public IReadOnlyList<PhoneNumber> Recipients { get; init; } = [];

    /// <summary>The message text.</summary>
    /// <value><see langword="null"/> by default. Required unless the provider supports image-only messages and <see cref="ImageUrl"/> is set.</value>
    public string? Text { get; init; }

    /// <summary>A public, absolute http(s) URL of the image to show.</summary>
    /// <value><see langword="null"/> by default (no image).</value>
    public Uri? ImageUrl { get; init; }

    /// <summary>A button under the text.</summary>
    /// <value><see langword="null"/> by default (no button).</value>
    public ViberButton? Button { get; init; }

    /// <summary>How long the provider keeps trying to deliver the Viber message before it expires (and any SMS fallback starts).</summary>
    /// <value><see langword="null"/> by default: the provider's default.</value>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>An SMS to send when the Viber message cannot be delivered.</summary>
    /// <value><see langword="null"/> by default (no fallback).</value>
    public SmsFallback? SmsFallback { get; init; }

    /// <summary>Whether the message is transactional (a receipt, a code) or promotional (marketing).</summary>
    /// <value>
    /// <see langword="null"/> by default: not chosen. A provider that routes the two kinds differently derives it from
    /// the content (for example: an image or a button makes the message promotional, text alone transactional; the
    /// provider pages in the docs say which do); the others treat an unchosen kind as transactional.
    /// </value>
    public MessageKind? Kind { get; init; }

    /// <summary>The window in which the provider may send the message.</summary>
    /// <value><see langword="null"/> by default: send now.</value>
    public MessageSchedule? Schedule { get; init; }

    /// <summary>Opens a two-way chat with each recipient, or replies in an existing chat.</summary>
    /// <value><see langword="null"/> by default: a one-way message.</value>
    public TwoWayOptions? TwoWay { get; init; }

    /// <summary>The delivery priority, where the provider has one.</summary>
    /// <value><see langword="null"/> by default: derived from <see cref="Kind"/> (promotional → low, transactional or not chosen → high) or the provider's default.</value>
    public MessagePriority? Priority { get; init; }

    /// <summary>Where the provider should post status updates, where it supports callbacks.</summary>
    /// <value><see langword="null"/> by default (poll with <see cref="IStatusQuery"/>).</value>
    public Uri? CallbackUrl { get; init; }

    /// <summary>Your own reference for the message (an order number, a campaign name), passed where the provider has a comment or name field.</summary>
    /// <value><see langword="null"/> by default.</value>
    public string? ClientReference { get; init; }

    /// <summary>The same message to other recipients (a router sends each route's part of the list), with another text if given (a campaign's rendered template).</summary>
    internal ViberMessage WithRecipients(IReadOnlyList<PhoneNumber> recipients, string? text = null) => new()
    {
        Sender = Sender,
        Recipients = recipients,
        Text = text ?? Text,
        ImageUrl = ImageUrl,
        Button = Button,
        TimeToLive = TimeToLive,
        SmsFallback = SmsFallback,
        Kind = Kind,
        Schedule = Schedule,
        TwoWay = TwoWay,
        Priority = Priority,
        CallbackUrl = CallbackUrl,
        ClientReference = ClientReference,
    };
}
