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
