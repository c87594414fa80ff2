using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ViberMessaging.Testing;

namespace ViberMessaging.Tests.TestSupport;

/// <summary>
/// A running emulator plus a service provider whose ViberMessaging registrations point at it, with every log line
/// captured. Adapter tests build their subject from it: real HTTP over loopback, the SDK's real pipeline.
/// </summary>
public sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(ViberEmulator emulator, ServiceProvider services, FakeLoggerProvider logs)
    {
        Emulator = emulator;
        Services = services;
        Logs = logs;
    }

    public ViberEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public FakeLoggerProvider Logs { get; }

    public static async Task<EmulatorHarness> StartAsync(
        Action<IViberMessagingBuilder> register,
        Action<ViberEmulatorOptions>? configureEmulator = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var options = new ViberEmulatorOptions();
        configureEmulator?.Invoke(options);
        var emulator = await ViberEmulator.StartAsync(options);
        var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddViberMessaging();
        register(builder);
        builder.UseEmulator(emulator);
        configureServices?.Invoke(services);
        return new EmulatorHarness(emulator, services.BuildServiceProvider(validateScopes: true), logs);
    }

    public IViberSender Sender(string provider) => Services.GetRequiredKeyedService<IViberSender>(provider);

    public IStatusQuery StatusQuery(string provider) => Services.GetRequiredKeyedService<IStatusQuery>(provider);

    public IViberChats Chats(string provider) => Services.GetRequiredKeyedService<IViberChats>(provider);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
