using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using ViberMessaging.DependencyInjection;
using ViberMessaging.Http;
using ViberMessaging.Internal;

namespace ViberMessaging.Tests.DependencyInjection;

/// <summary>A minimal provider registered through the same ProviderRegistration the real ones use.</summary>
public sealed class TestProviderOptions : ViberProviderOptions
{
    public TestProviderOptions()
        : base(new Uri("https://provider.test/api"), permitLimit: 5)
    {
    }

    [Required]
    public string? Token { get; set; }
}

internal sealed class TestProviderClient(ProviderContext<TestProviderOptions> context) : IViberSender, IStatusQuery
{
    public ProviderContext<TestProviderOptions> Context { get; } = context;

    public string ProviderName => Context.Name;

    public ProviderCapabilities Capabilities { get; } = new() { MaxRecipientsPerRequest = 2, MaxStatusIdsPerRequest = 2 };

    public Task<SendResult> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
        => SendBatching.SendAsync(ProviderName, message.Recipients, 2, 1, async (chunk, token) =>
        {
            using var request = ViberRequestOptions.Create(HttpMethod.Post, "send", new StringContent("{}"), "send", idempotent: false);
            using var response = await Context.Transport.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
            {
                throw response.Error(ViberErrorCode.Unknown, "failed");
            }

            return new ChunkResult(chunk.ToArray().Select((r, i) => new RecipientResult
            {
                Recipient = r,
                Status = RecipientStatus.Accepted,
                MessageId = new MessageId(ProviderName, r.Digits),
            }).ToArray());
        }, Context.Logger, cancellationToken);

    public Task<IReadOnlyList<DeliveryReport>> GetStatusesAsync(IEnumerable<MessageId> messageIds, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<DeliveryReport>>(messageIds.Select(id => new DeliveryReport(id, DeliveryStatus.Delivered)).ToArray());
}

internal static class TestProviderRegistration
{
    public static IViberMessagingBuilder AddTestProvider(this IViberMessagingBuilder builder, string name = "Test", Action<TestProviderOptions>? configure = null, IConfiguration? section = null)
        => ProviderRegistration.Add(builder, name, section, configure, new ProviderDefinition<TestProviderOptions, TestProviderClient>
        {
            Bind = static (o, c) => c.Bind(o, static b => b.ErrorOnUnknownConfiguration = true),
            Create = static context => new TestProviderClient(context),
            Secrets = static o => [o.Token],
            ConfigureClient = static (client, o) => client.DefaultRequestHeaders.Authorization = new("Bearer", o.Token),
        });
}
