using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ViberMessaging.Samples.BulkCampaign;

/// <summary>A progress column that says what its time is ("elapsed 00:00:04", "left 00:00:21"), unlike Spectre's bare ones.</summary>
internal sealed class LabelledTimeColumn(string label, Func<ProgressTask, TimeSpan?> time) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        => new Markup(string.Create(
            CultureInfo.InvariantCulture,
            $"[grey]{label}[/] {(time(task) is { } value ? value.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--")}"));
}
