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
var credentials = emulator.Options.Credentials;
string Address(string provider) => emulator.GetBaseAddress(provider).AbsoluteUri;
string[] variables =
[
    $"ViberMessaging__SmsClub__BaseAddress={Address(ViberProviders.SmsClub)}",
    $"ViberMessaging__SmsClub__Token={credentials.SmsClubToken}",
    $"ViberMessaging__Devino__BaseAddress={Address(ViberProviders.Devino)}",
    $"ViberMessaging__Devino__Login={credentials.DevinoLogin}",
    $"ViberMessaging__Devino__Password={credentials.DevinoPassword}",
    $"ViberMessaging__DecisionTelecom__BaseAddress={Address(ViberProviders.DecisionTelecom)}",
    $"ViberMessaging__DecisionTelecom__ApiKey={credentials.DecisionTelecomApiKey}",
    $"ViberMessaging__SmsBy__BaseAddress={Address(ViberProviders.SmsBy)}",
    $"ViberMessaging__SmsBy__Token={credentials.SmsByToken}",
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
