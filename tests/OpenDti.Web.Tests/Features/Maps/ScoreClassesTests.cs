using OpenDti.Features.Maps;

namespace OpenDti.Web.Tests.Features.Maps;

public sealed class ScoreClassesTests
{
    [Fact]
    public void ElevenScores_SplitIntoFiveQuintileClasses()
    {
        // Scores 0, 10, …, 100: the k/5 quantile (type 7) sits at position 10k/5 = 2k, i.e. the score 20k.
        var classes = ScoreClasses.Of(Enumerable.Range(0, 11).Select(i => i * 10.0));

        Assert.Equal(
            [new ScoreClass(1, 0, 20), new ScoreClass(2, 20, 40), new ScoreClass(3, 40, 60), new ScoreClass(4, 60, 80), new ScoreClass(5, 80, 100)],
            classes);
        Assert.Equal(1, ScoreClasses.ClassOf(classes, 20));
        Assert.Equal(2, ScoreClasses.ClassOf(classes, 20.5));
        Assert.Equal(5, ScoreClasses.ClassOf(classes, 100));
    }

    [Fact]
    public void EqualScores_MakeOneClass_AndNoScoresNone()
    {
        Assert.Equal([new ScoreClass(1, 50, 50)], ScoreClasses.Of([50, 50, 50]));
        Assert.Empty(ScoreClasses.Of([]));
    }
}
