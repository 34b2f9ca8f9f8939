using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary><c>/api/v1/submissions</c>: lists in the caller's scope, one submission, and the workflow steps, on both stores.</summary>
public abstract class SubmissionsApiTests(OpenDtiApp app)
{
    private readonly ReviewWorld _world = new(app);

    [Fact]
    public async Task List_ShowsOnlyTheSubmissionsOfTheReviewersProvince()
    {
        var mine = await _world.CommuneAsync();
        var theirs = await _world.CommuneAsync(ReviewWorld.OtherProvince);
        var mineId = await _world.SubmittedAsync(mine);
        var theirsId = await _world.SubmittedAsync(theirs);
        using var reviewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));

        var list = await reviewer.GetJsonAsync("/api/v1/submissions?status=submitted");

        var ids = list.GetProperty("submissions").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(mineId, ids);
        Assert.DoesNotContain(theirsId, ids);
        var row = list.GetProperty("submissions").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == mineId);
        Assert.Equal(mine.Code, row.Text("unit"));
        Assert.Equal("Tỉnh Phú Thọ", row.Text("provinceName"));
        Assert.Equal("submitted", row.Text("status"));
    }

    [Fact]
    public async Task List_ByUnit_ShowsThatUnitsSubmissionOnly()
    {
        var one = await _world.CommuneAsync();
        var other = await _world.CommuneAsync();
        var oneId = await _world.DraftAsync(one);
        await _world.DraftAsync(other);
        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var list = await viewer.GetJsonAsync($"/api/v1/submissions?unit={one.Code}&dataSet=ct749_commune&period=2025");

        var only = Assert.Single(list.GetProperty("submissions").EnumerateArray());
        Assert.Equal(oneId, only.GetProperty("id").GetInt64());
        Assert.Equal("draft", only.Text("status"));
    }

    [Fact]
    public async Task List_WithAnUnknownStatus_Is400NamingTheParameter()
    {
        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var problem = await viewer.GetJsonAsync("/api/v1/submissions?status=locked", HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.GetProperty("errors").GetProperty("status").EnumerateArray()).GetString();
        Assert.Contains("draft, submitted, returned, approved", message, StringComparison.Ordinal);
        Assert.Contains("'locked'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/submissions", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_ShowsValuesHistoryAndWhatTheReviewerMayDo()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.SubmittedAsync(commune, total: 120, online: 90);
        using var reviewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));

        var detail = await ReviewWorld.GetAsync(reviewer, id);

        Assert.Equal("submitted", detail.Text("status"));
        Assert.Equal(["approve", "return"], detail.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var total = detail.GetProperty("values").EnumerateArray().Single(v => v.Text("measure") == "WORK_DOSSIERS_COMMUNE");
        Assert.Equal(120d, total.GetProperty("value").GetDouble());
        Assert.True(total.GetProperty("required").GetBoolean());
        Assert.Equal(["started", "submitted"], detail.GetProperty("history").EnumerateArray().Select(h => h.Text("action")));
        Assert.All(detail.GetProperty("history").EnumerateArray(), h => Assert.Equal(commune.Enterer, h.Text("by")));
        Assert.Equal("2026-03-01", detail.Text("deadline"));

        // Never approved: every value counts as changed, with no approved value beside it.
        var change = detail.GetProperty("changes").EnumerateArray().Single(c => c.Text("measure") == "WORK_DOSSIERS_COMMUNE_ONLINE");
        Assert.True(change.GetProperty("changed").GetBoolean());
        Assert.False(change.GetProperty("wasApproved").GetBoolean());
        Assert.Equal(90d, change.GetProperty("current").GetDouble());
        var missing = detail.GetProperty("changes").EnumerateArray().Single(c => c.Text("measure") == "ADULT_POPULATION");
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Find_ReturnsTheUnitsSubmission_AndNotStartedIs404()
    {
        var started = await _world.CommuneAsync();
        var idle = await _world.CommuneAsync();
        var id = await _world.DraftAsync(started);
        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var found = await viewer.GetJsonAsync($"/api/v1/submissions/find?dataSet=CT749_COMMUNE&period=2025&unit={started.Code}");
        var missing = await viewer.GetJsonAsync($"/api/v1/submissions/find?dataSet=CT749_COMMUNE&period=2025&unit={idle.Code}", HttpStatusCode.NotFound);

        Assert.Equal(id, found.GetProperty("id").GetInt64());
        Assert.Contains("has not started", missing.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnFixResubmitApprove_ThenReopen_ApprovalShowsExactlyWhatChanged()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.SubmittedAsync(commune, total: 120, online: 90);
        using var reviewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        using var reporter = await app.SignedInClientAsync(commune.Enterer);

        var returned = await ReviewWorld.StepAsync(reviewer, id, "return", "Số hồ sơ trực tuyến chưa khớp sổ theo dõi.", HttpStatusCode.OK);
        await ReviewWorld.PutValuesAsync(reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE_ONLINE", 95d));
        await ReviewWorld.StepAsync(reporter, id, "submit", null, HttpStatusCode.OK);
        var approved = await ReviewWorld.StepAsync(reviewer, id, "approve", null, HttpStatusCode.OK);
        var reopened = await ReviewWorld.StepAsync(reviewer, id, "reopen", "Sở phát hiện thiếu hồ sơ tháng 12.", HttpStatusCode.OK);
        await ReviewWorld.PutValuesAsync(reporter, commune.Code, ("WORK_DOSSIERS_COMMUNE", 130d));
        await ReviewWorld.StepAsync(reporter, id, "submit", null, HttpStatusCode.OK);
        var detail = await ReviewWorld.GetAsync(reviewer, id);

        Assert.Equal("returned", returned.Text("status"));
        Assert.Equal("approved", approved.Text("status"));
        Assert.Equal("returned", reopened.Text("status"));
        Assert.Equal(1, detail.GetProperty("approvalCount").GetInt32());
        var changes = detail.GetProperty("changes").EnumerateArray().ToDictionary(c => c.Text("measure")!);
        Assert.True(changes["WORK_DOSSIERS_COMMUNE"].GetProperty("changed").GetBoolean());
        Assert.Equal(120d, changes["WORK_DOSSIERS_COMMUNE"].GetProperty("approved").GetDouble());
        Assert.Equal(130d, changes["WORK_DOSSIERS_COMMUNE"].GetProperty("current").GetDouble());
        Assert.False(changes["WORK_DOSSIERS_COMMUNE_ONLINE"].GetProperty("changed").GetBoolean());
        Assert.Equal(95d, changes["WORK_DOSSIERS_COMMUNE_ONLINE"].GetProperty("approved").GetDouble());
        Assert.Equal(
            ["started", "submitted", "returned", "submitted", "approved", "reopened", "submitted"],
            detail.GetProperty("history").EnumerateArray().Select(h => h.Text("action")));
        Assert.Equal("Sở phát hiện thiếu hồ sơ tháng 12.", detail.GetProperty("history")[5].Text("comment"));
    }

    [Fact]
    public async Task Approved_ValuesAreLocked()
    {
        var commune = await _world.CommuneAsync();
        await _world.ApprovedAsync(commune);
        using var reporter = await app.SignedInClientAsync(commune.Enterer);

        using var response = await reporter.PutAsJsonAsync(
            "/api/v1/datavalues", new[] { new { unit = commune.Code, measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 1 } }, TestContext.Current.CancellationToken);

        var problem = await response.ReadJsonAsync(HttpStatusCode.Conflict, "application/problem+json");
        Assert.Equal("submission.locked", problem.GetProperty("errors")[0].Text("code"));
    }

    [Fact]
    public async Task Return_WithoutAReason_Is422AndChangesNothing()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.SubmittedAsync(commune);
        using var reviewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));

        var problem = await ReviewWorld.StepAsync(reviewer, id, "return", "   ", HttpStatusCode.UnprocessableEntity);

        Assert.Contains("a reason is required", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("submitted", (await ReviewWorld.GetAsync(reviewer, id)).Text("status"));
    }

    [Fact]
    public async Task Submit_BreakingARule_Is422WithTheRulesMessage()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.DraftAsync(commune, total: 50, online: 80);
        using var reporter = await app.SignedInClientAsync(commune.Enterer);

        var problem = await ReviewWorld.StepAsync(reporter, id, "submit", null, HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetString();
        Assert.Contains("Commune work dossiers processed online cannot exceed all commune work dossiers.", error, StringComparison.Ordinal);
        Assert.Equal("draft", (await ReviewWorld.GetAsync(reporter, id)).Text("status"));
    }

    [Fact]
    public async Task Step_WithoutAVersion_Is400()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.SubmittedAsync(commune);
        using var reviewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));

        var problem = await ReviewWorld.PostStepAsync(reviewer, id, "approve", version: null, reason: null, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal("submitted", (await ReviewWorld.GetAsync(reviewer, id)).Text("status"));
    }

    public sealed class OnSqlite(OpenDtiApp app) : SubmissionsApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : SubmissionsApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
