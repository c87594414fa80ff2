namespace ViberMessaging;

/// <summary>A button shown under a Viber message that opens a URL.</summary>
/// <param name="Caption">The button's caption.</param>
/// <param name="Url">The absolute http(s) URL the button opens.</param>
public sealed record ViberButton(string Caption, Uri Url);
