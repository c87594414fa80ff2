using Spectre.Console;

namespace ViberMessaging.Samples;

/// <summary>Spectre.Console on any writer: the terminal when run, a <see cref="StringWriter"/> in tests.</summary>
internal static class SampleConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var target = new AnsiConsoleOutput(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = target,

            // Redirected or captured output (a file, a pipe, CI logs, tests) gets plain text: no colours, no live redraws.
            Ansi = target.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = target.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = target.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!target.IsTerminal)
        {
            // …and no width: keep tables one line per row instead of wrapping them at 80 columns.
            console.Profile.Width = 160;
        }

        return console;
    }
}
