using OpenDti.Domain.Geography;

namespace OpenDti.Domain.Tests.Geography;

public sealed class UnitCodeTests
{
    [Theory]
    [InlineData("01")]
    [InlineData("VN")]
    [InlineData("79.26734")]
    [InlineData("SO-TTTT_HN")]
    [InlineData("12345678901234567890123456789012")]
    public void OfficialLookingCode_IsValid(string value)
    {
        var code = new UnitCode(value);

        Assert.Equal(value, code.Value);
        Assert.Equal(value, code.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0 1")]
    [InlineData("Hà")]
    [InlineData("01/02")]
    [InlineData("123456789012345678901234567890123")]
    public void MalformedCode_IsNotValid(string? value)
    {
        var valid = UnitCode.IsValid(value);

        Assert.False(valid);
    }

    [Fact]
    public void MalformedCode_ThrowsWithTheValueInTheMessage()
    {
        var thrown = Assert.Throws<ArgumentException>(() => new UnitCode("Hà Nội"));

        Assert.Equal("value", thrown.ParamName);
        Assert.Contains("'Hà Nội'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameText_IsTheSameCode()
    {
        var oldTuyenQuang = new UnitCode("08");
        var newTuyenQuang = new UnitCode("08");

        Assert.Equal(oldTuyenQuang, newTuyenQuang);
        Assert.NotEqual(new UnitCode("8"), oldTuyenQuang);
    }
}
