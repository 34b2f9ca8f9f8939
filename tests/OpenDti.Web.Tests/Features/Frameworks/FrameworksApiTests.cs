using System.Net;
using System.Text.Json;

namespace OpenDti.Web.Tests.Features.Frameworks;

/// <summary>
/// <c>/api/v1/frameworks</c>. The tests with the trait <c>Needs=FrameworkSeed</c> hold once the
/// frameworks CT749 and DTI_PROVINCE are seeded; run only them with
/// <c>dotnet test --project tests/OpenDti.Web.Tests --filter-trait "Needs=FrameworkSeed"</c>; leave them out with <c>--filter-not-trait "Needs=FrameworkSeed"</c>.
/// </summary>
public sealed class FrameworksApiTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    [Trait("Needs", "FrameworkSeed")]
    public async Task List_HasTheProgrammeTargetsAndTheProvinceIndex()
    {
        using var client = app.CreateClient();

        var frameworks = await client.GetJsonAsync("/api/v1/frameworks");

        var codes = frameworks.EnumerateArray().Select(f => f.Text("code")).ToList();
        Assert.Contains("CT749", codes);
        Assert.Contains("DTI_PROVINCE", codes);
    }

    [Fact]
    [Trait("Needs", "FrameworkSeed")]
    public async Task ProvinceIndex_HasFourPillarsWithoutOfficialWeights()
    {
        using var client = app.CreateClient();

        var tree = await client.GetJsonAsync("/api/v1/frameworks/DTI_PROVINCE");

        Assert.Equal("DTI_PROVINCE", tree.Text("code"));
        var pillars = tree.GetProperty("pillars").EnumerateArray().ToList();
        Assert.Equal(4, pillars.Count);
        Assert.All(pillars, p => Assert.Equal("pillar", p.Text("kind")));
        Assert.All(pillars, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("weight").ValueKind));
    }

    [Fact]
    public async Task UnknownCode_Is404Problem()
    {
        using var client = app.CreateClient();

        var problem = await client.GetJsonAsync("/api/v1/frameworks/NO_SUCH_FRAMEWORK", HttpStatusCode.NotFound);

        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("'NO_SUCH_FRAMEWORK'", problem.Text("detail"), StringComparison.Ordinal);
    }
}
