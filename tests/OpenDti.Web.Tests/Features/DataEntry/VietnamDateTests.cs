using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>Deadlines count days in Vietnam's date: at 18:00 UTC on 14 March it is already 15 March in Hà Nội.</summary>
public sealed class VietnamDateTests(VietnamDateTests.LateEveningApp app) : IClassFixture<VietnamDateTests.LateEveningApp>
{
    [Fact]
    public async Task DaysLeft_CountFromVietnamsDate_NotUtcs()
    {
        var commune = TestNames.Unit();
        await app.AddCommuneAsync(commune, "Xã Ia Grai", "52");
        var user = TestNames.User(Role.DataEntry);
        await app.AddUserAsync(user, Role.DataEntry, commune);
        using var client = await app.SignedInBrowserAsync(user);

        var page = await client.PageAsync("/data");

        // Due 1 March 2026: 14 days late on 15 March (UTC's 14 March would make it 13).
        var late = page.QuerySelectorAll("table.work tbody tr")[1];
        Assert.Equal("Quá hạn 14 ngày", late.QuerySelector(".late")?.TextContent);
    }

    /// <summary>The app at 18:00 UTC on 14 March 2026 (01:00 on 15 March in Hà Nội).</summary>
    public sealed class LateEveningApp : OpenDtiApp
    {
        public LateEveningApp()
            : base(new DateOnly(2026, 3, 14)) =>
            Time.SetUtcNow(new DateTimeOffset(2026, 3, 14, 18, 0, 0, TimeSpan.Zero));
    }
}
