using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using OpenDti.Domain.Accounts;
using OpenDti.Features.Events;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Events;

/// <summary>
/// <c>/events/new</c> and <c>/events/{id}/edit</c> as an organiser's browser posts them: one form, the agenda as
/// rows to add, change, reorder and remove; a stale form refused; others refused.
/// </summary>
public abstract class EventEditPageTests(OpenDtiApp app)
{
    private readonly EventWorld _world = new(app);

    [Fact]
    public async Task NewPage_CreatesTheEventWithTheAgendaRowsInTheirOrder()
    {
        var name = await _world.UserAsync(Role.ProvinceAdmin, "52");
        using var browser = await app.SignedInBrowserAsync(name);

        var response = await browser.PostFormAsync("/events/new", new()
        {
            ["Form.Kind"] = "training",
            ["Form.Title"] = "Tập huấn chuyển đổi số cho cán bộ cấp xã tỉnh Gia Lai",
            ["Form.StartsAt"] = "2026-04-02T08:00",
            ["Form.EndsAt"] = "2026-04-02T16:30",
            ["Form.HostUnit"] = "52",
            ["Form.Format"] = "in-person",
            ["Form.Agenda[0].Order"] = "2",
            ["Form.Agenda[0].StartsAt"] = "13:30",
            ["Form.Agenda[0].Title"] = "Phương pháp luận 2-3-5",
            ["Form.Agenda[1].Order"] = "1",
            ["Form.Agenda[1].StartsAt"] = "08:00",
            ["Form.Agenda[1].Title"] = "Tổng quan về chuyển đổi số",
            ["Form.Agenda[1].Speaker"] = "Nguyễn Văn An",
            ["Form.Agenda[1].SpeakerPosition"] = "Giám đốc Sở Khoa học và Công nghệ",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);
        var detail = await browser.GetJsonAsync($"/api/v1/events/{id}");
        Assert.Equal(["Tổng quan về chuyển đổi số", "Phương pháp luận 2-3-5"], detail.GetProperty("agenda").EnumerateArray().Select(a => a.Text("title")));
        Assert.Equal(("Nguyễn Văn An", "Giám đốc Sở Khoa học và Công nghệ"), (detail.GetProperty("agenda")[0].Text("speaker"), detail.GetProperty("agenda")[0].Text("speakerPosition")));
    }

    [Fact]
    public async Task Organiser_ChangesDetailsAndAgenda_EventPageAndApiShowTheChanges()
    {
        var name = await _world.UserAsync(Role.ProvinceAdmin, "56");
        using var api = await app.SignedInClientAsync(name);
        var id = await EventWorld.CreateAsync(api, EventWorld.Conference("56"));
        using var browser = await app.SignedInBrowserAsync(name);
        var eventPage = await browser.GetHtmlAsync($"/events/{id}");
        var fields = FormFields(await browser.GetHtmlAsync($"/events/{id}/edit"));

        Assert.Contains($"<a href=\"/events/{id}/edit\"", eventPage, StringComparison.Ordinal);
        Assert.Equal(("Tổng quan về chuyển đổi số", "1"), (fields["Form.Agenda[0].Title"], fields["Form.Agenda[0].Order"]));
        fields["Form.Title"] = "Hội nghị chuyển đổi số tỉnh Khánh Hòa (cập nhật)";
        fields["Form.Agenda[0].Remove"] = "true";
        fields["Form.Agenda[1].Order"] = "2";
        fields["Form.Agenda[1].Speaker"] = "Lê Thị Cúc";
        fields["Form.Agenda[2].Order"] = "1";
        fields["Form.Agenda[2].StartsAt"] = "07:45";
        fields["Form.Agenda[2].Title"] = "Chuyển đổi số ở cấp xã";
        fields["Form.Agenda[2].Materials"] = "https://example.vn/cap-xa.pdf";
        var response = await browser.PostFormAsync($"/events/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/events/{id}?done=updated", response.Headers.Location?.OriginalString);
        var detail = await browser.GetJsonAsync($"/api/v1/events/{id}");
        Assert.Equal("Hội nghị chuyển đổi số tỉnh Khánh Hòa (cập nhật)", detail.GetProperty("summary").Text("title"));
        var agenda = detail.GetProperty("agenda").EnumerateArray().Select(a => (a.Text("startsAt"), a.Text("title"), a.Text("speaker"), a.Text("materials"))).ToList();
        Assert.Equal([("07:45", "Chuyển đổi số ở cấp xã", null, "https://example.vn/cap-xa.pdf"), ("09:30", "Phương pháp luận 2-3-5", "Lê Thị Cúc", null)], agenda);
        var page = await browser.GetHtmlAsync($"/events/{id}?done=updated");
        Assert.Contains("Đã lưu sự kiện.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.vn/cap-xa.pdf\" rel=\"noopener noreferrer\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổng quan về chuyển đổi số", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleForm_Is409WithTheReason_AndWritesNothing()
    {
        var name = await _world.UserAsync(Role.ProvinceAdmin, "66");
        using var api = await app.SignedInClientAsync(name);
        var id = await EventWorld.CreateAsync(api, EventWorld.Conference("66"));
        using var browser = await app.SignedInBrowserAsync(name);
        var fields = FormFields(await browser.GetHtmlAsync($"/events/{id}/edit"));
        (await api.PutAsJsonAsync($"/api/v1/events/{id}", EventWorld.Conference("66", "Hội nghị do đồng nghiệp sửa trước"), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        fields["Form.Title"] = "Hội nghị từ biểu mẫu cũ";
        fields["Form.Agenda[0].Remove"] = "true";
        var response = await browser.PostFormAsync($"/events/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var text = PageForms.VisibleText(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Người khác đã sửa sự kiện này sau khi bạn mở biểu mẫu. Chưa có gì được lưu.", text, StringComparison.Ordinal);
        var detail = await api.GetJsonAsync($"/api/v1/events/{id}");
        Assert.Equal("Hội nghị do đồng nghiệp sửa trước", detail.GetProperty("summary").Text("title"));
        Assert.Equal(2, detail.GetProperty("agenda").GetArrayLength());
    }

    [Fact]
    public async Task FormWithoutItsVersion_IsRefused_AndWritesNothing()
    {
        var name = await _world.UserAsync(Role.ProvinceAdmin, "68");
        using var api = await app.SignedInClientAsync(name);
        var id = await EventWorld.CreateAsync(api, EventWorld.Conference("68"));
        using var browser = await app.SignedInBrowserAsync(name);
        var fields = FormFields(await browser.GetHtmlAsync($"/events/{id}/edit"));

        fields.Remove("Form.Version");
        fields["Form.Title"] = "Hội nghị không rõ phiên bản";
        var response = await browser.PostFormAsync($"/events/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Hội nghị trực tuyến quán triệt Nghị quyết 57-NQ/TW", (await api.GetJsonAsync($"/api/v1/events/{id}")).GetProperty("summary").Text("title"));
    }

    [Fact]
    public async Task OtherProvincesAdministratorAndTheProvincesClerk_AreRefused()
    {
        var name = await _world.UserAsync(Role.ProvinceAdmin, "75");
        using var api = await app.SignedInClientAsync(name);
        var id = await EventWorld.CreateAsync(api, EventWorld.Conference("75"));
        using var organiser = await app.SignedInBrowserAsync(name);
        var fields = FormFields(await organiser.GetHtmlAsync($"/events/{id}/edit"));
        using var other = await app.SignedInBrowserAsync(await _world.UserAsync(Role.ProvinceAdmin, "79"));
        using var clerk = await app.SignedInBrowserAsync(await _world.UserAsync(Role.DataEntry, "75"));

        var otherPage = await other.GetAsync(new Uri($"/events/{id}/edit", UriKind.Relative), TestContext.Current.CancellationToken);
        var clerkPage = await clerk.GetAsync(new Uri($"/events/{id}/edit", UriKind.Relative), TestContext.Current.CancellationToken);
        fields["Form.Title"] = "Hội nghị bị sửa trái phép";
        fields["Form.HostUnit"] = "79";
        var otherPost = await other.PostFormAsync("/events/new", fields, $"/events/{id}/edit");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { otherPage.StatusCode, clerkPage.StatusCode, otherPost.StatusCode });
        Assert.Contains("Chỉ quản trị viên của Tỉnh Đồng Nai được sửa sự kiện này.", PageForms.VisibleText(await otherPage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        var detail = await api.GetJsonAsync($"/api/v1/events/{id}");
        Assert.Equal(("Hội nghị trực tuyến quán triệt Nghị quyết 57-NQ/TW", "75"), (detail.GetProperty("summary").Text("title"), detail.GetProperty("summary").Text("hostUnit")));
        Assert.DoesNotContain($"/events/{id}/edit", await other.GetHtmlAsync($"/events/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedEvent_CannotBeEdited()
    {
        var name = await _world.UserAsync(Role.ProvinceAdmin, "80");
        using var api = await app.SignedInClientAsync(name);
        var id = await EventWorld.CreateAsync(api, EventWorld.Conference("80"));
        using var browser = await app.SignedInBrowserAsync(name);
        var fields = FormFields(await browser.GetHtmlAsync($"/events/{id}/edit"));
        (await api.PostAsJsonAsync($"/api/v1/events/{id}/status", new { status = "reported" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var page = await browser.GetAsync(new Uri($"/events/{id}/edit", UriKind.Relative), TestContext.Current.CancellationToken);
        fields["Form.Title"] = "Hội nghị sửa sau khi chốt";
        var post = await browser.PostFormAsync($"/events/{id}", fields, $"/events/{id}/edit");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (page.StatusCode, post.StatusCode));
        Assert.Contains("Sự kiện đã chốt số liệu", PageForms.VisibleText(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.Equal("Hội nghị trực tuyến quán triệt Nghị quyết 57-NQ/TW", (await api.GetJsonAsync($"/api/v1/events/{id}")).GetProperty("summary").Text("title"));
    }

    [Theory]
    [InlineData(EventRefusal.Forbidden, 403)]
    [InlineData(EventRefusal.NotFound, 404)]
    [InlineData(EventRefusal.Conflict, 409)]
    [InlineData(EventRefusal.Invalid, 422)]
    public void EveryPage_MapsARefusalToTheSameStatus(EventRefusal refusal, int status)
    {
        var result = EventResult.Refused<int>(refusal);

        Assert.Equal(status, result.HttpStatus);
    }

    /// <summary>The fields the event form would post as it stands: inputs, checked boxes, selected options, text areas.</summary>
    private static Dictionary<string, string> FormFields(string html)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelectorAll("form").Single(f => f.QuerySelector("[name='Form.Title']") is not null);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (input.Name is { } n && n != "__RequestVerificationToken" && (input.Type != "checkbox" || input.IsChecked))
            {
                fields[n] = input.Value;
            }
        }

        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>())
        {
            fields[select.Name!] = select.Value ?? string.Empty;
        }

        foreach (var area in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>())
        {
            fields[area.Name!] = area.Value;
        }

        return fields;
    }

    public sealed class OnSqlite(OpenDtiApp app) : EventEditPageTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : EventEditPageTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
