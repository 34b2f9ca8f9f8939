using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Features.Accounts;
using OpenDti.Features.Submissions;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Submissions;

/// <summary>
/// A submission's life as a commune and its province's reviewers live it: required values and rules block
/// submission, a return needs a reason, nobody reviews their own work or another province's, an approval
/// keeps what was approved so the next one shows exactly what changed, and every step is in the history.
/// </summary>
public abstract class SubmissionWorkflowTests : IAsyncLifetime
{
    private readonly OpenDtiApp _app;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    protected SubmissionWorkflowTests(OpenDtiApp app) => _app = app;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Commune => (20000 + (Math.Abs(_tag.GetHashCode(StringComparison.Ordinal)) % 70000)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string User(string role) => $"{role}.{_tag}";

    public async ValueTask InitializeAsync()
    {
        await _app.AddCommuneAsync(Commune, $"Phường Thử Nghiệm {_tag}", "25");
        await _app.AddUserAsync(User("entry"), Role.DataEntry, Commune);
        await _app.AddUserAsync(User("reviewer"), Role.Reviewer, "25");
        await _app.AddUserAsync(User("other-reviewer"), Role.Reviewer, "01");
        await _app.AddUserAsync(User("admin"), Role.ProvinceAdmin, "25");
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Submit_WithARequiredValueMissing_IsRefusedAndNamesIt()
    {
        var id = await EnterAsync(("WORK_DOSSIERS_COMMUNE", 100));

        var result = await StepAsync((w, a) => w.SubmitAsync(id, a, ValueSources.Form, null, Cancel), User("entry"));

        Assert.Equal(WorkflowRefusal.Invalid, result.Refusal);
        Assert.Contains(result.Problems, p => p.Contains("WORK_DOSSIERS_COMMUNE_ONLINE", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task Submit_WithABrokenRule_IsRefusedWithTheRuleMessage()
    {
        var id = await EnterAsync(("WORK_DOSSIERS_COMMUNE", 100), ("WORK_DOSSIERS_COMMUNE_ONLINE", 120));

        var result = await StepAsync((w, a) => w.SubmitAsync(id, a, ValueSources.Form, null, Cancel), User("entry"));

        Assert.Equal(WorkflowRefusal.Invalid, result.Refusal);
        Assert.Contains(result.Problems, p => p.Contains("không được lớn hơn tổng số hồ sơ công việc cấp xã", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheWholeLoop_ReturnNeedsAReason_ApprovalShowsWhatChanged_ReopenUnlocks()
    {
        var id = await EnterAsync(("WORK_DOSSIERS_COMMUNE", 100), ("WORK_DOSSIERS_COMMUNE_ONLINE", 80));
        Assert.True((await StepAsync((w, a) => w.SubmitAsync(id, a, ValueSources.Form, null, Cancel), User("entry"))).Succeeded);

        var noReason = await StepAsync((w, a) => w.ReturnAsync(id, a, ValueSources.Form, "  ", null, Cancel), User("reviewer"));
        var returned = await StepAsync((w, a) => w.ReturnAsync(id, a, ValueSources.Form, "Số hồ sơ trực tuyến chưa khớp với hệ thống một cửa", null, Cancel), User("reviewer"));
        await EnterAsync(("WORK_DOSSIERS_COMMUNE_ONLINE", 85));
        Assert.True((await StepAsync((w, a) => w.SubmitAsync(id, a, ValueSources.Form, null, Cancel), User("entry"))).Succeeded);
        var approved = await StepAsync((w, a) => w.ApproveAsync(id, a, ValueSources.Form, null, Cancel), User("reviewer"));
        var reopenNoReason = await StepAsync((w, a) => w.ReopenAsync(id, a, ValueSources.Form, null, null, Cancel), User("reviewer"));
        var reopened = await StepAsync((w, a) => w.ReopenAsync(id, a, ValueSources.Form, "Sở TT&TT đề nghị rà soát lại", null, Cancel), User("reviewer"));
        await EnterAsync(("WORK_DOSSIERS_COMMUNE", 110));
        var changes = await ChangesAsync(id);

        Assert.Equal(WorkflowRefusal.Invalid, noReason.Refusal);
        Assert.Equal(SubmissionStatus.Returned, returned.Status);
        Assert.Equal(SubmissionStatus.Approved, approved.Status);
        Assert.Equal(WorkflowRefusal.Invalid, reopenNoReason.Refusal);
        Assert.Equal(SubmissionStatus.Returned, reopened.Status);
        var total = changes.Single(c => c.Measure == "WORK_DOSSIERS_COMMUNE");
        var online = changes.Single(c => c.Measure == "WORK_DOSSIERS_COMMUNE_ONLINE");
        Assert.True(total is { WasApproved: true, Approved: 100, Current: 110, Changed: true });
        Assert.True(online is { Approved: 85, Current: 85, Changed: false });
        await using var db = _app.OpenContext();
        var history = await db.SubmissionEvents.Where(e => e.SubmissionId == id).OrderBy(e => e.Id)
            .Select(e => e.Action + ":" + e.Actor.Name).ToListAsync(Cancel);
        Assert.Equal(
            [$"Started:{User("entry")}", $"Submitted:{User("entry")}", $"Returned:{User("reviewer")}", $"Submitted:{User("entry")}", $"Approved:{User("reviewer")}", $"Reopened:{User("reviewer")}"],
            history);
    }

    [Fact]
    public async Task AReviewerOfAnotherProvince_CannotApprove()
    {
        var id = await SubmittedAsync();

        var result = await StepAsync((w, a) => w.ApproveAsync(id, a, ValueSources.Form, null, Cancel), User("other-reviewer"));

        Assert.Equal(WorkflowRefusal.Forbidden, result.Refusal);
        Assert.Equal(SubmissionStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task DataEntry_CannotApproveItsOwnSubmission()
    {
        var id = await SubmittedAsync();

        var result = await StepAsync((w, a) => w.ApproveAsync(id, a, ValueSources.Form, null, Cancel), User("entry"));

        Assert.Equal(WorkflowRefusal.Forbidden, result.Refusal);
    }

    [Fact]
    public async Task AnAdministratorWhoSubmitted_CannotApproveTheirOwnSubmission()
    {
        var id = await EnterAsync(("WORK_DOSSIERS_COMMUNE", 100), ("WORK_DOSSIERS_COMMUNE_ONLINE", 80));
        Assert.True((await StepAsync((w, a) => w.SubmitAsync(id, a, ValueSources.Form, null, Cancel), User("admin"))).Succeeded);

        var result = await StepAsync((w, a) => w.ApproveAsync(id, a, ValueSources.Form, null, Cancel), User("admin"));

        Assert.Equal(WorkflowRefusal.Forbidden, result.Refusal);
        Assert.Contains(result.Problems, p => p.Contains("cannot review their own", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoReviewersOnTheSameVersion_OnlyTheFirstActs()
    {
        var id = await SubmittedAsync();
        Guid version;
        await using (var db = _app.OpenContext())
        {
            version = await db.Submissions.Where(s => s.Id == id).Select(s => s.ConcurrencyToken).SingleAsync(Cancel);
        }

        var first = await StepAsync((w, a) => w.ApproveAsync(id, a, ValueSources.Form, version, Cancel), User("reviewer"));
        var second = await StepAsync((w, a) => w.ReturnAsync(id, a, ValueSources.Form, "Chưa đủ minh chứng", version, Cancel), User("admin"));

        Assert.True(first.Succeeded);
        Assert.Equal(WorkflowRefusal.Conflict, second.Refusal);
        Assert.Equal(SubmissionStatus.Approved, await StatusAsync(id));
    }

    private async Task<long> SubmittedAsync()
    {
        var id = await EnterAsync(("WORK_DOSSIERS_COMMUNE", 100), ("WORK_DOSSIERS_COMMUNE_ONLINE", 80));
        Assert.True((await StepAsync((w, a) => w.SubmitAsync(id, a, ValueSources.Form, null, Cancel), User("entry"))).Succeeded);
        return id;
    }

    private async Task<long> EnterAsync(params (string Measure, double Value)[] values)
    {
        using var client = await _app.SignedInClientAsync(User("entry"));
        var response = await client.PutAsJsonAsync("/api/v1/datavalues", values.Select(v => new { unit = Commune, measure = v.Measure, period = "2025", value = v.Value }), Cancel);
        response.EnsureSuccessStatusCode();
        await using var db = _app.OpenContext();
        var unitId = await db.Units.Where(u => u.Code == new UnitCode(Commune)).Select(u => u.Id).SingleAsync(Cancel);
        return await db.Submissions.Where(s => s.UnitId == unitId).Select(s => s.Id).SingleAsync(Cancel);
    }

    private async Task<WorkflowResult> StepAsync(Func<SubmissionWorkflow, SignedIn, Task<WorkflowResult>> step, string user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await using var db = _app.OpenContext();
        var account = await db.Users.Include(u => u.Roles).SingleAsync(u => u.UserName == user, Cancel);
        return await step(scope.ServiceProvider.GetRequiredService<SubmissionWorkflow>(), new SignedIn(account, null, "127.0.0.1"));
    }

    private async Task<IReadOnlyList<ValueChange>> ChangesAsync(long id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionWorkflow>().ChangesSinceApprovalAsync(id, Cancel);
    }

    private async Task<SubmissionStatus> StatusAsync(long id)
    {
        await using var db = _app.OpenContext();
        return await db.Submissions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync(Cancel);
    }

    public sealed class OnSqlite(OpenDtiApp app) : SubmissionWorkflowTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : SubmissionWorkflowTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
