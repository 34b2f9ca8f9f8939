using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// Files that are not what they claim, or too big, as an attacker or an unlucky user would send them: each is
/// refused with what was expected and found, and nothing is written. Also the upload page.
/// </summary>
public sealed partial class TemplateFileChecksTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>, IAsyncLifetime
{
    private const string User = "nhap.angiang";

    public async ValueTask InitializeAsync()
    {
        _ = app.Services; // starts the app, which migrates and seeds the store
        await using var db = app.OpenContext();
        if (!db.Users.Any(u => u.UserName == User))
        {
            await TemplateFiles.AddCommunesAsync(app, "91", "AGG", 2);
            await app.AddUserAsync(User, Domain.Accounts.Role.DataEntry, "91");
            await app.AddUserAsync("xem.angiang", Domain.Accounts.Role.Viewer, "91");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ZipBomb_IsRefusedFromItsDirectoryBeforeUnpacking()
    {
        using var client = await app.SignedInClientAsync(User);
        var before = await AuditCountAsync();
        var bomb = Zip(("[Content_Types].xml", 100), ("xl/worksheets/sheet1.xml", 64 << 20));
        Assert.True(bomb.Length < 1 << 20, $"the bomb is {bomb.Length} bytes");

        var error = await RefusedAsync(client, bomb, "bom.xlsx", HttpStatusCode.UnprocessableEntity);

        Assert.Equal("xlsx.compression", error.Text("code"));
        Assert.Equal("các phần nén không quá 200 lần", error.Text("expected"));
        Assert.StartsWith("phần xl/worksheets/sheet1.xml nén ", error.Text("found"), StringComparison.Ordinal);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task ArchiveDeclaringMoreThanTheUnpackLimit_IsRefused()
    {
        using var client = await app.SignedInClientAsync(User);
        var archive = Zip(("[Content_Types].xml", 100), ("a.bin", 1 << 20), ("b.bin", 1 << 20), ("c.bin", 1 << 20), ("d.bin", 1 << 20));
        archive = DeclareSizes(archive, 30 << 20);

        var error = await RefusedAsync(client, archive, "lon.xlsx", HttpStatusCode.UnprocessableEntity);

        Assert.Equal("xlsx.too-big-unpacked", error.Text("code"));
        Assert.Equal("một tệp giải nén ra không quá 100 MB", error.Text("expected"));
    }

    [Fact]
    public async Task ArchiveWithTooManyParts_IsRefused()
    {
        using var client = await app.SignedInClientAsync(User);
        var archive = Zip([.. Enumerable.Range(0, 300).Select(i => ($"x/{i}.xml", 10))]);

        var error = await RefusedAsync(client, archive, "nhieu.xlsx", HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("xlsx.too-many-parts", "300 phần"), (error.Text("code"), error.Text("found")));
    }

    [Fact]
    public async Task FileOverTheSizeLimit_Is413()
    {
        using var client = await app.SignedInClientAsync(User);
        var big = new byte[(20 << 20) + 1];

        var error = await RefusedAsync(client, big, "qua-lon.csv", HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(("file.too-large", "một tệp không quá 20 MB"), (error.Text("code"), error.Text("expected")));
    }

    [Fact]
    public async Task WorkbookWithoutTheDataSheet_IsRefusedNamingItsSheets()
    {
        using var client = await app.SignedInClientAsync(User);
        var other = new global::OpenDti.Web.TableExport(["unit", "value"], [["AGG0001", 1.0]]).ToXlsx("Sheet1");

        var error = await RefusedAsync(client, other, "khac.xlsx", HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("xlsx.sheet-missing", "một trang tính tên 'Số liệu'", "các trang tính 'Sheet1'"), (error.Text("code"), error.Text("expected"), error.Text("found")));
    }

    [Fact]
    public async Task TemplateOfAnotherPeriod_IsRefusedAtItsMetaCell()
    {
        using var client = await app.SignedInClientAsync(User);
        var template = await client.GetByteArrayAsync(new Uri("/data/CT749_COMMUNE/2025/template.xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        using var content = new MultipartFormDataContent { { new ByteArrayContent(template), "file", "mau.xlsx" } };
        using var response = await client.PostAsync(new Uri("/api/v1/datasets/CT749_COMMUNE/upload?period=2024", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var error = Assert.Single((await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json")).GetProperty("errors").EnumerateArray());
        Assert.Equal(("_meta", "B", "template.other-period", "2025"), (error.Text("sheet"), error.Text("column"), error.Text("code"), error.Text("found")));
    }

    [Fact]
    public async Task CommaFileWithAVietnameseNumber_SaysWhichWayToWriteIt()
    {
        using var client = await app.SignedInClientAsync(User);
        var csv = "unit,measure,value\r\nAGG0001,WORK_DOSSIERS_COMMUNE,\"1.234,5\"\r\n";

        var error = await RefusedAsync(client, Encoding.UTF8.GetBytes(csv), "so.csv", HttpStatusCode.UnprocessableEntity);

        Assert.Equal((2, "C", "value"), (error.GetProperty("row").GetInt32(), error.Text("column"), error.Text("header")));
        Assert.Equal("một số dùng dấu chấm thập phân, vì tệp ngăn cách bằng ',' (1234.5)", error.Text("expected"));
        Assert.Equal("'1.234,5'", error.Text("found"));
    }

    [Fact]
    public async Task DatePercentageAndLoneComment_AreEachSaidForWhatTheyAre()
    {
        using var client = await app.SignedInClientAsync(User);
        using var file = TemplateFiles.Open(await client.GetByteArrayAsync(new Uri("/data/CT749_COMMUNE/2025/template.xlsx", UriKind.Relative), TestContext.Current.CancellationToken));
        file.SetFormattedNumber("C10", 46143, 14);
        file.SetFormattedNumber("E10", 0.45, 9);
        file.SetText("J10", "chưa có số liệu");

        using var response = await TemplateFiles.UploadAsync(client, "CT749_COMMUNE", "2025", file.Save(), "an-giang.xlsx");

        var errors = (await response.ReadJsonAsync(HttpStatusCode.UnprocessableEntity, "application/problem+json")).GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.Text("column")}{e.GetProperty("row").GetInt32()} {e.Text("code")}: {e.Text("expected")} / {e.Text("found")}").ToList();
        Assert.Equal(
            [
                "C10 value.not-number: một số / một ngày tháng: 2026-05-01",
                "E10 value.percent: một số không định dạng phần trăm (45 cho 45 %) / một số phần trăm: 45%",
                "J10 comment.without-value: một giá trị bên cạnh ghi chú (không lưu ghi chú khi không có giá trị) / 'chưa có số liệu'",
            ],
            errors);
    }

    [Fact]
    public async Task Viewer_CannotUpload()
    {
        using var client = await app.SignedInClientAsync("xem.angiang");
        var csv = "unit,measure,value\r\nAGG0001,WORK_DOSSIERS_COMMUNE,10\r\n";

        var error = await RefusedAsync(client, Encoding.UTF8.GetBytes(csv), "xem.csv", HttpStatusCode.Forbidden);

        Assert.Equal((2, "A", "unit.forbidden"), (error.GetProperty("row").GetInt32(), error.Text("column"), error.Text("code")));
    }

    [Fact]
    public async Task Page_ListsTheProblemsAndOffersThemAsCsv()
    {
        using var client = await app.SignedInClientAsync(User);
        var form = await client.GetHtmlAsync("/data/CT749_COMMUNE/2025/upload");
        Assert.Contains("href=\"/data/CT749_COMMUNE/2025/template.xlsx\"", form, StringComparison.Ordinal);
        var before = await AuditCountAsync();
        var csv = "unit;measure;value\r\nAGG0001;WORK_DOSSIERS_COMMUNE;-5\r\nAGG0002;WORK_DOSSIERS_COMMUNE;1.5\r\n";

        using var response = await PostPageAsync(client, form, Encoding.UTF8.GetBytes(csv), "loi.csv");

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tệp bị từ chối: chưa ghi giá trị nào", html, StringComparison.Ordinal);
        Assert.Contains("loi.csv: 2 lỗi.", html, StringComparison.Ordinal);
        Assert.Contains("<td>một số nguyên từ 0 trở lên (hồ sơ)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&#x27;1.5&#x27;</td>", html, StringComparison.Ordinal);
        var link = DataLink().Match(html);
        Assert.True(link.Success, "no CSV link");
        var list = Encoding.UTF8.GetString(Convert.FromBase64String(WebUtility.HtmlDecode(link.Groups["data"].Value)));
        Assert.Contains(",2,C,value,một số nguyên từ 0 trở lên (hồ sơ),'-5,value.out-of-range", list, StringComparison.Ordinal);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Page_SaysHowManyValuesWereWritten()
    {
        using var client = await app.SignedInClientAsync(User);
        var form = await client.GetHtmlAsync("/data/CT749_COMMUNE/2025/upload");
        var csv = "unit;measure;value\r\nAGG0002;ADULT_POPULATION;2.500\r\n";

        using var response = await PostPageAsync(client, form, Encoding.UTF8.GetBytes(csv), "dung.csv");

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dung.csv: đã ghi 1 giá trị, 0 giá trị không đổi.", html, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string form, byte[] file, string name)
    {
        var token = Token().Match(form).Groups["token"].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", name },
        };
        return await client.PostAsync(new Uri("/data/CT749_COMMUNE/2025/upload", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static async Task<System.Text.Json.JsonElement> RefusedAsync(HttpClient client, byte[] file, string name, HttpStatusCode status)
    {
        using var response = await TemplateFiles.UploadAsync(client, "CT749_COMMUNE", "2025", file, name);
        var problem = await response.ReadJsonAsync(status, "application/problem+json");
        return Assert.Single(problem.GetProperty("errors").EnumerateArray());
    }

    private async Task<long> AuditCountAsync()
    {
        await using var db = app.OpenContext();
        return await db.ValueAudit.LongCountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>A zip of entries of the given sizes, filled with zeros (which compress about a thousand times).</summary>
    private static byte[] Zip(params (string Name, int Size)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var random = new Random(749);
            foreach (var (name, size) in entries)
            {
                var noise = name.EndsWith(".bin", StringComparison.Ordinal);
                using var entry = zip.CreateEntry(name, noise ? CompressionLevel.Fastest : CompressionLevel.SmallestSize).Open();
                var block = new byte[Math.Min(size, 1 << 20)];
                if (noise)
                {
                    random.NextBytes(block);
                }

                for (var written = 0; written < size; written += block.Length)
                {
                    entry.Write(block, 0, Math.Min(block.Length, size - written));
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The archive with the unpacked size of every entry over 512 KB packed in its central directory set to <paramref name="size"/> (a lying header).</summary>
    private static byte[] DeclareSizes(byte[] archive, uint size)
    {
        var copy = archive.ToArray();
        for (var i = 0; i + 46 <= copy.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i)) == 0x02014b50 && BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i + 20)) > 1 << 19)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(i + 24), size);
            }
        }

        return copy;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"data:text/csv;charset=utf-8;base64,(?<data>[^\"]+)\"")]
    private static partial Regex DataLink();
}
