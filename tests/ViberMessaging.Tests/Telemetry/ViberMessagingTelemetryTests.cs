using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ViberMessaging.Telemetry;
using ViberMessaging.Testing;
using ViberMessaging.Tests.TestSupport;
using static ViberMessaging.Tests.TestSupport.Measurements;

namespace ViberMessaging.Tests.Telemetry;

/// <summary>
/// Every span and instrument the SDK publishes, observed as a user's OpenTelemetry would: by the public names, through
/// a <see cref="MetricCollector{T}"/> or an <see cref="ActivityListener"/>. Each test registers its account under a
/// name of its own, so measurements of tests running beside it are told apart by <c>vibermessaging.provider</c>.
/// </summary>
public sealed class ViberMessagingTelemetryTests
{
    private static readonly PhoneNumber Phone = PhoneNumber.Parse("+380501234567");

    [Fact]
    public void Names_AreThePublicConstants()
    {
        Assert.Equal(ViberMessagingTelemetry.ActivitySourceName, ViberMessagingInstruments.ActivitySource.Name);
        Assert.Equal(ViberMessagingTelemetry.MeterName, ViberMessagingInstruments.Meter.Name);
        Assert.Equal("ViberMessaging", ViberMessagingTelemetry.MeterName);
    }

    [Fact]
    public async Task SendAsync_Accepted_RecordsTheOperationDurationInSecondsWithoutErrorType()
    {
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        await using var harness = await StartAsync("TelemetrySendOk");

        await harness.Sender("TelemetrySendOk").SendAsync(Message());

        var measurement = Assert.Single(For(duration, "TelemetrySendOk"));
        Assert.Equal("s", duration.Instrument!.Unit);
        Assert.Equal("send", measurement.Tags[ViberMessagingInstruments.OperationTag]);
        Assert.False(measurement.Tags.ContainsKey(ViberMessagingInstruments.ErrorTypeTag));
        Assert.InRange(measurement.Value, 1e-6, 30);   // seconds: a loopback send is far below 30 s, and above 0
    }

    [Fact]
    public async Task SendAsync_Failed_RecordsTheDurationWithErrorTypeAndAnErrorSpan()
    {
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();
        await using var harness = await StartAsync("TelemetrySendFails");
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.ServerErrorAfterAccept());

        var error = await Assert.ThrowsAsync<ViberMessagingException>(() => harness.Sender("TelemetrySendFails").SendAsync(Message()));

        var measurement = Assert.Single(For(duration, "TelemetrySendFails"));
        Assert.Equal(error.ErrorCode.ToString(), measurement.Tags[ViberMessagingInstruments.ErrorTypeTag]);
        var span = Assert.Single(spans.For("TelemetrySendFails"));
        Assert.Equal("ViberMessaging.Send", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(error.ErrorCode.ToString(), span.GetTagItem(ViberMessagingInstruments.ErrorTypeTag));
    }

    [Fact]
    public async Task SendAsync_Accepted_CountsRecipientsByStatus()
    {
        using var recipients = Collect<long>(ViberMessagingInstruments.SendRecipientsName);
        await using var harness = await StartAsync("TelemetryRecipients");

        await harness.Sender("TelemetryRecipients").SendAsync(Message(Phone, PhoneNumber.Parse("+380501234568")));

        var measurement = Assert.Single(For(recipients, "TelemetryRecipients"));
        Assert.Equal(2, measurement.Value);
        Assert.Equal("accepted", measurement.Tags[ViberMessagingInstruments.RecipientStatusTag]);
        Assert.Equal("{recipient}", recipients.Instrument!.Unit);
    }

    [Fact]
    public async Task SendAsync_EveryAttempt_RecordsItsPacingWaitInSeconds()
    {
        using var wait = Collect<double>(ViberMessagingInstruments.PacingWaitName);
        await using var harness = await StartAsync("TelemetryPacing");

        await harness.Sender("TelemetryPacing").SendAsync(Message());
        await harness.Sender("TelemetryPacing").SendAsync(Message());

        var measurements = For(wait, "TelemetryPacing");
        Assert.Equal(2, measurements.Count);
        Assert.Equal("s", wait.Instrument!.Unit);
        Assert.All(measurements, m => Assert.InRange(m.Value, 0, 5));
    }

    [Fact]
    public async Task SendAsync_RateLimitedThenAccepted_CountsTheRefusal()
    {
        using var refused = Collect<long>(ViberMessagingInstruments.RateLimitedName);
        await using var harness = await StartAsync("TelemetryRateLimited");
        harness.Emulator.InjectFault(ViberProviders.SmsClub, EmulatorFault.RateLimited(TimeSpan.Zero));

        var result = await harness.Sender("TelemetryRateLimited").SendAsync(Message());

        Assert.True(result.IsFullyAccepted);
        var measurement = Assert.Single(For(refused, "TelemetryRateLimited"));
        Assert.Equal(1, measurement.Value);
        Assert.Equal("{request}", refused.Instrument!.Unit);
    }

    [Fact]
    public async Task GetStatusesAsync_RecordsItsDurationAndSpan()
    {
        using var duration = Collect<double>(ViberMessagingInstruments.OperationDurationName);
        using var spans = new SpanRecorder();
        await using var harness = await StartAsync("TelemetryStatus");
        var sent = await harness.Sender("TelemetryStatus").SendAsync(Message());

        await harness.StatusQuery("TelemetryStatus").GetStatusesAsync(sent.MessageIds);

        var status = Assert.Single(For(duration, "TelemetryStatus"), m => (string?)m.Tags[ViberMessagingInstruments.OperationTag] == "get_statuses");
        Assert.False(status.Tags.ContainsKey(ViberMessagingInstruments.ErrorTypeTag));
        var span = Assert.Single(spans.For("TelemetryStatus"), s => s.DisplayName == "ViberMessaging.GetStatuses");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(1, span.GetTagItem(ViberMessagingInstruments.IdsTag));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task Spans_CarryCountsButNoPhoneTextOrCredential()
    {
        using var spans = new SpanRecorder();
        await using var harness = await StartAsync("TelemetrySecrets");

        await harness.Sender("TelemetrySecrets").SendAsync(Message());

        var span = Assert.Single(spans.For("TelemetrySecrets"));
        Assert.Equal(1, span.GetTagItem(ViberMessagingInstruments.AcceptedTag));
        var values = span.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var secrets = new[] { harness.Emulator.Options.Credentials.SmsClubToken, Phone.ToString(), Phone.ToString().TrimStart('+'), Message().Text! };
        Assert.All(secrets, secret => Assert.DoesNotContain(values, v => v is not null && v.Contains(secret, StringComparison.Ordinal)));
    }

    private static ViberMessage Message(params PhoneNumber[] recipients)
        => new() { Sender = "MyShop", Recipients = recipients.Length == 0 ? [Phone] : recipients, Text = "Your order has shipped." };

    private static Task<EmulatorHarness> StartAsync(string name)
        => EmulatorHarness.StartAsync(b => b.AddSmsClub(name));
}
