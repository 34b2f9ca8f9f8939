using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Events;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Security;

/// <summary>
/// ASVS 4.0 §12.1.1–§12.1.3 (file size and decompression limits): the upload endpoints that template and evidence
/// tests do not already cover — units import, bridge-point import, targets import — refuse an oversized file and an
/// XLSX zip bomb with a client error and write nothing.
/// </summary>
public sealed class UploadAbuseTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private static readonly HashSet<HttpStatusCode> Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity];

    private static readonly Lazy<byte[]> Bomb = new(() => Zip(("[Content_Types].xml", 100), ("xl/worksheets/sheet1.xml", 64 << 20)));

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnitsImport_OverFiveMegabytes_Is413_AndAddsNoUnit()
    {
        await app.AddUserAsync("upload.quoc.gia", Role.NationalAdmin, "VN");
        using var admin = await app.SignedInClientAsync("upload.quoc.gia");
        var units = await CountAsync(db => db.Units);
        var row = "TX0000001,Xã Quá Lớn,commune,01,2025-07-01\n"u8.ToArray();
        var csv = "code,name,level,parent_code,valid_from\n"u8.ToArray().Concat(Enumerable.Repeat(row, (6 << 20) / row.Length).SelectMany(r => r)).ToArray();

        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new("text/csv");
        using var response = await admin.PostAsync(new Uri("/api/v1/units/import", UriKind.Relative), content, Cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(units, await CountAsync(db => db.Units));
    }

    [Fact]
    public async Task BridgePointImport_ZipBombAndOversizedFile_AreRefused_AndAddNoPoint()
    {
        await app.AddUserAsync("upload.tinh", Role.ProvinceAdmin, "01");
        using var organiser = await app.SignedInClientAsync("upload.tinh");
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("01"));

        using var bomb = await EventWorld.ImportAsync(organiser, id, Bomb.Value, "bom.xlsx");
        using var large = await EventWorld.ImportAsync(organiser, id, new byte[21 << 20], "lon.xlsx");

        Assert.Contains(bomb.StatusCode, Refusals);
        Assert.Contains(large.StatusCode, Refusals);
        Assert.Equal(0, await CountAsync(db => db.BridgePoints));
    }

    [Fact]
    public async Task TargetsImport_ZipBombAndOversizedFile_AreRefused_AndAddNoTarget()
    {
        await app.AddUserAsync("upload.tinh.2", Role.ProvinceAdmin, "01");
        using var admin = await app.SignedInClientAsync("upload.tinh.2");
        var targets = await CountAsync(db => db.Targets);

        using var bomb = await PostFileAsync(admin, "/api/v1/targets/import", Bomb.Value, "bom.xlsx");
        using var large = await PostFileAsync(admin, "/api/v1/targets/import", new byte[21 << 20], "lon.xlsx");

        Assert.Contains(bomb.StatusCode, Refusals);
        Assert.Contains(large.StatusCode, Refusals);
        Assert.Equal(targets, await CountAsync(db => db.Targets));
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, byte[] file, string name)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(file), "file", name);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Cancellation);
    }

    private async Task<int> CountAsync<T>(Func<Store.OpenDtiDbContext, IQueryable<T>> set)
    {
        await using var db = app.OpenContext();
        return await set(db).CountAsync(Cancellation);
    }

    /// <summary>A zip whose entries are the given number of zero bytes, packed as tightly as possible.</summary>
    private static byte[] Zip(params (string Name, int Size)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, size) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                var block = new byte[Math.Min(size, 1 << 20)];
                for (var written = 0; written < size; written += block.Length)
                {
                    entry.Write(block, 0, Math.Min(block.Length, size - written));
                }
            }
        }

        return stream.ToArray();
    }
}
