using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Events;

/// <summary>Training courses: trainees imported, completions recorded, and the host unit's officials trained in the index.</summary>
public abstract class TrainingApiTests(OpenDtiApp app)
{
    private readonly EventWorld _world = new(app);

    [Fact]
    public async Task Completions_BecomeOfficialsTrained_ForTheHostUnitAndTheYearTheCourseEnds()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "33"));
        var id = await CreateAsync(organiser, "33", "2025-12-29", "2026-01-02");
        var other = await CreateAsync(organiser, "33", "2025-11-03", "2025-11-04");
        (await ImportAsync(organiser, id, "Họ và tên,Đơn vị,Chức vụ\r\nNguyễn Thị Hoa,UBND xã Tân Hưng,Công chức văn phòng\r\nPhạm Văn Đức,Sở Khoa học và Công nghệ,Chuyên viên\r\nLê Minh Tâm,UBND xã Tân Hưng,\r\n")).EnsureSuccessStatusCode();
        (await ImportAsync(organiser, other, "Họ và tên,Đơn vị\r\nVũ Văn Khải,UBND xã Ân Thi\r\n")).EnsureSuccessStatusCode();

        var response = await organiser.PostAsJsonAsync($"/api/v1/events/training/{id}/complete", new { }, TestContext.Current.CancellationToken);
        await (await organiser.PostAsJsonAsync($"/api/v1/events/training/{other}/complete", new { }, TestContext.Current.CancellationToken)).ReadJsonAsync(HttpStatusCode.OK, "application/json");

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.True(body.GetProperty("measuresWritten").GetBoolean());
        await using var db = app.OpenContext();
        var unit = await db.Units.SingleAsync(u => u.Code == new UnitCode("33") && u.ValidTo == null, TestContext.Current.CancellationToken);
        var measure = await db.Measures.SingleAsync(m => m.Code == new MeasureCode("OFFICIALS_TRAINED"), TestContext.Current.CancellationToken);
        var values = await db.DataValues.Where(v => v.UnitId == unit.Id && v.MeasureId == measure.Id).OrderBy(v => v.Period).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("2025", 1d), ("2026", 3d)], values.Select(v => (v.Period.ToString(), v.Value)));
        Assert.All(values, v => Assert.Equal(ValueSources.Events, v.Source));
        var course = await organiser.GetJsonAsync($"/api/v1/events/training/{id}");
        Assert.Equal(["DTI-2026-" + id.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)], course.GetProperty("trainees").EnumerateArray().Select(t => t.Text("certificateNumber")![..13]).Distinct());
    }

    [Fact]
    public async Task DataEntryOfTheProvince_CannotCreateOrComplete()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "37"));
        var id = await CreateAsync(organiser, "37", "2026-01-05", "2026-01-06");
        using var clerk = await app.SignedInClientAsync(await _world.UserAsync(Role.DataEntry, "37"));

        var create = await clerk.PostAsJsonAsync("/api/v1/events/training", Course("37", "2026-01-05", "2026-01-06"), TestContext.Current.CancellationToken);
        var complete = await clerk.PostAsJsonAsync($"/api/v1/events/training/{id}/complete", new { }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, complete.StatusCode);
    }

    [Fact]
    public async Task CertificatesPage_HasOneCertificatePerCompletedTrainee()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "38"));
        var id = await CreateAsync(organiser, "38", "2026-02-02", "2026-02-03");
        (await ImportAsync(organiser, id, "Họ và tên,Đơn vị\r\nĐỗ Thị Lan,UBND xã Hoằng Hóa\r\nBùi Văn Nam,UBND xã Nga Sơn\r\n")).EnsureSuccessStatusCode();
        (await organiser.PostAsJsonAsync($"/api/v1/events/training/{id}/complete", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var anyone = app.CreateClient();

        var html = await anyone.GetHtmlAsync($"/training/{id}/certificates");

        var text = PageForms.VisibleText(html);
        Assert.Contains("Đỗ Thị Lan", text, StringComparison.Ordinal);
        Assert.Contains("Bùi Văn Nam", text, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<article class=\"certificate\"").Length - 1);
    }

    [Fact]
    public async Task Completions_GiveTheShareOfOfficialsTrained_ForTheHostUnitAndYear_InTheUnitsIndicators()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "48"));
        var course2026 = await CreateAsync(organiser, "48", "2026-03-02", "2026-03-04");
        var course2025 = await CreateAsync(organiser, "48", "2025-10-06", "2025-10-07");
        (await ImportAsync(organiser, course2026, "Họ và tên,Đơn vị\r\nNguyễn Thị Hoa,UBND phường Hải Châu\r\nPhạm Văn Đức,Sở Nội vụ\r\nLê Minh Tâm,UBND xã Hòa Vang\r\n")).EnsureSuccessStatusCode();
        (await ImportAsync(organiser, course2025, "Họ và tên,Đơn vị\r\nVũ Văn Khải,UBND phường Sơn Trà\r\n")).EnsureSuccessStatusCode();
        var enrolled = (await organiser.GetJsonAsync($"/api/v1/events/training/{course2026}")).GetProperty("trainees").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();
        // The province enters its officials itself: nothing derives OFFICIALS_TOTAL from events.
        (await organiser.PutAsJsonAsync("/api/v1/datavalues?dataSet=AWARENESS_PROVINCE", new[]
        {
            new { unit = "48", measure = "OFFICIALS_TOTAL", period = "2026", value = 8d },
            new { unit = "48", measure = "OFFICIALS_TOTAL", period = "2025", value = 10d },
        }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        (await organiser.PostAsJsonAsync($"/api/v1/events/training/{course2026}/complete", new { trainees = enrolled.Take(2) }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await organiser.PostAsJsonAsync($"/api/v1/events/training/{course2025}/complete", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        using var anyone = app.CreateClient();
        var table = await anyone.GetJsonAsync("/api/v1/units/48/indicators?framework=CT749");
        var share = table.GetProperty("indicators").EnumerateArray().Single(i => i.Text("code") == "OFFICIALS_TRAINED_SHARE");
        Assert.Equal("%", share.Text("unitOfMeasure"));
        var values = share.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("value").ValueKind != System.Text.Json.JsonValueKind.Null)
            .ToDictionary(v => v.Text("period")!, v => v.GetProperty("value").GetDouble(), StringComparer.Ordinal);
        Assert.Equal(25.0, values["2026"], 9); // 2 of the 3 enrolled completed, of 8 officials: 2 / 8 × 100
        Assert.Equal(10.0, values["2025"], 9); // 1 / 10 × 100
        var neighbour = await anyone.GetJsonAsync("/api/v1/units/51/indicators?framework=CT749");
        Assert.DoesNotContain(neighbour.GetProperty("indicators").EnumerateArray().Where(i => i.Text("code") == "OFFICIALS_TRAINED_SHARE").SelectMany(i => i.GetProperty("values").EnumerateArray()), v => v.GetProperty("value").ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task CertificateDocx_OfACompletedTrainee_HasNameCourseUnitsAndDates()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "51"));
        var id = await CreateAsync(organiser, "51", "2026-05-11", "2026-05-13");
        (await ImportAsync(organiser, id, "Họ và tên,Đơn vị,Chức vụ\r\nĐặng Thị Thúy Hằng,UBND xã Bình Sơn,Công chức văn hóa - xã hội\r\nTrương Văn Lực,UBND xã Sơn Tịnh,\r\n")).EnsureSuccessStatusCode();
        var trainees = (await organiser.GetJsonAsync($"/api/v1/events/training/{id}")).GetProperty("trainees").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();
        (await organiser.PostAsJsonAsync($"/api/v1/events/training/{id}/complete", new { trainees = new[] { trainees[0] } }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var anyone = app.CreateClient();

        using var one = await OpenDocxAsync(anyone, $"/training/{id}/trainees/{trainees[0]}/certificate.docx");
        var notCompleted = await anyone.GetAsync(new Uri($"/training/{id}/trainees/{trainees[1]}/certificate.docx", UriKind.Relative), TestContext.Current.CancellationToken);
        var notInCourse = await anyone.GetAsync(new Uri($"/training/{id}/trainees/{trainees[1] + 100_000}/certificate.docx", UriKind.Relative), TestContext.Current.CancellationToken);

        var text = string.Join("\n", one.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA ĐÀO TẠO", text, StringComparison.Ordinal);
        Assert.Contains("Chứng nhận ông/bà: Đặng Thị Thúy Hằng", text, StringComparison.Ordinal);
        Assert.Contains("Chức vụ: Công chức văn hóa - xã hội", text, StringComparison.Ordinal);
        Assert.Contains("Đơn vị công tác: UBND xã Bình Sơn", text, StringComparison.Ordinal);
        Assert.Contains("Đã hoàn thành khóa đào tạo, bồi dưỡng: Bồi dưỡng kiến thức chuyển đổi số cho cán bộ cấp xã", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian: từ ngày 11/05/2026 đến ngày 13/05/2026, do Tỉnh Quảng Ngãi tổ chức.", text, StringComparison.Ordinal);
        Assert.Contains("Ngày hoàn thành: 13/05/2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trương Văn Lực", text, StringComparison.Ordinal);
        Assert.Equal("vi-VN", one.PackageProperties.Language);
        var refusal = await notCompleted.ReadJsonAsync(HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal("Trương Văn Lực chưa hoàn thành khóa đào tạo nên chưa có giấy chứng nhận / has not completed the course, so there is no certificate.", refusal.Text("detail"));
        Assert.Equal(HttpStatusCode.NotFound, notInCourse.StatusCode);
    }

    [Fact]
    public async Task CertificatesDocx_HasAPagePerCompletedTrainee_AndNoneBeforeAnyCompletes()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "52"));
        var id = await CreateAsync(organiser, "52", "2026-06-01", "2026-06-02");
        (await ImportAsync(organiser, id, "Họ và tên,Đơn vị\r\nKsor H'Bia,UBND xã Ia Grai\r\nRơ Mah Tuấn,UBND xã Chư Păh\r\nNguyễn Văn Đạt,Sở Tài chính\r\n")).EnsureSuccessStatusCode();
        var trainees = (await organiser.GetJsonAsync($"/api/v1/events/training/{id}")).GetProperty("trainees").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();
        using var anyone = app.CreateClient();
        var before = await anyone.GetAsync(new Uri($"/training/{id}/certificates.docx", UriKind.Relative), TestContext.Current.CancellationToken);
        (await organiser.PostAsJsonAsync($"/api/v1/events/training/{id}/complete", new { trainees = new[] { trainees[0], trainees[2] } }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        using var all = await OpenDocxAsync(anyone, $"/training/{id}/certificates.docx");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        var body = all.MainDocumentPart!.Document!.Body!;
        var names = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).Where(t => t.StartsWith("Chứng nhận ông/bà: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Chứng nhận ông/bà: Ksor H'Bia", "Chứng nhận ông/bà: Nguyễn Văn Đạt"], names);
        Assert.Single(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Break>(), b => b.Type?.Value == DocumentFormat.OpenXml.Wordprocessing.BreakValues.Page);
    }

    private static async Task<DocumentFormat.OpenXml.Packaging.WordprocessingDocument> OpenDocxAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        return DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    private static object Course(string unit, string from, string to) => new
    {
        title = "Bồi dưỡng kiến thức chuyển đổi số cho cán bộ cấp xã",
        hostUnit = unit,
        startsOn = from,
        endsOn = to,
        sessions = new[] { new { on = from, topic = "Tổng quan về chuyển đổi số", lecturer = "TS. Hoàng Văn Sơn" }, new { on = to, topic = "Phương pháp luận 2-3-5", lecturer = "ThS. Đặng Thu Trang" } },
    };

    private static async Task<int> CreateAsync(HttpClient organiser, string unit, string from, string to)
    {
        var response = await organiser.PostAsJsonAsync("/api/v1/events/training", Course(unit, from, to), TestContext.Current.CancellationToken);
        return (await response.ReadJsonAsync(HttpStatusCode.Created, "application/json")).GetProperty("id").GetInt32();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient organiser, int id, string csv)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "hoc-vien.csv");
        return await organiser.PostAsync(new Uri($"/api/v1/events/training/{id}/trainees/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public sealed class OnSqlite(OpenDtiApp app) : TrainingApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : TrainingApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
