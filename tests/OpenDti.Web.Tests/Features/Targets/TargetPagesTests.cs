using System.Net;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Targets;

/// <summary>The targets pages: a province-admin records a plan and a target through the forms and reads its page; others may not.</summary>
public sealed class TargetPagesTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    [Fact]
    public async Task ProvinceAdmin_RecordsAPlanAndATargetThroughTheForms_AndReadsItsPage()
    {
        await app.AddUserAsync("quantri.hue", "province-admin", "46");
        using var browser = await app.SignedInBrowserAsync("quantri.hue");

        using var document = await browser.PostFormAsync("/targets/new", new()
        {
            ["DocumentForm.Number"] = "12/KH-UBND",
            ["DocumentForm.Title"] = "Kế hoạch chuyển đổi số thành phố Huế năm 2026",
            ["DocumentForm.Kind"] = "plan",
            ["DocumentForm.Issuer"] = "Ủy ban nhân dân thành phố Huế",
            ["DocumentForm.IssuedOn"] = "2026-01-20",
            ["DocumentForm.ScopeUnit"] = "46",
        }, "/targets/new?handler=Document");
        Assert.Equal(HttpStatusCode.Redirect, document.StatusCode);
        var documentId = document.Headers.Location!.OriginalString.Split("document=")[1];
        using var target = await browser.PostFormAsync("/targets/new", new()
        {
            ["Form.DocumentId"] = documentId,
            ["Form.Code"] = "HUE_TTDT",
            ["Form.Name"] = "Tỷ lệ người dân có tài khoản thanh toán điện tử",
            ["Form.Pillar"] = "digital-society",
            ["Form.Indicator"] = "CT749|TK_TTDT",
            ["Form.ScopeUnit"] = "46",
            ["Form.Comparison"] = "at-least",
            ["Form.TargetValue"] = "75,5",
            ["Form.UnitOfMeasure"] = "%",
            ["Form.DeadlineYear"] = "2027",
        }, "/targets/new?handler=Target");

        Assert.Equal(HttpStatusCode.Redirect, target.StatusCode);
        var page = PageForms.VisibleText(await browser.GetHtmlAsync(target.Headers.Location!.OriginalString));
        Assert.Contains("HUE_TTDT: Tỷ lệ người dân có tài khoản thanh toán điện tử", page, StringComparison.Ordinal);
        Assert.Contains("≥ 75,5 % — đến năm 2027", page, StringComparison.Ordinal);
        Assert.Contains("12/KH-UBND — Kế hoạch chuyển đổi số thành phố Huế năm 2026", page, StringComparison.Ordinal);
        Assert.Contains("Thành phố Huế Chưa có số liệu", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadNumberInTheForm_IsShownAndNothingIsSaved()
    {
        await app.AddUserAsync("quantri.quangninh", "province-admin", "22");
        using var browser = await app.SignedInBrowserAsync("quantri.quangninh");
        using var document = await browser.PostFormAsync("/targets/new", new()
        {
            ["DocumentForm.Number"] = "20-NQ/TU",
            ["DocumentForm.Title"] = "Nghị quyết chuyển đổi số tỉnh Quảng Ninh",
            ["DocumentForm.Kind"] = "resolution",
            ["DocumentForm.Issuer"] = "Tỉnh ủy Quảng Ninh",
            ["DocumentForm.IssuedOn"] = "2021-08-10",
            ["DocumentForm.ScopeUnit"] = "22",
        }, "/targets/new?handler=Document");
        var documentId = document.Headers.Location!.OriginalString.Split("document=")[1];

        using var target = await browser.PostFormAsync("/targets/new", new()
        {
            ["Form.DocumentId"] = documentId,
            ["Form.Code"] = "QN_1",
            ["Form.Name"] = "Chỉ tiêu thử",
            ["Form.Pillar"] = "digital-economy",
            ["Form.ScopeUnit"] = "22",
            ["Form.Comparison"] = "at-least",
            ["Form.TargetValue"] = "hai mươi",
            ["Form.DeadlineYear"] = "2030",
        }, "/targets/new?handler=Target");

        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        var text = PageForms.VisibleText(await target.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Chưa lưu gì: hãy sửa các trường được đánh dấu bên dưới.", text, StringComparison.Ordinal);
        Assert.Contains("nhận được / found 'hai mươi'", text, StringComparison.Ordinal);
        await using var db = app.OpenContext();
        Assert.DoesNotContain(db.Targets, t => t.Code == "QN_1");
    }

    [Fact]
    public async Task DataEntryUser_MayNotOpenTheForm()
    {
        await app.AddUserAsync("nhaplieu.hue", "data-entry", "46");
        using var browser = await app.SignedInBrowserAsync("nhaplieu.hue");

        using var response = await browser.GetAsync(new Uri("/targets/new", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Dashboard_ListsDecision749AndEveryPillar()
    {
        using var client = app.CreateClient();

        var text = PageForms.VisibleText(await client.GetHtmlAsync("/targets"));

        Assert.Contains("749/QĐ-TTg Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 Thủ tướng Chính phủ 03/06/2020", text, StringComparison.Ordinal);
        foreach (var pillar in new[] { "Chính quyền số", "Kinh tế số", "Xã hội số", "Nền tảng" })
        {
            Assert.Contains("Chỉ tiêu " + pillar, text, StringComparison.Ordinal);
        }
    }
}
