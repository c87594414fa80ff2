using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ViberMessaging.Tracking;

namespace ViberMessaging.PacingHarness;

/// <summary>Issue 19's figures: sends and status polling sharing one account's permits, and the callback endpoint's throughput.</summary>
internal sealed partial class Scenarios
{
    /// <summary>
    /// A steady send load at the limit (8 senders) while the hosted tracker follows a batch of tracked messages on the
    /// same account: sends must keep ≥ 78 % of the limit with the default 20 % polling share. SMS Club (9/s, 500 ids per
    /// status request: one short pass) and Devino (10/s, 100 ids per request: polling through most of the run).
    /// </summary>
    public async Task MixedAsync()
    {
        var tracked = settings.Quick ? 2_000 : 10_000;
        var title = $"Mixed: sends at the limit + {tracked} tracked messages on one account — {Senders} senders, {Load.TotalSeconds:0} s, PollingShare 20 %";
        Console.WriteLine(title);
        var table = new Table(title, "account", "send requests in the run", "sends, % of limit", "status requests in the run", "status requests/s", "429s", "all tracked final after", "target");
        await MixedRowAsync(SmsClub, Limit, 380500000000L, "MyShop", OneRecipient, "messageIds", statusMarker: true);
        var devinoOne = new ViberMessage { Sender = "Subject", Recipients = [PhoneNumber.Parse("79250009999")], Text = "Your order 1042 has shipped." };
        await MixedRowAsync(ViberProviders.Devino, 10, 79250000000L, "Subject", devinoOne, "resendSms", statusMarker: false);
        Tables.Add(table);

        async Task MixedRowAsync(string provider, int limit, long prefix, string senderName, ViberMessage one, string marker, bool statusMarker)
        {
            await PrepareAsync(provider == SmsClub ? Limit : 0);
            if (provider != SmsClub)
            {
                await emulator.SetLimitAsync(provider, limit, Window);
            }

            await using var sdk = Sdk.Create(emulator, provider, extend: b => b.AddDeliveryTracking(o =>
            {
                o.FirstPollAfter = TimeSpan.FromSeconds(2);
                o.MaxPollInterval = TimeSpan.FromSeconds(10);
            }));
            var tracker = sdk.GetRequiredService<DeliveryTracker>();
            await tracker.StartAsync(CancellationToken.None);
            var sender = sdk.Sender(provider);
            var recipients = Enumerable.Range(0, tracked).Select(i => PhoneNumber.Parse((prefix + i).ToString(CultureInfo.InvariantCulture))).ToArray();
            var batch = await sender.SendAsync(new ViberMessage { Sender = senderName, Recipients = recipients, Text = "Your order has shipped." });
            var before = await emulator.StatsAsync(provider, bodyContains: marker);

            var started = Stopwatch.GetTimestamp();
            tracker.Track(batch);
            var allFinal = Task.Run(async () =>
            {
                while (tracker.PendingCount > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20));
                }

                return Stopwatch.GetElapsedTime(started);
            });
            var sends = 0;
            await DriveAsync(Load, [], async (_, token) =>
            {
                var accepted = (await sender.SendAsync(one, token)).AcceptedCount == 1;
                Interlocked.Increment(ref sends);
                return accepted;
            });
            var during = await emulator.StatsAsync(provider, bodyContains: marker);
            var final = await Task.WhenAny(allFinal, Task.Delay(TimeSpan.FromMinutes(2))) == allFinal ? Format.Seconds(await allFinal) : "not within 2 min";
            await tracker.StopAsync(CancellationToken.None);
            if (provider != SmsClub)
            {
                await emulator.SetLimitAsync(provider, 0, Window);
            }

            var share = sends / (limit * Load.TotalSeconds);
            var requests = during.Arrivals.Count - before.Arrivals.Count;
            var polls = statusMarker ? during.Matching - before.Matching : requests - (during.Matching - before.Matching);
            table.Add($"{provider} {limit}/s", sends, Format.Percent(share), polls, (polls / Load.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture), during.RateLimited, final, Format.Verdict(share >= 0.78 && during.RateLimited == 0) + " (sends ≥ 78 %, 0×429)");
        }
    }
}
