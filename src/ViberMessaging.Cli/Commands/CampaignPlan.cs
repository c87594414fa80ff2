using System.Text.Json;

namespace ViberMessaging.Cli.Commands;

/// <summary>
/// What <c>viber campaign run</c> was asked to send, kept beside the journal (<c>&lt;id&gt;.campaign.json</c>) so
/// <c>resume</c> sends the same message to the same file, and <c>report</c> can say what it was.
/// </summary>
internal sealed record CampaignPlan
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Id { get; init; }

    public required string File { get; init; }

    public required string Provider { get; init; }

    public string? Sender { get; init; }

    public string? Text { get; init; }

    public string? ImageUrl { get; init; }

    public string? ButtonCaption { get; init; }

    public string? ButtonUrl { get; init; }

    public string? SmsFallback { get; init; }

    public string? SmsSender { get; init; }

    public MessageKind? Kind { get; init; }

    public int? ChunkSize { get; init; }

    /// <summary>--concurrency of the run (a resume may change it); <see langword="null"/>: the runner's default.</summary>
    public int? MaxConcurrentRequests { get; init; }

    public static string PathOf(string journalDirectory, string id) => System.IO.Path.Combine(journalDirectory, id + ".campaign.json");

    public static CampaignPlan? Load(string journalDirectory, string id)
    {
        var path = PathOf(journalDirectory, id);
        if (!System.IO.File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CampaignPlan>(System.IO.File.ReadAllText(path), Options)
                ?? throw new CliUsageException($"campaign '{id}': '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"campaign '{id}': cannot read '{path}': {e.Message}");
        }
    }

    public void Save(string journalDirectory)
    {
        Directory.CreateDirectory(journalDirectory);
        System.IO.File.WriteAllText(PathOf(journalDirectory, Id), JsonSerializer.Serialize(this, Options));
    }

    public ViberMessage ToTemplate() => new()
    {
        Sender = Sender,
        Recipients = [],
        Text = Text,
        ImageUrl = ImageUrl is null ? null : new Uri(ImageUrl),
        Button = ButtonCaption is null || ButtonUrl is null ? null : new ViberButton(ButtonCaption, new Uri(ButtonUrl)),
        SmsFallback = SmsFallback is null ? null : new SmsFallback(SmsFallback) { Sender = SmsSender },
        Kind = Kind,
    };
}
