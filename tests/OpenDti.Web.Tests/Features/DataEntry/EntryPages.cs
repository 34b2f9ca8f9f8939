using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenDti.Domain.Collection;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.DataEntry;

/// <summary>
/// A person in a browser without JavaScript: signs in through the sign-in page (cookie), opens pages, and
/// sends their forms back as a browser would — every field the form holds, the antiforgery token included,
/// with the fields the person changed.
/// </summary>
internal static class EntryPages
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A client that keeps cookies and does not follow redirects, signed in as <paramref name="name"/>.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this OpenDtiApp app, string name, string? culture = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (culture is not null)
        {
            using var _ = await client.GetAsync(new Uri($"/culture/{culture}?returnUrl=/", UriKind.Relative), Cancellation);
        }

        var page = await client.PageAsync("/account/sign-in");
        using var response = await client.SubmitAsync(page, "form.sign-in", new() { ["UserName"] = name, ["Password"] = TestAccounts.Password, ["ReturnUrl"] = "/data" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {name} answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>GET <paramref name="path"/>, expecting 200 and HTML.</summary>
    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)response.StatusCode}: {body}");
        return Parse(body);
    }

    /// <summary>GET <paramref name="path"/>, expecting <paramref name="expected"/>.</summary>
    public static async Task<HttpResponseMessage> GetStatusAsync(this HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
        Assert.True(response.StatusCode == expected, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode}");
        return response;
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return Parse(body);
    }

    /// <summary>
    /// Sends the form <paramref name="formSelector"/> of <paramref name="page"/> as its first submit button (or
    /// <paramref name="button"/>) would, with <paramref name="changes"/> (field name → value) applied.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlDocument page, string formSelector, Dictionary<string, string> changes, string? button = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new Xunit.Sdk.XunitException($"no form {formSelector} on the page");
        var fields = FieldsOf(form);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        var action = form.GetAttribute("action") ?? string.Empty;
        if (button is not null)
        {
            action = form.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == button)?.GetAttribute("formaction")
                ?? throw new Xunit.Sdk.XunitException($"no button '{button}' with a formaction");
        }

        return client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields), Cancellation);
    }

    /// <summary>Every named input of <paramref name="form"/> with its value, as the browser would send it.</summary>
    public static Dictionary<string, string> FieldsOf(IElement form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            fields[name] = input switch
            {
                IHtmlSelectElement select => select.Value ?? string.Empty,
                IHtmlTextAreaElement area => area.Value,
                _ => input.GetAttribute("value") ?? string.Empty,
            };
        }

        return fields;
    }

    /// <summary>The name of the value input of <paramref name="measure"/> on an entry form ("Fields[2].Value").</summary>
    public static string ValueField(this IHtmlDocument page, string measure) =>
        page.QuerySelector($"#v-{measure}")?.GetAttribute("name") ?? throw new Xunit.Sdk.XunitException($"no field for {measure}");

    /// <summary>The name of the comment input of <paramref name="measure"/>.</summary>
    public static string CommentField(this IHtmlDocument page, string measure) =>
        page.QuerySelector($"#c-{measure}")?.GetAttribute("name") ?? throw new Xunit.Sdk.XunitException($"no comment for {measure}");

    /// <summary>Posts a file to the form's upload handler, with the antiforgery token of <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, IHtmlDocument page, string path, string fileName, byte[] content, string claimedType = "application/pdf", string? measure = null)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException("no antiforgery token");
        var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(measure ?? string.Empty), "UploadMeasure" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(claimedType);
        body.Add(file, "Upload", fileName);
        return client.PostAsync(new Uri(path + "?handler=Upload", UriKind.Relative), body, Cancellation);
    }

    /// <summary>Text of the page's alerts (errors at the top of a form).</summary>
    public static string Alerts(this IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll("[role=alert]").Select(a => a.TextContent.Trim()).Where(t => t.Length > 0));

    /// <summary>The value stored for (unit, measure, period), or null.</summary>
    public static async Task<DataValue?> StoredAsync(this OpenDtiApp app, string unitCode, string measure, string period)
    {
        await using var db = app.OpenContext();
        var p = Period.Parse(period);
        var code = new UnitCode(unitCode);
        var measureCode = new Domain.Frameworks.MeasureCode(measure);
        return await (from v in db.DataValues
                      join u in db.Units on v.UnitId equals u.Id
                      join m in db.Measures on v.MeasureId equals m.Id
                      where u.Code == code && u.ValidTo == null && m.Code == measureCode && v.Period == p
                      select v).AsNoTracking().SingleOrDefaultAsync(Cancellation);
    }

    /// <summary>The submission of (data set, unit, period), or null.</summary>
    public static async Task<Submission?> SubmissionAsync(this OpenDtiApp app, string dataSet, string unitCode, string period)
    {
        await using var db = app.OpenContext();
        var p = Period.Parse(period);
        var code = new UnitCode(unitCode);
        return await (from s in db.Submissions
                      join u in db.Units on s.UnitId equals u.Id
                      join d in db.DataSets on s.DataSetId equals d.Id
                      where u.Code == code && u.ValidTo == null && d.Code == dataSet && s.Period == p
                      select s).AsNoTracking().SingleOrDefaultAsync(Cancellation);
    }

    /// <summary>Puts the submission of (data set, unit, period) in <paramref name="status"/>, creating it if needed — arranging what a reviewer would have done.</summary>
    public static async Task SetSubmissionAsync(this OpenDtiApp app, string dataSet, string unitCode, string period, SubmissionStatus status, string? comment = null)
    {
        await using var db = app.OpenContext();
        var p = Period.Parse(period);
        var code = new UnitCode(unitCode);
        var unit = await db.Units.SingleAsync(u => u.Code == code && u.ValidTo == null, Cancellation);
        var set = await db.DataSets.SingleAsync(d => d.Code == dataSet, Cancellation);
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.UnitId == unit.Id && s.DataSetId == set.Id && s.Period == p, Cancellation);
        if (submission is null)
        {
            submission = new Submission { DataSetId = set.Id, UnitId = unit.Id, Period = p, UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime };
            db.Submissions.Add(submission);
        }

        submission.Status = status;
        submission.ReviewComment = comment;
        submission.SubmittedAtUtc = status == SubmissionStatus.Draft ? null : app.Time.GetUtcNow().UtcDateTime;
        submission.ConcurrencyToken = Guid.NewGuid();
        await db.SaveChangesAsync(Cancellation);
    }

    /// <summary>Stores a value directly (as an earlier period's report would be).</summary>
    public static async Task StoreValueAsync(this OpenDtiApp app, string unitCode, string measure, string period, double value)
    {
        await using var db = app.OpenContext();
        var p = Period.Parse(period);
        var code = new UnitCode(unitCode);
        var unit = await db.Units.SingleAsync(u => u.Code == code && u.ValidTo == null, Cancellation);
        var measureCode = new Domain.Frameworks.MeasureCode(measure);
        var m = await db.Measures.SingleAsync(x => x.Code == measureCode, Cancellation);
        db.DataValues.Add(new DataValue { UnitId = unit.Id, MeasureId = m.Id, Period = p, Value = value, Source = ValueSources.Form, UpdatedAtUtc = app.Time.GetUtcNow().UtcDateTime, ConcurrencyToken = Guid.NewGuid() });
        await db.SaveChangesAsync(Cancellation);
    }
}
