namespace ViberMessaging;

/// <summary>
/// The input broke one or more rules that are checked before any request is sent. Every broken rule is listed at
/// once in <see cref="Errors"/>; nothing was sent (<see cref="ViberMessagingException.Outcome"/> is
/// <see cref="SendOutcome.NotSent"/>).
/// </summary>
public sealed class ViberValidationException : ViberMessagingException
{
    /// <summary>Creates the exception from the broken rules.</summary>
    /// <param name="errors">Every broken rule; at least one.</param>
    public ViberValidationException(IReadOnlyList<ValidationError> errors)
        : base(ViberErrorCode.ValidationFailed, Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every broken rule, in the order found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one validation error is required.", nameof(errors));
        }

        return errors.Count == 1
            ? $"The request is invalid: {errors[0]}"
            : $"The request is invalid ({errors.Count} problems): " + string.Join("; ", errors);
    }
}
