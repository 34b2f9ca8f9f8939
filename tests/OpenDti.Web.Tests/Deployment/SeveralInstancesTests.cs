using System.Net;
using System.Net.Http.Headers;
using Npgsql;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Deployment;

/// <summary>
/// Several stateless instances on one PostgreSQL behind a proxy: they start together without tripping over each
/// other, and a person signed in through one keeps working through the other (cookie, antiforgery token and
/// bearer token are all protected with keys kept in the store, not on one machine).
/// </summary>
public sealed class SeveralInstancesTests(TwoInstancesBehindNginx two) : IClassFixture<TwoInstancesBehindNginx>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InstancesStartedTogetherOnAnEmptyStore_MigrateAndSeedItOnce()
    {
        await using var connection = new NpgsqlConnection(two.Database);
        await connection.OpenAsync(Cancel);

        // Each seed once (a second application would have doubled these), and both instances up (the fixture waited).
        Assert.Equal(1L + 63 + 34, await ScalarAsync(connection, "SELECT count(*) FROM units"));
        Assert.Equal(63L, await ScalarAsync(connection, "SELECT count(*) FROM successions"));
        Assert.True(await ScalarAsync(connection, "SELECT count(*) FROM seed_records") >= 3);
    }

    [Fact]
    public async Task PersonSignedInThroughOneInstance_KeepsWorkingThroughTheOther()
    {
        await two.RunAsync("users", "add", "--name", "can.bo.phu.tho", "--password", TestAccounts.Password, "--role", "data-entry", "--unit", "25");
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = two.Address };
        var answeredBy = new List<string>();

        // The sign-in form comes from one instance and is posted to the other (nginx takes them in turn).
        using var form = await browser.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Cancel);
        answeredBy.Add(Upstream(form));
        using (var signIn = await browser.PostFormAsync("/account/sign-in", new() { ["UserName"] = "can.bo.phu.tho", ["Password"] = TestAccounts.Password }))
        {
            answeredBy.Add(Upstream(signIn));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        for (var i = 0; i < 4; i++)
        {
            using var page = await browser.GetAsync(new Uri("/data", UriKind.Relative), Cancel);
            answeredBy.Add(Upstream(page));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("can.bo.phu.tho", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        // A bearer token from one instance works on both.
        using var api = new HttpClient { BaseAddress = two.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.TokenAsync(api, "can.bo.phu.tho"));
        for (var i = 0; i < 2; i++)
        {
            using var values = await api.GetAsync(new Uri("/api/v1/submissions?dataSet=CT749_PROVINCE&period=2025", UriKind.Relative), Cancel);
            answeredBy.Add(Upstream(values));
            Assert.Equal(HttpStatusCode.OK, values.StatusCode);
        }

        Assert.Equal(two.Instances.Order(StringComparer.Ordinal), answeredBy.Distinct().Order(StringComparer.Ordinal));
    }

    private static string Upstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? values.Single() : throw new InvalidOperationException("nginx named no upstream.");

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }
}
