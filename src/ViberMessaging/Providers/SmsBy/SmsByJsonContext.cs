using System.Text.Json.Serialization;

namespace ViberMessaging.SmsBy;

/// <summary>
/// The source-generated JSON contracts of SMS.by. Exact out (unset fields omitted), lenient in (property names in
/// any casing, numbers written as strings, ids and phones as either).
/// </summary>
[JsonSourceGenerationOptions(
    MaxDepth = 32,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SmsByBulkRequest))]
[JsonSerializable(typeof(SmsByBulkResponse))]
[JsonSerializable(typeof(SmsByBulkStatusRequest))]
[JsonSerializable(typeof(List<SmsByBulkStatusItem>))]
[JsonSerializable(typeof(SmsByBulkStatusItem))]
[JsonSerializable(typeof(SmsByEnvelope<SmsByQuickResult>))]
[JsonSerializable(typeof(SmsByEnvelope<SmsByDeliveryData>))]
[JsonSerializable(typeof(SmsByEnvelope<SmsByListResult>))]
[JsonSerializable(typeof(SmsByEnvelope<SmsByMailingData>))]
[JsonSerializable(typeof(SmsByTextEnvelope))]
[JsonSerializable(typeof(SmsByMailingsEnvelope))]
[JsonSerializable(typeof(SmsByDeliveriesEnvelope))]
[JsonSerializable(typeof(SmsByIncomingEnvelope))]
// Items read through SmsByLenientListConverter<T> need their own contracts: the generator does not see them behind a custom converter.
[JsonSerializable(typeof(SmsByMailingData))]
[JsonSerializable(typeof(SmsByDeliveryItem))]
[JsonSerializable(typeof(SmsByIncomingMessage))]
[JsonSerializable(typeof(SmsByBulkDelivery))]
[JsonSerializable(typeof(string))]
internal sealed partial class SmsByJsonContext : JsonSerializerContext;
