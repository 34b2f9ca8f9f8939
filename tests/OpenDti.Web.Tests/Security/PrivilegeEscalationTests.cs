using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Events;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Security;

/// <summary>
/// ASVS 4.0 §4.1.2, §4.1.5, §4.2.1: a sweep of every write endpoint of the OpenAPI document. Without credentials each
/// answers 401. The administrator and the data-entry user of province 01 aim each one at province 08's event and
/// province 08's account. None of them succeeds, and the store does not change. The endpoints come from
/// /openapi/v1.json, so a new write endpoint is swept without changing this test.
/// </summary>
public sealed partial class PrivilegeEscalationTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    /// <summary>The writes meant for anyone: asking for a token, and reporting attendance with a check-in link.</summary>
    private static readonly string[] Anonymous = ["/api/v1/auth/token", "/api/v1/events/check-in"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryWriteEndpoint_AimedAtAnotherProvince_IsRefused_AndWithoutCredentialsIs401()
    {
        await app.AddUserAsync("leo.tinh.b", Role.ProvinceAdmin, "08");
        await app.AddUserAsync("leo.xem.b", Role.Viewer, "08");
        await app.AddUserAsync("leo.tinh.a", Role.ProvinceAdmin, "01");
        await app.AddUserAsync("leo.nhap.a", Role.DataEntry, "01");
        using var provinceB = await app.SignedInClientAsync("leo.tinh.b");
        var eventOfB = await EventWorld.CreateAsync(provinceB, EventWorld.Conference("08"));
        using var openApi = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancellation));
        var writes = Writes(openApi.RootElement, eventOfB).ToList();
        var before = await FingerprintAsync();

        var failures = new List<string>();
        using var anonymous = app.CreateClient();
        foreach (var (method, path) in writes.Where(w => !Anonymous.Contains(w.Path)))
        {
            using var response = await SendAsync(anonymous, method, path);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"anonymous {method} {path}: {(int)response.StatusCode}");
            }
        }

        foreach (var user in new[] { "leo.tinh.a", "leo.nhap.a" })
        {
            using var client = await app.SignedInClientAsync(user);
            foreach (var (method, path) in writes.Where(w => !Anonymous.Contains(w.Path)))
            {
                using var response = await SendAsync(client, method, path);
                if (response.IsSuccessStatusCode || (int)response.StatusCode >= 500)
                {
                    failures.Add($"{user} {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancellation)}");
                }
            }
        }

        Assert.True(writes.Count >= 20, $"only {writes.Count} write endpoints found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>Each write of the document, with its path aimed at province 08: its event, its account, its unit.</summary>
    private static IEnumerable<(HttpMethod Method, string Path)> Writes(JsonElement document, int eventOfB)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (method is "POST" or "PUT" or "DELETE" or "PATCH")
                {
                    var aimed = path.Name
                        .Replace("{name}", "leo.xem.b", StringComparison.Ordinal)
                        .Replace("{code}", "CT749_COMMUNE", StringComparison.Ordinal)
                        .Replace("{period}", "2025", StringComparison.Ordinal);
                    aimed = Placeholder().Replace(aimed, path.Name.StartsWith("/api/v1/events/{", StringComparison.Ordinal) ? eventOfB.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1");
                    yield return (new HttpMethod(method), aimed);
                }
            }
        }
    }

    /// <summary>A request with a body naming province 08 wherever a unit goes; imports get a small file as multipart.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (path.EndsWith("/import", StringComparison.Ordinal) && path.StartsWith("/api/v1/units", StringComparison.Ordinal))
        {
            request.Content = new StringContent("code,name,level,parent_code,valid_from\nTLEO00001,Xã Leo Thang,commune,08,2025-07-01\n", Encoding.UTF8, "text/csv");
        }
        else if (path.EndsWith("/import", StringComparison.Ordinal))
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent("Đơn vị,Địa điểm\nUBND xã Leo Thang,Hội trường\n"u8.ToArray()), "file", "leo-thang.csv");
            request.Content = form;
        }
        else if (path.StartsWith("/api/v1/dossiers/ingestions", StringComparison.Ordinal))
        {
            // A one-stop-shop export whose one dossier belongs to province 08.
            request.Content = new StringContent(
                "dossier_id,procedure_code,unit_code,channel,received_at,due_at,finished_at,status\nLEO-1,1.000001,08,online,2025-03-01 08:00:00,2025-03-10 17:00:00,,processing\n",
                Encoding.UTF8,
                "text/csv");
        }
        else if (path.StartsWith("/api/v1/datavalues", StringComparison.Ordinal))
        {
            request.Content = JsonContent.Create(new[] { new { unit = "08", measure = "WORK_DOSSIERS_COMMUNE", period = "2025", value = 1.0 } });
        }
        else
        {
            request.Content = JsonContent.Create(new { unit = "08", hostUnit = "08", scopeUnit = "08", role = Role.NationalAdmin, userName = "leo.moi", title = "Leo thang", kind = "conference", startsAt = "2026-03-20T08:00", endsAt = "2026-03-20T10:00", format = "online" });
        }

        return await client.SendAsync(request, Cancellation);
    }

    private async Task<string> FingerprintAsync()
    {
        await using var db = app.OpenContext();
        return string.Join(' ',
            await db.Users.CountAsync(Cancellation),
            await db.RoleAssignments.CountAsync(Cancellation),
            await db.ApiKeys.CountAsync(Cancellation),
            await db.AccountEvents.CountAsync(Cancellation),
            await db.DataValues.CountAsync(Cancellation),
            await db.Units.CountAsync(Cancellation),
            await db.Targets.CountAsync(Cancellation),
            await db.PolicyDocuments.CountAsync(Cancellation),
            await db.Conferences.CountAsync(Cancellation),
            await db.BridgePoints.CountAsync(Cancellation),
            await db.CheckInLinks.CountAsync(Cancellation),
            await db.TrainingCourses.CountAsync(Cancellation),
            await db.DossierStates.CountAsync(Cancellation),
            // A refused ingestion is kept as a failed run (who tried, with which file); it may not succeed.
            await db.DossierIngestions.CountAsync(i => i.Status != Domain.Dossiers.DossierIngestionStatus.Failed, Cancellation),
            await db.DataSetDeadlines.CountAsync(Cancellation),
            await db.Users.CountAsync(u => u.LockoutEnd != null || u.MustChangePassword, Cancellation));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();
}
