using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using Xunit.Sdk;

namespace ViberMessaging.ContractTests.Support;

/// <summary>
/// One WireMock.Net server on loopback holding one provider's wire contract as mappings, and the SDK registered through
/// its public DI entry point with <c>BaseAddress</c> pointed at the server, as a user would. A request that matches no
/// mapping is answered 404 by WireMock; <see cref="RunAsync{T}"/> then fails with what the SDK actually sent.
/// </summary>
internal sealed class ContractServer : IAsyncDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        StartAdminInterface = false,
        ReadStaticMappings = false,
    });

    private ServiceProvider? _services;

    /// <summary>The server's root, with a trailing slash (the SDK resolves relative paths against it).</summary>
    public Uri BaseAddress => new(_server.Urls[0].TrimEnd('/') + "/");

    /// <summary>Every request the SDK made, in order.</summary>
    public IReadOnlyList<ILogEntry> Requests => _server.LogEntries.ToArray();

    private IServiceProvider Services => _services ?? throw new InvalidOperationException("Call Register first.");

    /// <summary>
    /// Registers the provider with <c>AddViberMessaging()</c>; retries are off so each documented answer is seen once.
    /// "Now" is the documents' day (<see cref="DocumentDayTimeProvider"/>), so their scheduled examples are in the future.
    /// </summary>
    public ContractServer Register(Action<IViberMessagingBuilder> add)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new DocumentDayTimeProvider());
        add(services.AddViberMessaging());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return this;
    }

    /// <summary>Resolves a provider service by its registration name, as the README's quickstart does.</summary>
    public T Get<T>(string name)
        where T : notnull
        => Services.GetRequiredKeyedService<T>(name);

    /// <summary>Adds one mapping: when the SDK sends <paramref name="request"/>, the server answers <paramref name="response"/>.</summary>
    public void Expect(IRequestBuilder request, IResponseBuilder response) => _server.Given(request).RespondWith(response);

    /// <summary>A JSON answer exactly as given (the document's example).</summary>
    public static IResponseBuilder Json(int status, string body)
        => Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body);

    /// <summary>
    /// Runs one SDK call. If any request matched no mapping, fails naming what was sent (the SDK's own error would only
    /// say "404"); otherwise returns the call's result or rethrows its exception for the test to assert on.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        T result;
        try
        {
            result = await call().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            FailOnUnmatched(exception);
            ExceptionDispatchInfo.Capture(exception).Throw();
            throw;
        }

        FailOnUnmatched(null);
        return result;
    }

    /// <summary>Runs one SDK call that returns nothing.</summary>
    public Task RunAsync(Func<Task> call) => RunAsync(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>Runs one SDK call that is expected to fail, and returns its exception.</summary>
    public async Task<TException> ThrowsAsync<TException>(Func<Task> call)
        where TException : Exception
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (TException exception)
        {
            FailOnUnmatched(exception);
            return exception;
        }

        FailOnUnmatched(null);
        throw new XunitException($"Expected {typeof(TException).Name}; the call succeeded.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        _server.Stop();
        _server.Dispose();
    }

    private void FailOnUnmatched(Exception? exception)
    {
        var unmatched = _server.LogEntries.Where(e => e.MappingGuid is null).ToArray();
        if (unmatched.Length == 0)
        {
            return;
        }

        var text = new StringBuilder("The SDK sent a request that breaks the documented contract (no mapping matched):");
        foreach (var entry in unmatched)
        {
            var request = entry.RequestMessage;
            text.AppendLine().Append("  ").Append(request.Method).Append(' ').Append(request.Url);
            foreach (var header in new[] { "Authorization", "Content-Type" })
            {
                if (request.Headers?.TryGetValue(header, out var values) == true)
                {
                    text.AppendLine().Append("    ").Append(header).Append(": ").Append(string.Join(", ", values));
                }
            }

            text.AppendLine().Append("    body: ").Append(request.Body);
            if (request.Body is null && request.BodyAsBytes is { Length: > 0 } bytes)
            {
                foreach (var (name, fileName, content) in MultipartBody.Parse(bytes))
                {
                    text.AppendLine().Append("      part ").Append(name).Append(fileName is null ? string.Empty : " (file " + fileName + ")").Append(": ").Append(content);
                }
            }
        }

        if (exception is not null)
        {
            text.AppendLine().Append("The SDK then threw: ").Append(exception.GetType().Name).Append(": ").Append(exception.Message);
        }

        throw new XunitException(text.ToString());
    }
}
