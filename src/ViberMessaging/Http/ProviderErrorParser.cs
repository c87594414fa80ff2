using System.Diagnostics.CodeAnalysis;

namespace ViberMessaging.Http;

/// <summary>
/// What each provider supplies to the kit to recognise its own error shape (after Azure.Core's
/// <c>RequestFailedDetailsParser</c>): given the answer and, when its body parsed as the expected type, that parsed
/// answer, whether it is the provider's error, and that error. Asked at any HTTP status. It describes; it does not
/// decide whether the request may have been processed (<see cref="Resilience.SendOutcomeRules"/> does).
/// </summary>
/// <param name="response">The buffered answer.</param>
/// <param name="answer">The body parsed as the endpoint's answer type, or <see langword="null"/> when it did not parse.</param>
/// <param name="error">The provider's error, when the answer is one.</param>
internal delegate bool ProviderErrorParser(ProviderResponse response, object? answer, [NotNullWhen(true)] out ProviderError? error);
