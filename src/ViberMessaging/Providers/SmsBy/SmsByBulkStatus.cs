namespace ViberMessaging.SmsBy;

/// <summary>What became of a <c>sendBulkViber</c> request: the mailing lists SMS.by created and the ones it refused.</summary>
public sealed class SmsByBulkStatus
{
    /// <summary>The request's uuid.</summary>
    public required string Uuid { get; init; }

    /// <summary>The mailing lists SMS.by created, with their recipients' statuses.</summary>
    public IReadOnlyList<SmsByBulkMailingStatus> Mailings { get; init; } = [];

    /// <summary>Why lists were refused, as SMS.by worded it (each prefixed with the list's name, for example <c>mailing list 3: Content url is not valid</c>).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Returns the uuid and the counts.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Uuid}: {Mailings.Count} mailings, {Errors.Count} errors";
}
