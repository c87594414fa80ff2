using System.Text.Json.Serialization;

namespace ViberMessaging.SmsClub;

/// <summary>The answer of <c>POST /sms/balance</c>: <c>{"success_request":{"info":{"money":"8111.1700","currency":"UAH"}}}</c>.</summary>
internal sealed record SmsClubBalanceResponse
{
    [JsonPropertyName("success_request")]
    public SmsClubBalanceSuccess? SuccessRequest { get; init; }

    /// <summary>The Viber API's spelling, accepted too.</summary>
    [JsonPropertyName("successfulRequest")]
    public SmsClubBalanceSuccess? SuccessfulRequest { get; init; }
}

/// <summary>The success block; the balance sits in <c>info</c> (or <c>requestData</c>).</summary>
internal sealed record SmsClubBalanceSuccess
{
    [JsonPropertyName("info")]
    public SmsClubBalanceInfo? Info { get; init; }

    [JsonPropertyName("requestData")]
    public SmsClubBalanceInfo? RequestData { get; init; }
}

/// <summary>The balance: money as a 4-decimal string (read exactly as <see cref="decimal"/>) and the currency.</summary>
internal sealed record SmsClubBalanceInfo
{
    [JsonPropertyName("money")]
    [JsonConverter(typeof(SmsClubDecimalConverter))]
    public decimal? Money { get; init; }

    [JsonPropertyName("currency")]
    [JsonConverter(typeof(SmsClubStringConverter))]
    public string? Currency { get; init; }
}
