using System.Text;
using Jivrus.IncidentBot.Bot.Links;

namespace Jivrus.IncidentBot.Bot.Tests.Links;

public sealed class LinkSignatureTests
{
    private const string Path = "/incidents/INC-7/postmortem.md";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);
    private static readonly long Expires = Now.AddDays(7).ToUnixTimeSeconds();
    private static readonly string Exp = Expires.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string Sig = LinkSignature.Sign(Key, Path, Expires);

    [Fact]
    public void Sign_IsLowerCaseHexOfTheHmac() =>
        Sig.Should().MatchRegex("^[0-9a-f]{64}$");

    [Fact]
    public void Check_OfALinkAsSigned_IsValid() =>
        LinkSignature.Check(Key, Path, Exp, Sig, Now).Should().Be(LinkCheck.Valid);

    [Fact]
    public void Check_OneSecondBeforeExpiry_IsValid() =>
        LinkSignature.Check(Key, Path, Exp, Sig, DateTimeOffset.FromUnixTimeSeconds(Expires - 1)).Should().Be(LinkCheck.Valid);

    [Fact]
    public void Check_AtTheExpiry_IsExpired() =>
        LinkSignature.Check(Key, Path, Exp, Sig, DateTimeOffset.FromUnixTimeSeconds(Expires)).Should().Be(LinkCheck.Expired);

    [Fact]
    public void Check_WithAnotherPath_IsInvalid() =>
        LinkSignature.Check(Key, "/incidents/INC-8/postmortem.md", Exp, Sig, Now).Should().Be(LinkCheck.Invalid);

    [Fact]
    public void Check_WithALaterExpiry_IsInvalid() =>
        LinkSignature.Check(Key, Path, (Expires + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture), Sig, Now).Should().Be(LinkCheck.Invalid);

    [Theory]
    [InlineData("+")]
    [InlineData("0")]
    [InlineData(" ")]
    public void Check_WithTheExpirySpelledAnotherWay_IsInvalid(string prefix) =>
        LinkSignature.Check(Key, Path, prefix + Exp, Sig, Now).Should().Be(LinkCheck.Invalid);

    [Fact]
    public void Check_WithOneSignatureDigitChanged_IsInvalid()
    {
        var changed = (Sig[0] == '0' ? "1" : "0") + Sig[1..];

        LinkSignature.Check(Key, Path, Exp, changed, Now).Should().Be(LinkCheck.Invalid);
    }

    [Fact]
    public void Check_WithTheSignatureInUpperCase_IsValid() =>
        LinkSignature.Check(Key, Path, Exp, Sig.ToUpperInvariant(), Now).Should().Be(LinkCheck.Valid);

    [Fact]
    public void Check_OfALinkSignedWithAnotherKey_IsInvalid()
    {
        var other = LinkSignature.Sign(Encoding.UTF8.GetBytes("another-key-another-key-another-k"), Path, Expires);

        LinkSignature.Check(Key, Path, Exp, other, Now).Should().Be(LinkCheck.Invalid);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("not hex at all")]
    public void Check_WithASignatureThatIsNotHex_IsInvalid(string junk) =>
        LinkSignature.Check(Key, Path, Exp, junk + Sig[junk.Length..], Now).Should().Be(LinkCheck.Invalid);

    [Fact]
    public void Check_WithASignatureCutShort_IsInvalid() =>
        LinkSignature.Check(Key, Path, Exp, Sig[..62], Now).Should().Be(LinkCheck.Invalid);

    [Fact]
    public void Check_WithAnExpiryThatIsNotANumber_IsInvalid() =>
        LinkSignature.Check(Key, Path, "tomorrow", Sig, Now).Should().Be(LinkCheck.Invalid);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Check_WithoutExpiryOrSignature_IsUnsigned(bool withExp, bool withSig) =>
        LinkSignature.Check(Key, Path, withExp ? Exp : null, withSig ? Sig : "", Now).Should().Be(LinkCheck.Unsigned);
}
