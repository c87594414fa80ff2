using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ViberMessaging.SmsBy;

/// <summary>
/// Settings of one SMS.by account: the API token, the map from sender names to SMS.by's sender ids, the provider's
/// time zone and the bulk request size. Bind them from <c>ViberMessaging:SmsBy</c> (for example the environment
/// variable <c>ViberMessaging__SmsBy__Token</c>) or set them in code.
/// </summary>
/// <remarks>
/// <para>
/// SMS.by identifies senders by number, not by name: <c>vibername_id</c> for the Viber sender and
/// <c>alphaname_id</c> for the SMS sender of a forwarded message. <see cref="ViberSenders"/> and
/// <see cref="SmsSenders"/> let the neutral <see cref="ViberMessage.Sender"/> and <see cref="SmsFallback.Sender"/>
/// keep using names; a sender that is not in the map but is a positive number is used as the id itself.
/// </para>
/// <para><see cref="object.ToString"/> never prints the token.</para>
/// </remarks>
public sealed class SmsByOptions : ViberProviderOptions
{
    /// <summary>The production endpoint, <c>https://app.sms.by/</c>; the API lives under <c>api/v1/</c> and <c>api/v2/</c> below it.</summary>
    public const string DefaultBaseAddress = "https://app.sms.by/";

    /// <summary>
    /// The pacing default. SMS.by documents a 429 answer but no rate; 10 requests per second is well within what
    /// its public clients send. Raise or lower it with <see cref="ViberProviderOptions.Pacing"/>.
    /// </summary>
    public const int DefaultPermitLimit = 10;

    /// <summary>Creates options with the production endpoint and the default pacing.</summary>
    public SmsByOptions()
        : base(new Uri(DefaultBaseAddress), DefaultPermitLimit)
    {
    }

    /// <summary>
    /// The API token (a secret). It travels where SMS.by's document puts it: in the query string of
    /// <c>sendBulkViber</c>, <c>statusBulkViber</c>, <c>confirmViberMessage</c>, <c>getViberMessages</c> and
    /// <c>getViberMessageData</c> (the bulk methods' JSON body carries it too, as the document's sample and SMS.by's
    /// clients do), in the form body of the other methods. It never appears in a log line, an exception or a metric.
    /// </summary>
    /// <value><see langword="null"/>: required.</value>
    public string? Token { get; set; }

    /// <summary>
    /// Viber sender names and their SMS.by <c>vibername_id</c> (from SMS.by's <c>getVibernames</c>). Names compare
    /// case-insensitively. Configuration: <c>ViberMessaging:SmsBy:ViberSenders:MyShop = 101</c>.
    /// </summary>
    /// <value>Empty.</value>
    public IDictionary<string, int> ViberSenders { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// SMS sender names (alpha names) and their SMS.by <c>alphaname_id</c>, used for the SMS of a forwarded message, and
    /// for the <c>alphaname_id</c> of a <c>sendBulkViber</c> mailing list: a Viber sender with an entry here under the
    /// same name is sent by this id (otherwise by its <see cref="ViberSenders"/> id). Names compare case-insensitively.
    /// Configuration: <c>ViberMessaging:SmsBy:SmsSenders:MyShop = 444</c>.
    /// </summary>
    /// <value>Empty.</value>
    public IDictionary<string, int> SmsSenders { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The Viber sender (a name in <see cref="ViberSenders"/>, or a numeric id) used where a message names none:
    /// chat replies and mailings without <see cref="ViberMessage.Sender"/>.
    /// </summary>
    /// <value><see langword="null"/>: the only entry of <see cref="ViberSenders"/> when there is exactly one; otherwise none.</value>
    public string? DefaultSender { get; set; }

    /// <summary>
    /// The offset from UTC of the times SMS.by sends and expects without a zone (<c>schedule_time</c>,
    /// <c>d_schedule</c>, <c>status_time</c>, <c>d_create</c>, <c>d_receiver</c>). SMS.by runs on Minsk time
    /// (Europe/Minsk, UTC+3 all year, no daylight saving since 2011); set another offset for a white-label clone
    /// in another zone.
    /// </summary>
    /// <value>3 hours.</value>
    public TimeSpan ProviderUtcOffset { get; set; } = TimeSpan.FromHours(3);

    /// <summary>
    /// The most recipients one <c>sendBulkViber</c> request carries. SMS.by documents no limit; longer recipient
    /// lists are split into several paced requests (one mailing list each).
    /// </summary>
    /// <value>1000.</value>
    [Range(2, 100_000)]
    public int MaxRecipientsPerBulkRequest { get; set; } = 1000;

    /// <summary>Returns the endpoint, the pacing and the number of mapped senders, never the token.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
        => base.ToString().TrimEnd('}', ' ')
            + string.Create(CultureInfo.InvariantCulture, $", ViberSenders = {ViberSenders.Count}, SmsSenders = {SmsSenders.Count} }}");

    /// <summary>Resolves the Viber sender of a message (or <see cref="DefaultSender"/> when it names none) to its <c>vibername_id</c>.</summary>
    internal bool TryResolveViberSender(string? sender, out int id)
    {
        if (string.IsNullOrWhiteSpace(sender))
        {
            sender = DefaultSender;
            if (string.IsNullOrWhiteSpace(sender))
            {
                if (ViberSenders.Count == 1)
                {
                    id = ViberSenders.Values.First();
                    return id > 0;
                }

                id = 0;
                return false;
            }
        }

        return TryResolve(ViberSenders, sender, out id);
    }

    /// <summary>Resolves an SMS sender name to its <c>alphaname_id</c>.</summary>
    internal bool TryResolveSmsSender(string sender, out int id) => TryResolve(SmsSenders, sender, out id);

    /// <summary>
    /// The sender of a <c>sendBulkViber</c> mailing list. Its one sender field is <c>alphaname_id</c>, which everywhere
    /// else in SMS.by's API is the alpha name's id: the sender's entry in <see cref="SmsSenders"/> (by the same name,
    /// or <see cref="DefaultSender"/>'s when the message names none) when it has one, else its Viber id.
    /// </summary>
    internal int ResolveBulkSender(string? sender, int viberSenderId)
    {
        var name = !string.IsNullOrWhiteSpace(sender) ? sender
            : !string.IsNullOrWhiteSpace(DefaultSender) ? DefaultSender
            : ViberSenders.Count == 1 ? ViberSenders.Keys.First()
            : null;
        return name is not null && SmsSenders.TryGetValue(name.Trim(), out var alphanameId) && alphanameId > 0 ? alphanameId : viberSenderId;
    }

    private static bool TryResolve(IDictionary<string, int> map, string sender, out int id)
    {
        if (map.TryGetValue(sender.Trim(), out id))
        {
            return id > 0;
        }

        // A sender that is not mapped but is a positive number is taken as the id itself.
        return int.TryParse(sender, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
