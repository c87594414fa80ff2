using ViberMessaging.Internal;

namespace ViberMessaging;

/// <summary>One broken rule found before a request was sent.</summary>
/// <param name="Field">The field, in the neutral model's names (for example <c>Text</c>, <c>Button.Caption</c>, <c>Recipients[3]</c>).</param>
/// <param name="Rule">A short, stable rule name (for example <c>Required</c>, <c>MaxLength</c>, <c>Range</c>, <c>Together</c>).</param>
/// <param name="Message">A sentence that says what is wrong and what is allowed. Characters that cannot be printed (control and bidirectional-override characters, half of a surrogate pair) are written escaped, as <c>\uXXXX</c>.</param>
public sealed record ValidationError(string Field, string Rule, string Message)
{
    private readonly string _message = PrintableText.Escape(Message);

    /// <summary>A sentence that says what is wrong and what is allowed, safe to log: unprintable characters of quoted input are escaped (<c>\uXXXX</c>).</summary>
    public string Message
    {
        get => _message;
        init => _message = PrintableText.Escape(value);
    }

    /// <summary>Returns <c>Field: Message (Rule)</c>.</summary>
    /// <returns>The error as one line of text.</returns>
    public override string ToString() => $"{Field}: {Message} ({Rule})";
}
