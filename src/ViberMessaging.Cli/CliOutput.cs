using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace ViberMessaging.Cli;

/// <summary>
/// Where a command writes: Spectre.Console tables and live progress on a terminal, plain lines when redirected, or
/// one JSON document with <c>--json</c>. Everything written passes through a filter that replaces every configured
/// credential with <c>***</c>.
/// </summary>
internal sealed class CliOutput
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Phones keep their '+': the document is for scripts and people, never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly RedactingWriter _out;
    private readonly RedactingWriter _error;

    public CliOutput(ViberCliContext context, bool json)
    {
        Json = json;
        _out = new RedactingWriter(context.Output);
        _error = new RedactingWriter(context.Error);

        // Spectre decides "terminal" by comparing the writer with Console.Out, which the filter hides: decide here.
        IsTerminal = ReferenceEquals(context.Output, System.Console.Out) && !System.Console.IsOutputRedirected && !json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_out),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        Console.Profile.Width = IsTerminal ? SafeWindowWidth() : 160;
        if (IsTerminal)
        {
            Console.Profile.Capabilities.Ansi = true;
            Console.Profile.Capabilities.Interactive = true;
        }
    }

    /// <summary>Whether the command writes JSON.</summary>
    public bool Json { get; }

    /// <summary>Whether output is a terminal (live progress, colours).</summary>
    public bool IsTerminal { get; }

    /// <summary>Tables and markup.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Plain lines on standard output.</summary>
    public TextWriter Out => _out;

    /// <summary>Errors and warnings.</summary>
    public TextWriter Error => _error;

    /// <summary>Adds values never to print (the configuration's credentials).</summary>
    public void AddSecrets(IEnumerable<string> secrets)
    {
        _out.Add(secrets);
        _error.Add(secrets);
    }

    /// <summary>Writes <paramref name="value"/> as the command's JSON document.</summary>
    public void WriteJson(object value)
    {
        _out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
        _out.Flush();
    }

    /// <summary>Writes a line of text when the output is not JSON.</summary>
    public void Line(string text)
    {
        if (!Json)
        {
            _out.WriteLine(text);
        }
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Math.Max(80, System.Console.WindowWidth);
        }
        catch (IOException)
        {
            return 120;
        }
    }

    /// <summary>Forwards text a line at a time (or on flush) with every secret replaced.</summary>
    private sealed class RedactingWriter(TextWriter inner) : TextWriter
    {
        private readonly System.Text.StringBuilder _pending = new();
        private readonly object _gate = new();
        private string[] _secrets = [];

        public override System.Text.Encoding Encoding => inner.Encoding;

        public void Add(IEnumerable<string> secrets)
        {
            lock (_gate)
            {
                _secrets = [.. _secrets.Concat(secrets).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                _pending.Append(value);
                if (value == '\n')
                {
                    Forward();
                }
            }
        }

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            lock (_gate)
            {
                _pending.Append(value);
                if (value.Contains('\n', StringComparison.Ordinal))
                {
                    Forward();
                }
            }
        }

        public override void Flush()
        {
            lock (_gate)
            {
                Forward();
                inner.Flush();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }

            base.Dispose(disposing);
        }

        private void Forward()
        {
            if (_pending.Length == 0)
            {
                return;
            }

            var text = _pending.ToString();
            _pending.Clear();
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }

            inner.Write(text);
        }
    }
}
