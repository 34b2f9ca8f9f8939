using OpenDti.Domain.Targets;

namespace OpenDti.Domain.Tests.Targets;

/// <summary>"More than" targets (Decision 749: "trên 50 %" of people with an e-payment account) and the words files use.</summary>
public sealed class TargetTermsTests
{
    [Fact]
    public void MoreThanTarget_ExactlyAtTheTarget_IsNotYetAchieved()
    {
        // 50 % is not "over 50 %": the pace from 40 (2021) to 50 (2024) is (1.25)^(1/3) − 1 = 7.72 % a year;
        // needed from 40 to 50 by 2025: (1.25)^(1/4) − 1 = 5.74 %; ratio 0.07722 / 0.05737 = 1.346.
        var progress = ProgressAssessment.Assess([new(2021, 40), new(2024, 50)], null, 50, TargetComparison.MoreThan, 2025, 2024);

        Assert.Equal(TargetStatus.OnTrack, progress.Status);
        Assert.Equal(1.346, progress.PaceRatio!.Value, 3);
    }

    [Fact]
    public void MoreThanTarget_AboveTheTarget_IsAchieved()
    {
        var progress = ProgressAssessment.Assess([new(2021, 40), new(2024, 50.1)], null, 50, TargetComparison.MoreThan, 2025, 2024);

        Assert.Equal(TargetStatus.Achieved, progress.Status);
        Assert.Equal(1, progress.ShareAchieved);
    }

    [Theory]
    [InlineData("at-least", TargetComparison.AtLeast)]
    [InlineData(" AT-MOST ", TargetComparison.AtMost)]
    [InlineData("exactly", TargetComparison.Exactly)]
    [InlineData("more-than", TargetComparison.MoreThan)]
    public void ComparisonWords_ReadBack(string text, TargetComparison expected)
    {
        Assert.True(TargetTerms.TryParseComparison(text, out var comparison));

        Assert.Equal(expected, comparison);
        Assert.Equal(text.Trim().ToLowerInvariant(), TargetTerms.Of(comparison));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nhiều hơn")]
    [InlineData(null)]
    public void UnknownComparison_IsNotRead(string? text)
    {
        Assert.False(TargetTerms.TryParseComparison(text, out _));
    }
}
