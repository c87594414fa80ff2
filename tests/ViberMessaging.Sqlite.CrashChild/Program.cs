// One campaign run on the SQLite journal (default MaxConcurrentRequests), for CampaignCrashTests: it prints "ready" before the run, "chunk <sent>"
// after each request's outcome is journaled, and "done <summary>" at the end; the test kills it with SIGKILL at random.
//
//   ViberMessaging.Sqlite.CrashChild <journal.db> <campaign id> <recipients> <chunk size> <SmsClub setting=value>...
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging;
using ViberMessaging.Campaigns;

var journal = args[0];
var campaignId = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var chunkSize = int.Parse(args[3], CultureInfo.InvariantCulture);
var settings = args[4..].Select(a => a.Split('=', 2)).ToDictionary(p => "SmsClub:" + p[0], p => (string?)p[1]);
settings["SmsClub:Pacing:Enabled"] = "false";   // the emulator runs without rate limits: the test measures crashes, not pacing

var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection();
services.AddViberMessaging().AddSmsClub(configuration.GetSection("SmsClub")).UseSqliteCampaignJournal(journal);
await using var provider = services.BuildServiceProvider();
var runner = provider.GetRequiredService<ICampaignRunner>();
var sender = provider.GetRequiredKeyedService<IViberSender>(ViberProviders.SmsClub);
var campaign = new CampaignDefinition { Id = campaignId, ChunkSize = chunkSize, Template = new ViberMessage { Sender = "MyShop", Text = "Spring sale" } };

Console.Out.WriteLine("ready");
var summary = await runner.RunAsync(sender, campaign, Recipients(count), new Lines());
Console.Out.WriteLine("done " + summary);
return 0;

static async IAsyncEnumerable<CampaignRecipient> Recipients(int count)
{
    for (var i = 0; i < count; i++)
    {
        await Task.Yield();
        yield return new CampaignRecipient(PhoneNumber.Parse("+38050" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture)));
    }
}

/// <summary>Writes a line per request taken in, on the runner's own flow.</summary>
internal sealed class Lines : IProgress<CampaignProgress>
{
    public void Report(CampaignProgress value) => Console.Out.WriteLine("chunk " + value.Sent.ToString(CultureInfo.InvariantCulture));
}
