namespace OpenDti.Web.Tests.Web;

public sealed class StoreTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task TestHost_SeedsItsOwnTempStore()
    {
        using var client = app.CreateClient();

        var provinces = await client.GetJsonAsync("/api/v1/units?level=province");

        // UseSetting wins over appsettings.json; ConfigureAppConfiguration does not, because the store is
        // registered from builder.Configuration before the factory's configuration callbacks run.
        Assert.True(File.Exists(app.StorePath), $"the app did not create its store at {app.StorePath}");
        Assert.True(new FileInfo(app.StorePath).Length > 0);
        Assert.Equal(34, provinces.GetArrayLength());
    }
}
