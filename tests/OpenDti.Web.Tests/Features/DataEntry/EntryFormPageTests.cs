using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Collection;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// The form <c>/data/{dataSet}/{period}/{unit}</c> through the real pipeline: what it shows, saving a draft
/// (numbers as Vietnamese write them, refusals with the input kept, conflicts with the newer value),
/// submitting, read-only states, and people who must not write.
/// </summary>
public abstract class EntryFormPageTests(OpenDtiApp app)
{
    private const string Total = "WORK_DOSSIERS_COMMUNE";
    private const string Online = "WORK_DOSSIERS_COMMUNE_ONLINE";
    private const string Adults = "ADULT_POPULATION";

    [Fact]
    public async Task Anonymous_IsSentToTheSignInPage()
    {
        var commune = await AddCommuneAsync("25");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetStatusAsync(CommuneForm(commune), HttpStatusCode.Redirect);

        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Form_ShowsEveryMeasureInOrder_WithUnitRequiredMarkAndPreviousValue()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        await app.StoreValueAsync(commune, Total, "2025", 1234);
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync(CommuneForm(commune, "2026"));

        var rows = page.QuerySelectorAll("#entry-form tbody tr").ToList();
        Assert.Equal(
            ["Tổng số hồ sơ công việc tại cấp xã", "Số hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng", "Dân số trưởng thành", "Số người có tài khoản thanh toán điện tử"],
            rows.Select(r => r.QuerySelector("label")!.TextContent).ToArray());
        Assert.Equal([true, true, false, false], rows.Select(r => r.QuerySelector("abbr.required") is not null).ToArray());
        Assert.Equal("hồ sơ", rows[0].QuerySelector("td .unit")?.TextContent);
        Assert.Equal(["1.234", "—", "—", "—"], rows.Select(r => r.QuerySelectorAll("td")[1].TextContent).ToArray());
        Assert.Contains("Kỳ trước (2025)", page.QuerySelector("#entry-form thead")!.TextContent, StringComparison.Ordinal);
        var input = page.QuerySelector($"#v-{Total}")!;
        Assert.Equal("true", input.GetAttribute("data-whole"));
        Assert.Equal("0", input.GetAttribute("data-min"));
        Assert.Equal("true", input.GetAttribute("data-required"));
        Assert.Equal(Guid.Empty.ToString(), page.QuerySelector($"#row-{Total} input[name$='.Version']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Form_InEnglish_HasEnglishLabels()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user, culture: "en");

        var page = await client.PageAsync(CommuneForm(commune));

        Assert.Equal("Work dossiers at commune level", page.QuerySelector($"label[for='v-{Total}']")?.TextContent);
        Assert.Equal("Save draft", page.QuerySelector("#entry-form button.primary")?.TextContent);
    }

    [Fact]
    public async Task Save_ReadsNumbersAsVietnameseWriteThem_AndStoresADraft()
    {
        var user = await UserAsync(Role.DataEntry, "01");
        using var client = await app.SignedInBrowserAsync(user);
        var path = "/data/CT749_PROVINCE/2025/01";
        var page = await client.PageAsync(path);

        using var response = await client.SubmitAsync(page, "#entry-form", new()
        {
            [page.ValueField("WORK_DOSSIERS_PROVINCE")] = "1.234.567",
            [page.ValueField("DIGITAL_ECONOMY_VALUE")] = "1.234,5",
            [page.CommentField("DIGITAL_ECONOMY_VALUE")] = "Theo báo cáo của Cục Thống kê",
            [page.ValueField("LABOUR_PRODUCTIVITY_GROWTH")] = "12.5",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(path);
        Assert.Contains("Đã lưu nháp 3 giá trị.", after.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("1234567", after.QuerySelector("#v-WORK_DOSSIERS_PROVINCE")?.GetAttribute("value"));
        Assert.Equal("1234,5", after.QuerySelector("#v-DIGITAL_ECONOMY_VALUE")?.GetAttribute("value"));
        Assert.Equal("12,5", after.QuerySelector("#v-LABOUR_PRODUCTIVITY_GROWTH")?.GetAttribute("value"));
        Assert.Equal("true", after.QuerySelector("#entry-form")?.GetAttribute("data-saved"));
        var stored = await app.StoredAsync("01", "DIGITAL_ECONOMY_VALUE", "2025");
        Assert.Equal((1234.5, "Theo báo cáo của Cục Thống kê", "form"), (stored!.Value, stored.Comment, stored.Source));
        Assert.Equal(1234567, (await app.StoredAsync("01", "WORK_DOSSIERS_PROVINCE", "2025"))!.Value);
        Assert.Equal(SubmissionStatus.Draft, (await app.SubmissionAsync("CT749_PROVINCE", "01", "2025"))?.Status);
    }

    [Fact]
    public async Task Save_AmbiguousNumber_IsRefusedWithBothReadings_AndTheInputKept()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "1.234", [page.ValueField(Adults)] = "5000" });

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            "'1.234' có thể hiểu theo hai cách: viết 1234 nếu là số nguyên, hoặc 1,234 nếu là số thập phân.",
            refused.QuerySelector($"#e-{Total}")?.TextContent.Trim());
        Assert.Equal("true", refused.QuerySelector($"#v-{Total}")?.GetAttribute("aria-invalid"));
        Assert.Equal("1.234", refused.QuerySelector($"#v-{Total}")?.GetAttribute("value"));
        Assert.Equal("5000", refused.QuerySelector($"#v-{Adults}")?.GetAttribute("value"));
        Assert.Contains("Chưa lưu được gì", refused.Alerts(), StringComparison.Ordinal);
        Assert.Null(await app.StoredAsync(commune, Adults, "2025"));
    }

    [Fact]
    public async Task Save_NotANumber_IsRefusedWithAnExample()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "12 hồ sơ" });

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("'12 hồ sơ' không phải là số. Hãy viết chữ số, dùng dấu ',' trước phần thập phân, ví dụ 1234,5.", refused.QuerySelector($"#e-{Total}")?.TextContent.Trim());
    }

    [Fact]
    public async Task Save_DecimalInAWholeNumberField_IsRefusedByTheServer()
    {
        var (commune, user) = await CommuneWithUserAsync("25");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "12,5" });

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Cần nhập số nguyên.", refused.QuerySelector($"#e-{Total}")?.TextContent.Trim());
        Assert.Equal("12,5", refused.QuerySelector($"#v-{Total}")?.GetAttribute("value"));
        Assert.Null(await app.StoredAsync(commune, Total, "2025"));
    }

    [Fact]
    public async Task Save_OutOfRange_IsRefusedWithTheRange_AndNothingOfTheFormIsWritten()
    {
        var user = await UserAsync(Role.DataEntry, "04");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync("/data/CT749_PROVINCE/2025/04");

        using var response = await client.SubmitAsync(page, "#entry-form", new()
        {
            [page.ValueField("LABOUR_PRODUCTIVITY_GROWTH")] = "150",
            [page.ValueField("WORK_DOSSIERS_PROVINCE")] = "10",
        });

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Cần từ -100 đến 100.", refused.QuerySelector("#e-LABOUR_PRODUCTIVITY_GROWTH")?.TextContent.Trim());
        Assert.Null(await app.StoredAsync("04", "WORK_DOSSIERS_PROVINCE", "2025"));
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_IsRefusedWithTheirValue_AndKeepsYours_ThenSavingAgainKeepsYours()
    {
        var commune = await AddCommuneAsync("19");
        var first = await UserAsync(Role.DataEntry, commune);
        var second = await UserAsync(Role.DataEntry, commune);
        using var mine = await app.SignedInBrowserAsync(first);
        using var theirs = await app.SignedInBrowserAsync(second);
        var myPage = await mine.PageAsync(CommuneForm(commune));
        var theirPage = await theirs.PageAsync(CommuneForm(commune));
        using (var saved = await theirs.SubmitAsync(theirPage, "#entry-form", new() { [theirPage.ValueField(Total)] = "1234" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var response = await mine.SubmitAsync(myPage, "#entry-form", new() { [myPage.ValueField(Total)] = "1200" });

        var refused = await response.ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Equal(
            $"{second} đã lưu 1.234 lúc 10:00 15/03/2026; giá trị của bạn là 1.200. Lưu lại để giữ giá trị của bạn, hoặc dùng giá trị của họ.",
            refused.QuerySelector($"#e-{Total}")?.TextContent.Trim());
        Assert.Equal("1200", refused.QuerySelector($"#v-{Total}")?.GetAttribute("value"));
        var stored = await app.StoredAsync(commune, Total, "2025");
        Assert.Equal(1234, stored!.Value);
        Assert.Equal(stored.ConcurrencyToken.ToString(), refused.QuerySelector($"#row-{Total} input[name$='.Version']")?.GetAttribute("value"));

        using var again = await mine.SubmitAsync(refused, "#entry-form", []);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1200, (await app.StoredAsync(commune, Total, "2025"))!.Value);
    }

    [Fact]
    public async Task Save_OnlyTheFieldsYouChanged_AreSent_SoAnotherPersonsFieldIsKept()
    {
        var commune = await AddCommuneAsync("19");
        var first = await UserAsync(Role.DataEntry, commune);
        var second = await UserAsync(Role.DataEntry, commune);
        using var mine = await app.SignedInBrowserAsync(first);
        using var theirs = await app.SignedInBrowserAsync(second);
        var myPage = await mine.PageAsync(CommuneForm(commune));
        var theirPage = await theirs.PageAsync(CommuneForm(commune));
        using (var saved = await theirs.SubmitAsync(theirPage, "#entry-form", new() { [theirPage.ValueField(Online)] = "10" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var response = await mine.SubmitAsync(myPage, "#entry-form", new() { [myPage.ValueField(Total)] = "100" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(100, (await app.StoredAsync(commune, Total, "2025"))!.Value);
        Assert.Equal(10, (await app.StoredAsync(commune, Online, "2025"))!.Value);
    }

    [Fact]
    public async Task Save_ClearingAField_RemovesTheValue()
    {
        var (commune, user) = await CommuneWithUserAsync("20");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));
        using (var saved = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Adults)] = "5000" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var filled = await client.PageAsync(CommuneForm(commune));
        using var response = await client.SubmitAsync(filled, "#entry-form", new() { [filled.ValueField(Adults)] = string.Empty });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await app.StoredAsync(commune, Adults, "2025"));
    }

    [Fact]
    public async Task Save_NothingChanged_SaysSo()
    {
        var (commune, user) = await CommuneWithUserAsync("20");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(CommuneForm(commune));
        Assert.Contains("Không có thay đổi nào để lưu.", after.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"));
    }

    [Fact]
    public async Task Save_CommentWithoutAValue_IsRefused()
    {
        var (commune, user) = await CommuneWithUserAsync("20");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.CommentField(Adults)] = "Chưa có số liệu điều tra" });

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Ghi chú cần đi kèm giá trị: hãy nhập giá trị hoặc xoá ghi chú.", refused.QuerySelector($"#e-{Adults}")?.TextContent.Trim());
        Assert.Equal("Chưa có số liệu điều tra", refused.QuerySelector($"#c-{Adults}")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Save_BreakingARule_SavesTheDraft_AndWarns()
    {
        var (commune, user) = await CommuneWithUserAsync("22");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "10", [page.ValueField(Online)] = "20" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(CommuneForm(commune));
        var warnings = after.QuerySelector("section.breaches")?.TextContent;
        Assert.Contains("Số hồ sơ công việc cấp xã xử lý trên môi trường mạng không được lớn hơn tổng số hồ sơ công việc cấp xã.", warnings, StringComparison.Ordinal);
        Assert.Equal(20, (await app.StoredAsync(commune, Online, "2025"))!.Value);
    }

    [Fact]
    public async Task Submit_WithRequiredValuesMissing_IsRefusedWithTheirNames_ButTheDraftIsSaved()
    {
        var (commune, user) = await CommuneWithUserAsync("22");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Adults)] = "5000" }, button: "Nộp để duyệt");

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        var alerts = refused.Alerts();
        Assert.Contains("Bản nộp chưa được gửi:", alerts, StringComparison.Ordinal);
        Assert.Contains($"Thiếu số liệu bắt buộc / a required value is missing: {Total} — Tổng số hồ sơ công việc tại cấp xã", alerts, StringComparison.Ordinal);
        Assert.Contains(Online, alerts, StringComparison.Ordinal);
        Assert.Contains("Đã lưu nháp 1 giá trị.", refused.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("5000", refused.QuerySelector($"#v-{Adults}")?.GetAttribute("value"));
        Assert.Equal(SubmissionStatus.Draft, (await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"))?.Status);
    }

    [Fact]
    public async Task Submit_WithABrokenRule_IsRefusedWithTheRulesMessage()
    {
        var (commune, user) = await CommuneWithUserAsync("24");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "10", [page.ValueField(Online)] = "20" }, button: "Nộp để duyệt");

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Số hồ sơ công việc cấp xã xử lý trên môi trường mạng không được lớn hơn tổng số hồ sơ công việc cấp xã.", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Draft, (await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"))?.Status);
    }

    [Fact]
    public async Task Submit_Complete_SendsForReview_AndTheFormIsLockedSayingWhoCanReturnIt()
    {
        var (commune, user) = await CommuneWithUserAsync("24");
        var reviewer = await UserAsync(Role.Reviewer, "24");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "100", [page.ValueField(Online)] = "60" }, button: "Nộp để duyệt");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.PageAsync(CommuneForm(commune));
        Assert.Null(after.QuerySelector("#entry-form"));
        Assert.Null(after.QuerySelector("#upload-form"));
        Assert.Contains("Đã nộp để duyệt.", after.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
        var note = after.QuerySelector("p.notice[role=note]")!.TextContent;
        Assert.Contains("đã được gửi duyệt lúc 10:00 15/03/2026", note, StringComparison.Ordinal);
        Assert.Contains($"{reviewer} (Tỉnh Bắc Ninh)", note, StringComparison.Ordinal);
        Assert.Equal("Đã nộp, chờ duyệt", after.QuerySelector(".status")?.TextContent);
        Assert.Equal(["100", "60", "—", "—"], after.QuerySelectorAll("table.entry tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent).ToArray());
        Assert.Equal(SubmissionStatus.Submitted, (await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"))?.Status);
    }

    [Fact]
    public async Task Submit_BeforeAnythingWasSaved_IsRefused()
    {
        var (commune, user) = await CommuneWithUserAsync("24");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", [], button: "Nộp để duyệt");

        var refused = await response.ReadPageAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Chưa có số liệu nào được lưu: hãy nhập, lưu rồi nộp.", refused.Alerts(), StringComparison.Ordinal);
        Assert.Null(await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"));
    }

    [Fact]
    public async Task Submit_AfterAReviewerActedMeanwhile_IsRefusedAsChanged()
    {
        var (commune, user) = await CommuneWithUserAsync("24");
        await app.StoreValueAsync(commune, Total, "2025", 100);
        await app.StoreValueAsync(commune, Online, "2025", 60);
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Returned, "Kiểm tra lại.");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Returned, "Kiểm tra lại số hồ sơ trực tuyến.");

        using var response = await client.SubmitAsync(page, "#entry-form", [], button: "Nộp để duyệt");

        var refused = await response.ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Contains("Bản nộp vừa được người khác thay đổi", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Returned, (await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"))?.Status);
    }

    [Fact]
    public async Task Save_AfterTheSubmissionWasSent_IsRefusedAsLocked()
    {
        var (commune, user) = await CommuneWithUserAsync("31");
        await app.StoreValueAsync(commune, Total, "2025", 100);
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Submitted);

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "999" });

        var refused = await response.ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Contains("Bản nộp vừa được nộp hoặc phê duyệt nên đã bị khoá.", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(100, (await app.StoredAsync(commune, Total, "2025"))!.Value);
    }

    [Fact]
    public async Task Save_ToAnApprovedSubmission_IsRefusedAsLocked()
    {
        var (commune, user) = await CommuneWithUserAsync("31");
        await app.StoreValueAsync(commune, Total, "2025", 100);
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Approved);

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Total)] = "999" }, button: "Nộp để duyệt");

        await response.ReadPageAsync(HttpStatusCode.Conflict);
        Assert.Equal(100, (await app.StoredAsync(commune, Total, "2025"))!.Value);
        Assert.Equal(SubmissionStatus.Approved, (await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"))?.Status);
    }

    [Fact]
    public async Task ApprovedSubmission_IsReadOnly_AndSaysOnlyAReviewerCanReopenIt()
    {
        var (commune, user) = await CommuneWithUserAsync("33");
        var reviewer = await UserAsync(Role.Reviewer, "33");
        await app.StoreValueAsync(commune, Total, "2025", 1234);
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Approved);
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync(CommuneForm(commune));

        Assert.Null(page.QuerySelector("input[name$='.Value']"));
        var note = page.QuerySelector("p.notice[role=note]")!.TextContent;
        Assert.Contains("Bản nộp này đã được phê duyệt và khoá.", note, StringComparison.Ordinal);
        Assert.Contains($"Chỉ người duyệt mới mở lại được, kèm lý do: {reviewer} (Tỉnh Hưng Yên).", note, StringComparison.Ordinal);
        Assert.Equal("1.234", page.QuerySelector("table.entry tbody tr td")?.TextContent);
    }

    [Fact]
    public async Task ReturnedSubmission_ShowsTheReviewersReason_AndCanBeCorrected()
    {
        var (commune, user) = await CommuneWithUserAsync("33");
        await app.StoreValueAsync(commune, Total, "2025", 100);
        await app.SetSubmissionAsync("CT749_COMMUNE", commune, "2025", SubmissionStatus.Returned, "Số hồ sơ trực tuyến còn thiếu.");
        using var client = await app.SignedInBrowserAsync(user);
        var page = await client.PageAsync(CommuneForm(commune));

        using var response = await client.SubmitAsync(page, "#entry-form", new() { [page.ValueField(Online)] = "80" });

        Assert.Equal("Người duyệt đã trả lại: Số hồ sơ trực tuyến còn thiếu.", page.QuerySelector(".returned")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(80, (await app.StoredAsync(commune, Online, "2025"))!.Value);
    }

    [Fact]
    public async Task Viewer_SeesTheValuesReadOnly_AndASaveIsForbidden()
    {
        var commune = await AddCommuneAsync("37");
        await app.StoreValueAsync(commune, Total, "2025", 100);
        var viewer = await UserAsync(Role.Viewer, "37");
        using var client = await app.SignedInBrowserAsync(viewer);

        var page = await client.PageAsync(CommuneForm(commune));
        using var response = await client.PostAsync(
            new Uri(CommuneForm(commune) + "?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(await ForgedFieldsAsync(client, Total, "999")),
            TestContext.Current.CancellationToken);

        Assert.Contains("Bạn chỉ được xem, không được nhập số liệu của đơn vị này.", page.QuerySelector("p.notice[role=note]")?.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#entry-form"));
        var refused = await response.ReadPageAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Bạn không có quyền nhập số liệu của", refused.Alerts(), StringComparison.Ordinal);
        Assert.Equal(100, (await app.StoredAsync(commune, Total, "2025"))!.Value);
    }

    [Fact]
    public async Task AnotherCommunesUser_FindsNeitherTheFormNorAWayToPostIt()
    {
        var commune = await AddCommuneAsync("37");
        var (_, neighbour) = await CommuneWithUserAsync("37");
        using var client = await app.SignedInBrowserAsync(neighbour);

        using var get = await client.GetStatusAsync(CommuneForm(commune), HttpStatusCode.NotFound);
        using var post = await client.PostAsync(
            new Uri(CommuneForm(commune) + "?handler=Submit", UriKind.Relative),
            new FormUrlEncodedContent(await ForgedFieldsAsync(client, Total, "999")),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await app.StoredAsync(commune, Total, "2025"));
        Assert.Null(await app.SubmissionAsync("CT749_COMMUNE", commune, "2025"));
    }

    [Fact]
    public async Task PostWithoutTheAntiforgeryToken_IsRejected()
    {
        var (commune, user) = await CommuneWithUserAsync("37");
        using var client = await app.SignedInBrowserAsync(user);

        using var post = await client.PostAsync(
            new Uri(CommuneForm(commune) + "?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Fields[0].Measure"] = Total, ["Fields[0].Value"] = "5" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Null(await app.StoredAsync(commune, Total, "2025"));
    }

    [Theory]
    [InlineData("/data/NO_SUCH_SET/2025/{0}")]
    [InlineData("/data/CT749_COMMUNE/2027/{0}")]
    [InlineData("/data/CT749_COMMUNE/2025Q1/{0}")]
    [InlineData("/data/CT749_COMMUNE/2025/{0}X")]
    [InlineData("/data/CT749_PROVINCE/2025/{0}")]
    public async Task NoSuchForm_IsNotFound(string template)
    {
        var (commune, user) = await CommuneWithUserAsync("37");
        using var client = await app.SignedInBrowserAsync(user);

        using var response = await client.GetStatusAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, commune), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string CommuneForm(string commune, string period = "2025") => $"/data/CT749_COMMUNE/{period}/{commune}";

    /// <summary>What an attacker can send without the form: the fields, with an antiforgery token their own session got elsewhere.</summary>
    private static async Task<Dictionary<string, string>> ForgedFieldsAsync(HttpClient client, string measure, string value)
    {
        var signIn = await client.PageAsync("/account/sign-in");
        var token = signIn.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Fields[0].Measure"] = measure,
            ["Fields[0].Value"] = value,
            ["Fields[0].Original"] = string.Empty,
        };
    }

    private async Task<string> AddCommuneAsync(string province)
    {
        var code = TestNames.Unit();
        await app.AddCommuneAsync(code, "Xã Tân Lập", province);
        return code;
    }

    private async Task<string> UserAsync(string role, string unit)
    {
        var name = TestNames.User(role);
        await app.AddUserAsync(name, role, unit);
        return name;
    }

    private async Task<(string Commune, string User)> CommuneWithUserAsync(string province)
    {
        var commune = await AddCommuneAsync(province);
        return (commune, await UserAsync(Role.DataEntry, commune));
    }

    public sealed class OnSqlite(OpenDtiApp app) : EntryFormPageTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : EntryFormPageTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
