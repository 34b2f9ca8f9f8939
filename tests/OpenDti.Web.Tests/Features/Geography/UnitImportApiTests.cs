using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Domain.Geography;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Geography;

/// <summary><c>POST /api/v1/units/import</c>: communes with Vietnamese names in, all or nothing, on SQLite and PostgreSQL.</summary>
public abstract class UnitImportApiTests(OpenDtiApp app)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProvinceAdmin_ImportsCommunesWithVietnameseNames_StoredInNfc()
    {
        await app.AddUserAsync("n.qt.ha.noi", Role.ProvinceAdmin, "01");
        var admin = await app.SignedInClientAsync("n.qt.ha.noi");

        // "Xã Đông Anh" written decomposed (NFD), as some editors save it; a BOM first, as Excel does.
        var dongAnh = "Xã Đông Anh".Normalize(NormalizationForm.FormD);
        var csv = "code,name,level,parent_code,valid_from,name_en\n"
            + $"N0001,{dongAnh},commune,01,2025-07-01,Dong Anh\n"
            + "N0002,Phường Hoàn Kiếm,commune,01,2025-07-01,\n"
            + "N0003,Sở Khoa học và Công nghệ,organisation,01,2025-07-01,Department of Science and Technology\n";

        using var response = await PostCsvAsync(admin, csv, bom: true);

        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        await using var db = app.OpenContext();
        var units = await db.Units.AsNoTracking().Include(u => u.Parent).Where(u => u.Code == new UnitCode("N0001") || u.Code == new UnitCode("N0002") || u.Code == new UnitCode("N0003")).OrderBy(u => u.Id).ToListAsync(Cancellation);
        Assert.Equal(["Xã Đông Anh", "Phường Hoàn Kiếm", "Sở Khoa học và Công nghệ"], units.Select(u => u.Name));
        Assert.True(units[0].Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal([UnitLevel.Commune, UnitLevel.Commune, UnitLevel.Organisation], units.Select(u => u.Level));
        Assert.All(units, u => Assert.Equal("Thành phố Hà Nội", u.Parent!.Name));
        Assert.All(units, u => Assert.Equal(new DateOnly(2025, 7, 1), u.ValidFrom));
        Assert.Equal(["Dong Anh", null, "Department of Science and Technology"], units.Select(u => u.NameEn));
        var listed = await app.CreateClient().GetJsonAsync("/api/v1/units?level=commune&on=2026-03-15");
        Assert.Contains("Xã Đông Anh", listed.GetRawText(), StringComparison.Ordinal);
        Assert.True(await db.AccountEvents.AnyAsync(e => e.Kind == AccountEventKinds.UnitsImported && e.Actor.Name == "n.qt.ha.noi", Cancellation));
    }

    [Fact]
    public async Task OneBadRow_WritesNothing_AndNamesEveryProblemByRowAndColumn()
    {
        await app.AddUserAsync("n.qt.ha.noi.2", Role.ProvinceAdmin, "01");
        await app.AddCommuneAsync("N0010", "Xã Đã Có", "01");
        var admin = await app.SignedInClientAsync("n.qt.ha.noi.2");
        var csv = "code,name,level,parent_code,valid_from\n"
            + "N0011,Xã Minh Phú,commune,01,2025-07-01\n"
            + "N0012,Xã Thanh Xuân,huyện,01,01/07/2025\n"
            + "N0010,Xã Trùng Mã,commune,01,2025-07-01\n"
            + "N0013,Xã Không Cha,commune,02,2025-07-01\n"
            + "N0011,Xã Lặp Lại,commune,01,2025-07-01\n";

        using var response = await PostCsvAsync(admin, csv);

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.Text("column"), e.Text("code"), e.Text("found"))).ToList();
        Assert.Equal(
            [
                (3, "level", "units.level", "huyện"),
                (3, "valid_from", "units.valid-from", "01/07/2025"),
                (4, "code", "units.code-taken", "N0010"),
                (5, "parent_code", "units.parent", "02"),
                (6, "code", "units.code-repeated", "N0011"),
            ],
            errors);
        Assert.Contains("5 problem(s); no unit was added", problem.Text("detail"), StringComparison.Ordinal);
        await using var db = app.OpenContext();
        Assert.False(await db.Units.AnyAsync(u => u.Code == new UnitCode("N0011"), Cancellation));
    }

    [Fact]
    public async Task TheParentMustBeInForceOnTheFirstDay()
    {
        await app.AddUserAsync("n.qt.quoc.gia", Role.NationalAdmin, "VN");
        var admin = await app.SignedInClientAsync("n.qt.quoc.gia");

        // Hà Giang (02) ended on 2025-06-30: a commune may start under it before, not after.
        using var after = await PostCsvAsync(admin, "code,name,level,parent_code,valid_from\nN0020,Xã Lũng Cú,commune,02,2025-07-01\n");
        using var before = await PostCsvAsync(admin, "code,name,level,parent_code,valid_from\nN0020,Xã Lũng Cú,commune,02,2024-01-01\n");

        var problem = await after.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        Assert.Contains("2025-07-01", problem.GetProperty("errors")[0].Text("expected"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await using var db = app.OpenContext();
        var commune = await db.Units.AsNoTracking().Include(u => u.Parent).SingleAsync(u => u.Code == new UnitCode("N0020"), Cancellation);
        Assert.Equal("Tỉnh Hà Giang", commune.Parent!.Name);
    }

    [Fact]
    public async Task ProvinceAdmin_CannotImportUnderAnotherProvince()
    {
        await app.AddUserAsync("n.qt.ha.noi.3", Role.ProvinceAdmin, "01");
        var admin = await app.SignedInClientAsync("n.qt.ha.noi.3");

        using var response = await PostCsvAsync(admin, "code,name,level,parent_code,valid_from\nN0030,Xã Hà Nội,commune,01,2025-07-01\nN0031,Phường Bến Thành,commune,79,2025-07-01\n");

        var problem = await response.ReadJsonAsync(HttpStatusCode.Forbidden, "application/problem+json");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("units.outside", error.Text("code"));
        await using var db = app.OpenContext();
        Assert.False(await db.Units.AnyAsync(u => u.Code == new UnitCode("N0030"), Cancellation));
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.DataEntry)]
    [InlineData(Role.Reviewer)]
    public async Task NonAdministrators_CannotImport(string role)
    {
        await app.AddUserAsync("n.khong.quan.tri." + role, role, "01");
        var client = await app.SignedInClientAsync("n.khong.quan.tri." + role);

        using var response = await PostCsvAsync(client, "code,name,level,parent_code,valid_from\nN0040,Xã Lén Lút,commune,01,2025-07-01\n");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.OpenContext();
        Assert.False(await db.Units.AnyAsync(u => u.Code == new UnitCode("N0040"), Cancellation));
    }

    [Fact]
    public async Task Anonymous_AndAnyKey_CannotImport()
    {
        await app.AddUserAsync("n.co.khoa", Role.DataEntry, "01");
        var owner = await app.SignedInClientAsync("n.co.khoa");
        using var created = await owner.PostAsync(
            new Uri("/api/v1/apikeys", UriKind.Relative),
            new StringContent("{\"name\":\"k\",\"role\":\"data-entry\",\"units\":[\"01\"]}", Encoding.UTF8, "application/json"),
            Cancellation);
        var key = app.CreateClient();
        key.DefaultRequestHeaders.Add("X-Api-Key", (await created.ReadJsonAsync(HttpStatusCode.Created, "application/json")).Text("keyText"));

        using var anonymous = await PostCsvAsync(app.CreateClient(), "code,name,level,parent_code,valid_from\nN0050,Xã A,commune,01,2025-07-01\n");
        using var byKey = await PostCsvAsync(key, "code,name,level,parent_code,valid_from\nN0050,Xã A,commune,01,2025-07-01\n");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
    }

    [Fact]
    public async Task NotUtf8_IsRefusedWithWhatToDo()
    {
        await app.AddUserAsync("n.qt.ha.noi.4", Role.ProvinceAdmin, "01");
        var admin = await app.SignedInClientAsync("n.qt.ha.noi.4");
        var latin1 = Encoding.Latin1.GetBytes("code,name,level,parent_code,valid_from\nN0060,Xã Cà Mau,commune,01,2025-07-01\n".Replace("Xã", "X\u00e3", StringComparison.Ordinal));

        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await admin.PostAsync(new Uri("/api/v1/units/import", UriKind.Relative), content, Cancellation);

        var problem = await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json");
        Assert.Equal("units.not-utf8", problem.GetProperty("errors")[0].Text("code"));
    }

    private static async Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string csv, bool bom = false)
    {
        var bytes = (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync(new Uri("/api/v1/units/import", UriKind.Relative), content, Cancellation);
    }

    public sealed class OnSqlite(OpenDtiApp app) : UnitImportApiTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : UnitImportApiTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
