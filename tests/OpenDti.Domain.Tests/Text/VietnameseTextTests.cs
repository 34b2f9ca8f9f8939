using System.Text;
using OpenDti.Domain.Text;

namespace OpenDti.Domain.Tests.Text;

public sealed class VietnameseTextTests
{
    [Fact]
    public void DecomposedHoa_BecomesPrecomposed()
    {
        // "o" followed by U+0300 COMBINING GRAVE ACCENT, as some keyboards and PDFs produce it
        var decomposed = "Ho\u0300a";

        var normalized = VietnameseText.Normalize(decomposed);

        Assert.Equal("H\u00F2a", normalized);
        Assert.Equal(3, normalized.Length);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void SurroundingSpace_IsTrimmed()
    {
        var typed = "  Tỉnh Phú Thọ\t";

        var normalized = VietnameseText.Normalize(typed);

        Assert.Equal("Tỉnh Phú Thọ", normalized);
    }

    [Fact]
    public void DecomposedAndPrecomposed_CompareEqual()
    {
        // ộ written as o, U+0323 COMBINING DOT BELOW, U+0302 COMBINING CIRCUMFLEX ACCENT
        var decomposed = "Ha\u0300 No\u0323\u0302i";

        var comparison = VietnameseText.Comparer.Compare("Hà Nội", decomposed);

        Assert.Equal(0, comparison);
    }

    [Fact]
    public void ProvinceNames_SortInVietnameseOrder()
    {
        string[] names = ["Hải Phòng", "Đồng Nai", "Bà Rịa", "Điện Biên", "Hà Nội", "An Giang", "Đắk Lắk", "Đà Nẵng", "Dương Minh Châu"];

        var sorted = names.Order(VietnameseText.Comparer);

        // Đ is its own letter after D (Dương before Đà); within Đ: a < ă < i < ô (Đà, Đắk, Điện, Đồng);
        // "Hà Nội" before "Hải Phòng" because the space after "Hà" sorts before the "i" of "Hải"
        Assert.Equal(["An Giang", "Bà Rịa", "Dương Minh Châu", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Đồng Nai", "Hà Nội", "Hải Phòng"], sorted);
    }

    [Fact]
    public void ProvinceNames_SortDifferentlyThanOrdinal()
    {
        string[] names = ["Đồng Nai", "Hà Nội", "Điện Biên", "Dương Minh Châu"];

        var vietnamese = names.Order(VietnameseText.Comparer);
        var ordinal = names.Order(StringComparer.Ordinal);

        // ordinal puts Đ (U+0110) after every ASCII letter, so "Hà Nội" comes before "Điện Biên"
        Assert.Equal(["Dương Minh Châu", "Điện Biên", "Đồng Nai", "Hà Nội"], vietnamese);
        Assert.Equal(["Dương Minh Châu", "Hà Nội", "Điện Biên", "Đồng Nai"], ordinal);
    }
}
