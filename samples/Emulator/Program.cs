// The provider emulator as a standalone server on a fixed port: for curl, for Postman, for apps in other stacks.
//   dotnet run --project samples/Emulator -- --port 5080
using System.CommandLine;
using ViberMessaging;
using ViberMessaging.Testing;

var port = new Option<int>("--port", "-p")
{
    Description = "The port to listen on (127.0.0.1 only).",
    DefaultValueFactory = _ => 5080,
};
port.Validators.Add(result =>
{
    if (result.GetValue(port) is < 1 or > 65535)
    {
        result.AddError("--port must be between 1 and 65535.");
    }
});
var smsClubRate = new Option<int>("--smsclub-rate")
{
    Description = "SMS Club's strict rate limit, requests per second (its documented limit is 9).",
    DefaultValueFactory = _ => 9,
};

var root = new RootCommand($"Runs the ViberMessaging provider emulator ({string.Join(", ", ViberProviders.All)}) on 127.0.0.1 until Ctrl+C.")
{
    port,
    smsClubRate,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new ViberEmulatorOptions { Port = parse.GetValue(port) };
    options.RateLimits[ViberProviders.SmsClub] = new EmulatorRateLimit(parse.GetValue(smsClubRate), TimeSpan.FromSeconds(1));
    ViberEmulator emulator;
    try
    {
        emulator = await ViberEmulator.StartAsync(options, cancellationToken);
    }
    catch (IOException error)
    {
        await Console.Error.WriteLineAsync($"Cannot listen on 127.0.0.1:{options.Port}: {error.Message}");
        return 2;
    }

    await using (emulator)
    {
        Console.WriteLine($"ViberMessaging emulator listening on {emulator.BaseAddress}");
        foreach (var provider in emulator.Providers)
        {
            Console.WriteLine($"  {provider,-16} {emulator.GetBaseAddress(provider)}");
            foreach (var endpoint in emulator.GetEndpoints(provider))
            {
                Console.WriteLine($"    {endpoint}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("Configuration that points an app at it (ViberMessaging:<Provider>:<Key>, or ViberMessaging__<Provider>__<Key>):");
        foreach (var provider in emulator.Providers)
        {
            foreach (var (key, value) in emulator.GetConfiguration(provider))
            {
                Console.WriteLine($"  {provider,-16} {key,-12} {value}");
            }
        }
        Console.WriteLine();
        Console.WriteLine("Press Ctrl+C to stop.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"Stopping. Requests received: {emulator.Requests.Count}.");
    }

    return 0;
});

// Ctrl+C and SIGTERM cancel the action's token; the emulator then stops cleanly.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
