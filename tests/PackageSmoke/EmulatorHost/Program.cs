// Starts the emulator of the packed ViberMessaging.Testing package on loopback and writes, to the file given as the
// first argument, the environment variables that point the Consumer's configuration at it. Runs until stopped.
using ViberMessaging;
using ViberMessaging.Testing;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: EmulatorHost <file to write the ViberMessaging__… variables to>");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var emulator = await ViberEmulator.StartAsync();
string[] variables =
[
    .. emulator.Providers.SelectMany(provider => emulator.GetConfiguration(provider).Select(setting => $"ViberMessaging__{provider}__{setting.Key}={setting.Value}")),
    "ViberMessaging__SmsBy__ViberSenders__MyShop=101",
];
var temporary = args[0] + ".tmp";
await File.WriteAllLinesAsync(temporary, variables);
File.Move(temporary, args[0], overwrite: true);
Console.WriteLine($"emulator (ViberMessaging.Testing {System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(ViberEmulator).Assembly)?.InformationalVersion}) at {emulator.BaseAddress}");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

Console.WriteLine($"emulator stopped after {emulator.Requests.Count} requests");
return 0;
