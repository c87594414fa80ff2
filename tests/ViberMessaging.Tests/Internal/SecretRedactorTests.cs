using System.Text;
using ViberMessaging.Internal;

namespace ViberMessaging.Tests.Internal;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Redact_SecretAndItsBase64Forms_AreMasked()
    {
        var sut = new SecretRedactor(["s3cr3t-token", "login:pa55word"]);
        var text = "token=s3cr3t-token auth=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("login:pa55word"))
            + " key=" + Convert.ToBase64String(Encoding.UTF8.GetBytes("s3cr3t-token:"));

        var redacted = sut.Redact(text);

        Assert.Equal("token=*** auth=*** key=***", redacted);
    }

    [Fact]
    public void Redact_NoSecrets_LeavesTextAlone()
        => Assert.Equal("hello", SecretRedactor.None.Redact("hello"));

    [Fact]
    public void Redact_TooShortSecrets_AreIgnoredSoTextStaysReadable()
        => Assert.Equal("a b c", new SecretRedactor(["a", null, string.Empty]).Redact("a b c"));
}
