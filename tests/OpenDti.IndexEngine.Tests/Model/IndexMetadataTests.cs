using OpenDti.IndexEngine.Model;
using static OpenDti.IndexEngine.Tests.TestSets;

namespace OpenDti.IndexEngine.Tests.Model;

public sealed class IndexMetadataTests
{
    [Fact]
    public void Cycle_IsReportedWithItsRow()
    {
        var meta = IndexMetadata.Create([Indicator("I1", "A"), Aggregate("A", 2, "B"), Aggregate("B", 3, "A"), Aggregate("IDX", 4, null)]);

        Assert.Contains(meta.Problems, p => p.Row == 2 && p.Column == "Parent" && p.Message.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingParent_IsReported()
    {
        var meta = IndexMetadata.Create([Indicator("I1", "P9"), Aggregate("IDX", 2, null)]);

        var problem = Assert.Single(meta.Problems, p => p.Column == "Parent" && p.Row == 1);
        Assert.Contains("'P9' is not in the metadata", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightsSummingToZero_AreReportedOnTheAggregate()
    {
        var meta = IndexMetadata.Create([Indicator("I1", "IDX") with { Weight = 0 }, Indicator("I2", "IDX") with { Weight = 0 }, Aggregate("IDX", 2, null)]);

        var problem = Assert.Single(meta.Problems);
        Assert.Equal((3, "Weight"), (problem.Row, problem.Column));
    }

    [Fact]
    public void DuplicateCodeAndBadDirection_AreAllReported()
    {
        var meta = IndexMetadata.Create([Indicator("I1", "IDX"), Indicator("I1", "IDX") with { Direction = 2 }, Aggregate("IDX", 2, null)]);

        Assert.Equal(2, meta.Problems.Length);
    }

    [Fact]
    public void ValidTree_ListsAggregatesChildrenFirst()
    {
        var (_, meta) = Small();

        Assert.Equal(["P1", "P2", "IDX"], meta.AggregateCodes);
        Assert.Equal("IDX", meta.IndexCode);
    }
}
