using System.Collections;

namespace ViberMessaging.SmsClub;

/// <summary>
/// SMS Club's <c>phones</c>, read straight from the request's share of the recipients: a 500-recipient body is written
/// without first copying 500 references into an array (4 KB per request).
/// </summary>
internal sealed class SmsClubPhoneList(ReadOnlyMemory<PhoneNumber> recipients) : IReadOnlyList<string>
{
    public int Count => recipients.Length;

    public string this[int index] => recipients.Span[index].Digits;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < recipients.Length; i++)
        {
            yield return recipients.Span[i].Digits;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
