using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Events;

/// <summary>
/// The conference of the design: 169 bridge points of 63 grassroots organisations. Every point but one reports at
/// the same moment, together with a made-up token and the revoked link of the last point: the totals are exactly
/// the sum of the accepted reports, on both stores.
/// </summary>
public abstract class CheckInConcurrencyTests(OpenDtiApp app)
{
    private readonly EventWorld _world = new(app);

    [Fact]
    public async Task OneHundredSixtyNinePoints_ReportingAtOnce_TotalsAreExactlyTheAcceptedReports()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "01"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("01"));
        (await EventWorld.ImportAsync(organiser, id, EventWorld.BridgePointsCsv(169, 63))).EnsureSuccessStatusCode();
        var links = await EventWorld.IssueLinksAsync(organiser, id);
        var revoked = links.Single(l => l.Number == 169);
        (await organiser.PostAsync(new Uri($"/api/v1/events/{id}/bridge-points/{revoked.Point}/revoke", UriKind.Relative), null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var phones = app.CreateClient();

        // Point n reports n mod 7 officials, n mod 5 party members, 20 + n mod 11 citizens and n mod 3 others.
        var reports = links.Where(l => l.Number != 169).Select(l => EventWorld.ReportAsync(phones, l.Token, l.Number % 7, l.Number % 5, 20 + (l.Number % 11), l.Number % 3, $"Điểm cầu {l.Number}")).ToList();
        var invalid = EventWorld.ReportAsync(phones, "A" + new string('b', 42), 100, 100, 100, 100);
        var withRevoked = EventWorld.ReportAsync(phones, revoked.Token, 100, 100, 100, 100);
        var responses = await Task.WhenAll([.. reports, invalid, withRevoked]);

        var failures = new List<string>();
        foreach (var failed in responses[..168].Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            failures.Add(await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.NotFound, responses[168].StatusCode);
        Assert.Equal(HttpStatusCode.Gone, responses[169].StatusCode);
        var numbers = Enumerable.Range(1, 168).ToList();
        var totals = await EventWorld.TotalsAsync(phones, id);
        Assert.Equal(169, totals.GetProperty("bridgePoints").GetInt32());
        Assert.Equal(168, totals.GetProperty("bridgePointsReported").GetInt32());
        Assert.Equal(63, totals.GetProperty("organisations").GetInt32());
        Assert.Equal(63, totals.GetProperty("organisationsReported").GetInt32());
        Assert.Equal(numbers.Sum(n => n % 7), totals.GetProperty("officials").GetInt64());
        Assert.Equal(numbers.Sum(n => n % 5), totals.GetProperty("partyMembers").GetInt64());
        Assert.Equal(numbers.Sum(n => 20 + (n % 11)), totals.GetProperty("citizens").GetInt64());
        Assert.Equal(numbers.Sum(n => n % 3), totals.GetProperty("other").GetInt64());
        Assert.Equal(numbers.Sum(n => (n % 7) + (n % 5) + 20 + (n % 11) + (n % 3)), totals.GetProperty("participants").GetInt64());
        await using var db = app.OpenContext();
        Assert.Equal(168, await db.AttendanceReports.CountAsync(r => db.BridgePoints.Any(b => b.Id == r.BridgePointId && b.ConferenceId == id), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SamePointReportingTwiceAtOnce_KeepsOneOfTheReportsWhole()
    {
        using var organiser = await app.SignedInClientAsync(await _world.UserAsync(Role.ProvinceAdmin, "04"));
        var id = await EventWorld.CreateAsync(organiser, EventWorld.Conference("04"));
        (await EventWorld.ImportAsync(organiser, id, EventWorld.BridgePointsCsv(1, 1))).EnsureSuccessStatusCode();
        var token = (await EventWorld.IssueLinksAsync(organiser, id)).Single().Token;
        using var phones = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => EventWorld.ReportAsync(phones, token, i, i, i, i)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var totals = await EventWorld.TotalsAsync(phones, id);
        var officials = totals.GetProperty("officials").GetInt64();
        Assert.InRange(officials, 0, 9);
        Assert.Equal([officials, officials, officials], new[] { totals.GetProperty("partyMembers").GetInt64(), totals.GetProperty("citizens").GetInt64(), totals.GetProperty("other").GetInt64() });
        Assert.Equal(4 * officials, totals.GetProperty("participants").GetInt64());
    }

    public sealed class OnSqlite(OpenDtiApp app) : CheckInConcurrencyTests(app), IClassFixture<OpenDtiApp>;

    public sealed class OnPostgres(OpenDtiAppOnPostgres app) : CheckInConcurrencyTests(app), IClassFixture<OpenDtiAppOnPostgres>;
}
