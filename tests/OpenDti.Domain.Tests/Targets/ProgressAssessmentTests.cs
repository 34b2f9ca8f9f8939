using OpenDti.Domain.Targets;

namespace OpenDti.Domain.Tests.Targets;

/// <summary>
/// The status method on hand-made series, with the paces worked out by hand. A target of 80 by 2025 from a
/// baseline of 20 in 2020 needs a compound growth of (80/20)^(1/5) − 1 = 31.95 % a year.
/// </summary>
public sealed class ProgressAssessmentTests
{
    private static readonly Observation Baseline = new(2020, 20);

    [Fact]
    public void LatestMeetsTheTarget_IsAchieved_WithFullShare()
    {
        var progress = Assess([new(2020, 20), new(2023, 85)]);

        Assert.Equal(TargetStatus.Achieved, progress.Status);
        Assert.Equal(1, progress.ShareAchieved);
    }

    [Fact]
    public void GrowingFasterThanNeeded_IsOnTrack()
    {
        // 20 → 40 in 2 years: (2)^(1/2) − 1 = 41.42 % a year; ratio 41.42 / 31.95 = 1.296.
        var progress = Assess([new(2020, 20), new(2022, 40)]);

        Assert.Equal(TargetStatus.OnTrack, progress.Status);
        Assert.Equal("cagr", progress.PaceMethod);
        Assert.Equal(0.4142, progress.ObservedPace!.Value, 4);
        Assert.Equal(0.3195, progress.RequiredPace!.Value, 4);
        Assert.Equal(1.296, progress.PaceRatio!.Value, 3);
        Assert.Equal(0.5, progress.ShareAchieved);
    }

    [Fact]
    public void GrowingAtTwoThirdsOfThePaceNeeded_IsAtRisk()
    {
        // 20 → 30 in 2 years: 1.5^(1/2) − 1 = 22.47 % a year; ratio 0.703.
        var progress = Assess([new(2020, 20), new(2022, 30)]);

        Assert.Equal(TargetStatus.AtRisk, progress.Status);
        Assert.Equal(0.703, progress.PaceRatio!.Value, 3);
    }

    [Fact]
    public void GrowingSlowly_IsOffTrack()
    {
        // 20 → 22 in 2 years: 4.88 % a year; ratio 0.153.
        var progress = Assess([new(2020, 20), new(2022, 22)]);

        Assert.Equal(TargetStatus.OffTrack, progress.Status);
        Assert.Equal(0.153, progress.PaceRatio!.Value, 3);
    }

    [Fact]
    public void MovingAwayFromTheTarget_IsOffTrack()
    {
        var progress = Assess([new(2020, 20), new(2022, 18)]);

        Assert.Equal(TargetStatus.OffTrack, progress.Status);
        Assert.True(progress.PaceRatio < 0);
    }

    [Fact]
    public void NoValues_IsNoData()
    {
        var progress = ProgressAssessment.Assess([], null, 80, TargetComparison.AtLeast, 2025, 2024);

        Assert.Equal(TargetStatus.NoData, progress.Status);
        Assert.Null(progress.Latest);
    }

    [Fact]
    public void OneValueShortOfTheTarget_IsNoData_ButKeepsTheValueAndShare()
    {
        var progress = ProgressAssessment.Assess([new(2023, 60)], null, 80, TargetComparison.AtLeast, 2025, 2024);

        Assert.Equal(TargetStatus.NoData, progress.Status);
        Assert.Equal(new Observation(2023, 60), progress.Latest);
        Assert.Equal(0.75, progress.ShareAchieved);
    }

    [Fact]
    public void AStatedBaseline_IsWhereThePaceIsMeasuredFrom()
    {
        var progress = ProgressAssessment.Assess([new(2022, 40)], Baseline, 80, TargetComparison.AtLeast, 2025, 2024);

        Assert.Equal(TargetStatus.OnTrack, progress.Status);
        Assert.Equal(Baseline, progress.Baseline);
    }

    [Fact]
    public void AtMostTarget_FallingFastEnough_IsOnTrack_AndRisingIsOffTrack()
    {
        // Late dossiers: 20 % in 2020, at most 5 % by 2025: needed (0.25)^(1/5) − 1 = −24.21 % a year.
        // 20 → 10 in 2 years: −29.29 % a year; ratio 1.21.
        var falling = ProgressAssessment.Assess([new(2020, 20), new(2022, 10)], null, 5, TargetComparison.AtMost, 2025, 2023);
        var rising = ProgressAssessment.Assess([new(2020, 20), new(2022, 25)], null, 5, TargetComparison.AtMost, 2025, 2023);
        var met = ProgressAssessment.Assess([new(2020, 20), new(2022, 4)], null, 5, TargetComparison.AtMost, 2025, 2023);

        Assert.Equal(TargetStatus.OnTrack, falling.Status);
        Assert.Equal(1.21, falling.PaceRatio!.Value, 2);
        Assert.Equal(0.5, falling.ShareAchieved);
        Assert.Equal(TargetStatus.OffTrack, rising.Status);
        Assert.Equal(TargetStatus.Achieved, met.Status);
    }

    [Fact]
    public void ADeadlineThatPassedUnmet_IsOffTrack()
    {
        var progress = ProgressAssessment.Assess([new(2020, 20), new(2025, 70)], null, 80, TargetComparison.AtLeast, 2025, 2026);

        Assert.Equal(TargetStatus.OffTrack, progress.Status);
    }

    [Fact]
    public void FromZero_ThePaceIsTheAnnualChange()
    {
        // 0 → 30 in 2 years: 15 a year; needed (80 − 0) / 5 = 16 a year; ratio 0.9375: at risk.
        var progress = Assess([new(2020, 0), new(2022, 30)]);

        Assert.Equal("linear", progress.PaceMethod);
        Assert.Equal(15, progress.ObservedPace);
        Assert.Equal(16, progress.RequiredPace);
        Assert.Equal(TargetStatus.AtRisk, progress.Status);
    }

    [Fact]
    public void ExactlyTarget_IsMetWithinHalfAPercent()
    {
        Assert.True(ProgressAssessment.Meets(100.4, 100, TargetComparison.Exactly));
        Assert.False(ProgressAssessment.Meets(101, 100, TargetComparison.Exactly));
    }

    [Fact]
    public void Forecast_OnAnExactGrowthSeries_HitsTheTrend_WithANarrowInterval()
    {
        // Doubling every year from 10: 10, 20, 40 → 2025 is 10 × 2^5 = 320.
        var progress = Assess([new(2020, 10), new(2021, 20), new(2022, 40)], target: 1000);

        Assert.Equal(320, progress.Forecast!.Value, 6);
        Assert.Equal(320, progress.ForecastLow!.Value, 6);
        Assert.Equal(320, progress.ForecastHigh!.Value, 6);
    }

    [Fact]
    public void Forecast_WithNoise_HasAnIntervalAroundIt()
    {
        var progress = Assess([new(2020, 20), new(2021, 26), new(2022, 29), new(2023, 38)]);

        Assert.True(progress.ForecastLow < progress.Forecast && progress.Forecast < progress.ForecastHigh);
    }

    [Fact]
    public void Forecast_OfAShareInPerCent_StaysWithin0And100_OtherUnitsAreLeftAlone()
    {
        // The exact growth series of the test above runs to 320 by 2025: impossible for a share.
        var progress = Assess([new(2020, 10), new(2021, 20), new(2022, 40)], target: 1000);

        var share = progress.WithinBoundsOf("%");
        var count = progress.WithinBoundsOf("dịch vụ");

        Assert.Equal(100, share.Forecast);
        Assert.Equal(100, share.ForecastLow);
        Assert.Equal(100, share.ForecastHigh);
        Assert.Equal(progress.Status, share.Status);
        Assert.Equal(progress.Forecast, count.Forecast);
        Assert.True(count.Forecast > 100);
    }

    private static TargetProgress Assess(Observation[] values, double target = 80) =>
        ProgressAssessment.Assess(values, null, target, TargetComparison.AtLeast, 2025, 2024);
}
