using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>Downloading templates: who gets which units, and what the files hold.</summary>
public sealed class TemplateDownloadTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        _ = app.Services; // starts the app, which migrates and seeds the store
        await using var db = app.OpenContext();
        if (!db.Users.Any(u => u.UserName == "nhap.camau"))
        {
            await TemplateFiles.AddCommunesAsync(app, "96", "CMU", 3);
            await TemplateFiles.AddCommunesAsync(app, "92", "CTO", 1);
            await app.AddUserAsync("nhap.camau", Domain.Accounts.Role.DataEntry, "96");
            await app.AddUserAsync("xem.camau", Domain.Accounts.Role.Viewer, "96");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Xlsx_HasTheUsersCommunes_LockedCodes_ValidationAndAHiddenMetaSheet()
    {
        using var client = await app.SignedInClientAsync("nhap.camau");

        using var response = await client.GetAsync(new Uri("/data/CT749_COMMUNE/2025/template.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CT749_COMMUNE_2025.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        using var file = TemplateFiles.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["CMU0001", "CMU0002", "CMU0003"], [file.Read("Số liệu", "A10"), file.Read("Số liệu", "A11"), file.Read("Số liệu", "A12")]);
        Assert.Null(file.Read("Số liệu", "A13"));
        Assert.Equal("Xã Hòa Bình 2", file.Read("Số liệu", "B11"));
        Assert.Equal("WORK_DOSSIERS_COMMUNE\nTổng số hồ sơ công việc tại cấp xã (hồ sơ)", file.Read("Số liệu", "C9"));
        Assert.Equal("CT749_COMMUNE — Số liệu thực hiện Chương trình Chuyển đổi số quốc gia — cấp xã", file.Read("Số liệu", "B2"));
        Assert.Equal("nhap.camau", file.Read("Số liệu", "B5"));
        Assert.Contains("Nhập số vào các ô màu vàng", file.Read("Số liệu", "B6"), StringComparison.Ordinal);
        Assert.Contains("Type numbers into the yellow cells", file.Read("Số liệu", "B7"), StringComparison.Ordinal);

        var data = file.Sheet("Số liệu").Worksheet;
        var protection = data.GetFirstChild<SheetProtection>();
        Assert.True(protection?.Sheet?.Value);
        Assert.Null(protection!.Password);
        Assert.Null(protection.HashValue);
        var validation = data.Descendants<DataValidation>().First();
        Assert.Equal(DataValidationValues.Whole, validation.Type!.Value);
        Assert.Equal(DataValidationOperatorValues.GreaterThanOrEqual, validation.Operator!.Value);
        Assert.Equal("0", validation.Formula1!.Text);
        Assert.Equal("C10:C12", validation.SequenceOfReferences!.InnerText);
        Assert.True(Locked(file, "A10"));
        Assert.False(Locked(file, "C10"));
        Assert.False(Locked(file, "D10"));

        var workbook = file.Sheet("Số liệu").GetParentParts().OfType<WorkbookPart>().Single().Workbook;
        Assert.Equal(SheetStateValues.Hidden, workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "_meta").State!.Value);
    }

    [Fact]
    public async Task Csv_HasBomAndOneRowPerUnitAndMeasure()
    {
        using var client = await app.SignedInClientAsync("nhap.camau");

        var bytes = await client.GetByteArrayAsync(new Uri("/data/CT749_COMMUNE/2025/template.csv?units=CMU0002", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(bytes).TrimEnd().Split("\r\n");
        Assert.Equal("\uFEFFunit,unit_name,measure,measure_name,period,value,comment,version", lines[0]);
        Assert.Equal(
            ["CMU0002,Xã Hòa Bình 2,WORK_DOSSIERS_COMMUNE,Tổng số hồ sơ công việc tại cấp xã,2025,,,", "CMU0002,Xã Hòa Bình 2,WORK_DOSSIERS_COMMUNE_ONLINE"],
            [lines[1], string.Join(',', lines[2].Split(',').Take(3))]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task UnitOfAnotherProvince_IsRefusedWith403NamingIt()
    {
        using var client = await app.SignedInClientAsync("nhap.camau");

        var problem = await client.GetJsonAsync("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2025&units=CMU0001,CTO0001", HttpStatusCode.Forbidden);

        Assert.Contains("CTO0001 Xã Hòa Bình 1", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2025&units=KHONGCO", HttpStatusCode.BadRequest, "KHONGCO")]
    [InlineData("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2025Q1", HttpStatusCode.BadRequest, "2025Q1")]
    [InlineData("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2027", HttpStatusCode.BadRequest, "2027")]
    [InlineData("/api/v1/datasets/KHONG_CO/template.xlsx?period=2025", HttpStatusCode.NotFound, "KHONG_CO")]
    public async Task BadRequest_SaysWhatWasFound(string path, HttpStatusCode status, string found)
    {
        using var client = await app.SignedInClientAsync("nhap.camau");

        var problem = await client.GetJsonAsync(path, status);

        Assert.Contains(found, problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_GetsNoTemplate()
    {
        using var client = await app.SignedInClientAsync("xem.camau");

        await client.GetJsonAsync("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2025", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_OrRefusedByTheApi()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/data/CT749_COMMUNE/2025/template.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await client.GetAsync(new Uri("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2025", UriKind.Relative), TestContext.Current.CancellationToken);
        using var upload = await client.GetAsync(new Uri("/data/CT749_COMMUNE/2025/upload", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
    }

    private static bool Locked(TemplateFiles file, string reference)
    {
        var sheet = file.Sheet("Số liệu");
        var cell = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        var styles = sheet.GetParentParts().OfType<WorkbookPart>().Single().WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return format.Protection?.Locked?.Value ?? true;
    }
}
