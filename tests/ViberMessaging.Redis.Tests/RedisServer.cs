using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ViberMessaging.Redis.Tests;

/// <summary>
/// A throw-away redis-server on a free loopback port with a temp directory and no persistence; stopped (and its
/// directory deleted) on dispose. Can be stopped and started again on the same port to play an outage.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vm-redis-").FullName;
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Where redis-server is, or <see langword="null"/> when it is not installed.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
        .Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort());
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var executable = Executable ?? throw new InvalidOperationException(RedisFactAttribute.Missing);
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _directory, "--daemonize", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (Exception e) when (e is SocketException or RedisException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A test that needs redis-server: skipped with a message when it is not installed on a developer's machine; never
/// skipped in CI (<c>CI=true</c>), where <c>.ci/run</c> installs it.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Missing = "redis-server is not installed: `apt-get install redis-server` (the tests start their own on a free loopback port).";

    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = Missing;
        }
    }
}
