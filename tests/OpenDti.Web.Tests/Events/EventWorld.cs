using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Events;

/// <summary>Events for tests, made through the API as an organiser would.</summary>
internal sealed class EventWorld(OpenDtiApp app)
{
    private static int _users;

    public OpenDtiApp App => app;

    /// <summary>A new account with <paramref name="role"/> on <paramref name="unit"/>.</summary>
    public async Task<string> UserAsync(string role, string unit)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"su-kien-{Interlocked.Increment(ref _users)}-{Guid.NewGuid():N}")[..24];
        await app.AddUserAsync(name, role, unit);
        return name;
    }

    public static object Conference(string hostUnit, string title = "Hội nghị trực tuyến quán triệt Nghị quyết 57-NQ/TW", string startsAt = "2026-03-15T08:00") => new
    {
        kind = "conference",
        title,
        description = "Phổ biến nhận thức về chuyển đổi số tới các tổ chức cơ sở đảng",
        startsAt,
        endsAt = startsAt[..11] + "11:30",
        hostUnit,
        organisers = "Ban Tuyên giáo Tỉnh ủy\nSở Khoa học và Công nghệ",
        partners = "VNPT",
        format = "hybrid",
        videoLink = "https://meet.example.vn/hoi-nghi-57",
        audience = "Cán bộ, đảng viên, nhân dân",
        agenda = new[]
        {
            new { title = "Tổng quan về chuyển đổi số", speaker = "Nguyễn Văn An", speakerPosition = "Giám đốc Sở", startsAt = "08:00", materials = "https://example.vn/tong-quan.pdf" },
            new { title = "Phương pháp luận 2-3-5", speaker = "Trần Thị Bình", speakerPosition = "Phó Giám đốc", startsAt = "09:30", materials = (string?)null! },
        },
    };

    public static async Task<int> CreateAsync(HttpClient organiser, object conference)
    {
        var response = await organiser.PostAsJsonAsync("/api/v1/events", conference, TestContext.Current.CancellationToken);
        var body = await response.ReadJsonAsync(HttpStatusCode.Created, "application/json");
        return body.GetProperty("id").GetInt32();
    }

    /// <summary>A CSV of bridge points: point i belongs to organisation i mod <paramref name="organisations"/>.</summary>
    public static byte[] BridgePointsCsv(int points, int organisations)
    {
        var text = new StringBuilder("Đơn vị,Địa điểm,Người liên hệ,Số người dự kiến\r\n");
        for (var i = 0; i < points; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Đảng bộ cơ sở số {(i % organisations) + 1},Hội trường {i + 1},Lê Văn Cường,{30 + (i % 20)}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static async Task<HttpResponseMessage> ImportAsync(HttpClient organiser, int id, byte[] file, string name = "diem-cau.csv")
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(file), "file", name);
        return await organiser.PostAsync(new Uri($"/api/v1/events/{id}/bridge-points/import", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public static async Task<IReadOnlyList<(int Point, int Number, string Token)>> IssueLinksAsync(HttpClient organiser, int id)
    {
        var response = await organiser.PostAsync(new Uri($"/api/v1/events/{id}/links", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var body = await response.ReadJsonAsync(HttpStatusCode.OK, "application/json");
        return [.. body.EnumerateArray().Select(l => (l.GetProperty("bridgePoint").GetInt32(), l.GetProperty("number").GetInt32(), l.Text("link")!.Split("/checkin/")[1]))];
    }

    public static Task<HttpResponseMessage> ReportAsync(HttpClient client, string token, int officials, int partyMembers, int citizens, int other, string? note = null) =>
        client.PostAsJsonAsync("/api/v1/events/check-in", new { token, officials, partyMembers, citizens, other, note }, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> TotalsAsync(HttpClient client, int id) => await client.GetJsonAsync($"/api/v1/events/{id}/totals");
}
