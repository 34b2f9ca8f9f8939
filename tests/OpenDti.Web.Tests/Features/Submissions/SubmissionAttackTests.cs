using System.Net;
using System.Net.Http.Json;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary>
/// The workflow steps and the deadline endpoint tried as an attacker would: from outside the unit's subtree, as a
/// viewer, as data entry approving, as the submitter approving their own work, with an expired or revoked key,
/// with a stale version, twice at once, and with the sign-in cookie instead of a token. Each refusal leaves the
/// submission as it was.
/// </summary>
public abstract class SubmissionAttackTests(OpenDtiApp app)
{
    private readonly ReviewWorld _world = new(app);

    [Fact]
    public async Task ReviewerOfAnotherProvince_CannotApprove_AndLearnsNothing()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var outsider = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.OtherProvince));
        var version = await VersionAsync(id);

        var problem = await ReviewWorld.PostStepAsync(outsider, id, "approve", version, null, HttpStatusCode.NotFound);
        await outsider.GetJsonAsync($"/api/v1/submissions/{id}", HttpStatusCode.NotFound);

        Assert.DoesNotContain("Phú Thọ", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Viewer_CannotApproveOrReturn()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var viewer = await app.SignedInClientAsync(await _world.UserAsync(Role.Viewer, ReviewWorld.Province));

        var approve = await ReviewWorld.StepAsync(viewer, id, "approve", null, HttpStatusCode.Forbidden);
        var giveBack = await ReviewWorld.StepAsync(viewer, id, "return", "Thử trả lại", HttpStatusCode.Forbidden);

        Assert.Contains("may not review", approve.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("may not review", giveBack.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task DataEntry_CannotApproveItsOwnUnit()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.SubmittedAsync(commune);
        using var reporter = await app.SignedInClientAsync(commune.Enterer);

        await ReviewWorld.StepAsync(reporter, id, "approve", null, HttpStatusCode.Forbidden);

        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task Submitter_CannotApproveTheirOwnSubmission()
    {
        var commune = await _world.CommuneAsync();
        var admin = await _world.UserAsync(Role.ProvinceAdmin, ReviewWorld.Province);
        using var client = await app.SignedInClientAsync(admin);
        var id = await _world.DraftAsync(commune);
        await ReviewWorld.StepAsync(client, id, "submit", null, HttpStatusCode.OK);

        var problem = await ReviewWorld.StepAsync(client, id, "approve", null, HttpStatusCode.Forbidden);

        Assert.Contains("cannot review their own submission", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task ActiveKey_CanSubmit_ButExpiredAndRevokedKeysAre401()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.DraftAsync(commune);
        var version = await VersionAsync(id);
        using var expired = _world.KeyClient(await _world.ApiKeyAsync(commune.Enterer, Role.DataEntry, commune.Code, TimeSpan.FromDays(-1)));
        using var revoked = _world.KeyClient(await _world.ApiKeyAsync(commune.Enterer, Role.DataEntry, commune.Code, TimeSpan.FromDays(30), revoked: true));
        using var active = _world.KeyClient(await _world.ApiKeyAsync(commune.Enterer, Role.DataEntry, commune.Code, TimeSpan.FromDays(30)));

        var expiredProblem = await ReviewWorld.PostStepAsync(expired, id, "submit", version, null, HttpStatusCode.Unauthorized);
        var revokedProblem = await ReviewWorld.PostStepAsync(revoked, id, "submit", version, null, HttpStatusCode.Unauthorized);
        var statusAfterRefusals = await StatusAsync(id);
        await ReviewWorld.PostStepAsync(active, id, "submit", version, null, HttpStatusCode.OK);

        Assert.Contains("expired", expiredProblem.Text("detail"), StringComparison.Ordinal);
        Assert.Contains("revoked", revokedProblem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("draft", statusAfterRefusals);
        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Fact]
    public async Task ViewerKey_CannotSubmit()
    {
        var commune = await _world.CommuneAsync();
        var id = await _world.DraftAsync(commune);
        using var key = _world.KeyClient(await _world.ApiKeyAsync(commune.Enterer, Role.Viewer, commune.Code, TimeSpan.FromDays(30)));

        await ReviewWorld.StepAsync(key, id, "submit", null, HttpStatusCode.Forbidden);

        Assert.Equal("draft", await StatusAsync(id));
    }

    [Fact]
    public async Task StaleVersion_IsRefusedWithTheCurrentState()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var first = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        using var second = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var seen = await VersionAsync(id);
        var returned = await ReviewWorld.PostStepAsync(first, id, "return", seen, "Thiếu xác nhận của lãnh đạo xã.", HttpStatusCode.OK);

        var problem = await ReviewWorld.PostStepAsync(second, id, "approve", seen, null, HttpStatusCode.Conflict);

        Assert.Equal("returned", problem.Text("currentStatus"));
        Assert.Equal(returned.Text("version"), problem.Text("currentVersion"));
        Assert.Contains("changed meanwhile", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("returned", await StatusAsync(id));
    }

    [Fact]
    public async Task TwoApprovalsAtOnce_ExactlyOneWins()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var first = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        using var second = await app.SignedInClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var version = await VersionAsync(id);

        var responses = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/v1/submissions/{id}/approve", new { version }, TestContext.Current.CancellationToken),
            second.PostAsJsonAsync($"/api/v1/submissions/{id}/approve", new { version }, TestContext.Current.CancellationToken));

        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
        await using var db = app.OpenContext();
        Assert.Equal(1, db.Submissions.Single(s => s.Id == id).ApprovalCount);
        Assert.Single(db.SubmissionEvents.Where(e => e.SubmissionId == id && e.Action == Domain.Collection.SubmissionAction.Approved));
        Assert.Equal(4, db.ApprovedValues.Count(v => v.SubmissionId == id));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SignInCookie_IsNotAcceptedByTheWriteApi()
    {
        var id = await _world.SubmittedAsync(await _world.CommuneAsync());
        using var browser = await _world.CookieClientAsync(await _world.UserAsync(Role.Reviewer, ReviewWorld.Province));
        var version = await VersionAsync(id);

        using var response = await browser.PostAsJsonAsync($"/api/v1/submissions/{id}/approve", new { version }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("submitted", await StatusAsync(id));
    }

    [Theory]
    [InlineData(Role.Viewer, ReviewWorld.Province)]
    [InlineData(Role.Reviewer, ReviewWorld.Province)]
    [InlineData(Role.DataEntry, ReviewWorld.Province)]
    [InlineData(Role.ProvinceAdmin, "commune")]
    public async Task Deadline_CannotBeSetWithoutAdministeringTheNationOrAProvince(string role, string unit)
    {
        var code = unit == "commune" ? (await _world.CommuneAsync()).Code : unit;
        using var client = await app.SignedInClientAsync(await _world.UserAsync(role, code));

        using var response = await client.PutAsJsonAsync("/api/v1/datasets/CT749_PROVINCE/deadlines/2024", new { dueOn = "2099-01-01" }, TestContext.Current.CancellationToken);

        await response.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        await using var db = app.OpenContext();
        Assert.Empty(db.DataSetDeadlines.Where(d => d.DueOn == new DateOnly(2099, 1, 1)));
    }

    [Fact]
    public async Task Deadline_ExpiredOrRevokedKeyOrNoCredentials_Is401()
    {
        var admin = await _world.UserAsync(Role.ProvinceAdmin, ReviewWorld.Province);
        using var expired = _world.KeyClient(await _world.ApiKeyAsync(admin, Role.DataEntry, ReviewWorld.Province, TimeSpan.FromDays(-1)));
        using var revoked = _world.KeyClient(await _world.ApiKeyAsync(admin, Role.DataEntry, ReviewWorld.Province, TimeSpan.FromDays(30), revoked: true));
        using var anonymous = app.CreateClient();

        foreach (var client in new[] { expired, revoked, anonymous })
        {
            using var response = await client.PutAsJsonAsync("/api/v1/datasets/CT749_PROVINCE/deadlines/2024", new { dueOn = "2025-05-01" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await using var db = app.OpenContext();
        Assert.Empty(db.DataSetDeadlines.Where(d => d.DueOn == new DateOnly(2025, 5, 1)));
    }

    private async Task<string> StatusAsync(long id)
    {
        await using var db = app.OpenContext();
        return db.Submissions.Single(s => s.Id == id).Status.ToString().ToLowerInvariant();
    }

    private async Task<string> VersionAsync(long id)
    {
        await using var db = app.OpenContext();
        return db.Submissions.Single(s => s.Id == id).ConcurrencyToken.ToString();
    }

    public sealed class OnSqlite(OpenDtiApp app) : SubmissionAttackTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : SubmissionAttackTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
