using Microsoft.EntityFrameworkCore;
using OpenDti.Store;
using OpenDti.Web.Tests.Cli;

namespace OpenDti.Web.Tests.Features;

/// <summary>Without demo data nothing is labelled demo; <c>demo remove</c> deletes it for good.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class DemoDataTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>, IDisposable
{
    private readonly TempSqliteFile _store = new("cli-demo");

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task StoreWithoutDemo_ShowsNoDemoBannerAndNoNotice()
    {
        using var client = app.CreateClient();

        var html = await client.GetHtmlAsync("/units/25");
        var table = await client.GetJsonAsync("/api/v1/units/25/indicators");

        Assert.DoesNotContain("demo data", html, StringComparison.OrdinalIgnoreCase);
        Assert.Null(table.Text("notice"));
        Assert.Equal(0, table.GetProperty("indicators").GetArrayLength());
    }

    [Fact]
    public async Task DemoRemove_DeletesEveryDemoValueAndItIsNotSeededAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using (var db = StoreConnection.CreateContext(_store.ConnectionString))
        {
            await new StoreInitializer(db, TimeProvider.System).InitializeAsync(includeDemo: true, cancellationToken);
            Assert.True(await db.DataValues.CountAsync(v => v.IsDemo, cancellationToken) > 5000);
        }

        var result = await CliResult.RunAsync("demo", "remove", "--db", _store.ConnectionString);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        await using var after = StoreConnection.CreateContext(_store.ConnectionString);
        await new StoreInitializer(after, TimeProvider.System).InitializeAsync(includeDemo: true, cancellationToken);
        Assert.Equal(0, await after.DataValues.CountAsync(v => v.IsDemo, cancellationToken));
    }
}
