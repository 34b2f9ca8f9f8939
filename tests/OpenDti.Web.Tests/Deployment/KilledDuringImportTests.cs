using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using OpenDti.Store;
using OpenDti.Web.Tests.Features.DataEntry;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// An instance killed (SIGKILL, as a power cut) while it imports a 12,000-value template: the store holds all of
/// the file or none of it, never a part, and the same upload through the surviving instance goes in whole.
/// </summary>
public sealed class KilledDuringImportTests(TwoInstancesBehindNginx two) : IClassFixture<TwoInstancesBehindNginx>
{
    private const int Communes = 3000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledMidImport_LeavesAllOrNothing_AndTheRerunCompletes()
    {
        await using (var db = StoreConnection.CreateContext(two.Database))
        {
            await TemplateFiles.AddCommunesAsync(db, "79", "HCM", Communes);
        }

        await two.RunAsync("users", "add", "--name", "nhap.hcm", "--password", TestAccounts.Password, "--role", "data-entry", "--unit", "79");
        using var doomed = await ClientAsync(two.InstanceAddress(0));
        using var template = await doomed.GetAsync(new Uri("/api/v1/datasets/CT749_COMMUNE/template.xlsx?period=2025", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using var file = TemplateFiles.Open(await template.Content.ReadAsByteArrayAsync(Cancel));
        for (var i = 0; i < Communes; i++)
        {
            var row = 10 + i;
            file.SetNumber($"C{row}", 100 + i);
            file.SetNumber($"E{row}", 50 + i);
            file.SetNumber($"G{row}", 5000 + i);
            file.SetNumber($"I{row}", 3000 + i);
        }

        var filled = file.Save();

        var upload = TemplateFiles.UploadAsync(doomed, "CT749_COMMUNE", "2025", filled, "HCM_2025.xlsx");
        await Task.Delay(TimeSpan.FromSeconds(1.5), Cancel);
        Assert.False(upload.IsCompleted, "the import finished within 1.5 s, before the kill: this run proves nothing about a kill mid-import");
        await two.KillAsync(0);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => upload);

        var (values, audit) = await CountAsync();
        Assert.True(values is 0 or Communes * 4, $"{values} values after the kill: a part of the file was kept");
        Assert.Equal(values, audit);

        using var survivor = await ClientAsync(two.InstanceAddress(1));
        using var rerun = await TemplateFiles.UploadAsync(survivor, "CT749_COMMUNE", "2025", filled, "HCM_2025.xlsx", overwrite: values > 0);
        Assert.True(rerun.StatusCode == HttpStatusCode.OK, await rerun.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((Communes * 4, Communes * 4), await CountAsync());
    }

    private static async Task<HttpClient> ClientAsync(Uri instance)
    {
        // Importing 12,000 values can outlast HttpClient's 100 s on a loaded machine; speed is measured in bench/.
        var client = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(client, "nhap.hcm"));
        return client;
    }

    private async Task<(int Values, int Audit)> CountAsync()
    {
        await using var db = StoreConnection.CreateContext(two.Database);
        var units = (await db.Units.AsNoTracking().ToListAsync(Cancel))
            .Where(u => u.Code.Value.StartsWith("HCM", StringComparison.Ordinal)).Select(u => u.Id).ToList();
        var values = await db.DataValues.CountAsync(v => units.Contains(v.UnitId), Cancel);
        var audit = await db.ValueAudit.CountAsync(a => units.Contains(a.UnitId), Cancel);
        return (values, audit);
    }
}
