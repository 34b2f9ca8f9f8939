using System.Net;
using System.Net.Http.Headers;
using OpenDti.Domain.Accounts;
using OpenDti.Web.Tests.Infrastructure;

namespace OpenDti.Web.Tests.Features.Targets;

/// <summary>
/// <c>POST /api/v1/targets/import</c> checks who calls before what they send, and the size before reading the
/// file: an anonymous caller is 401 whatever the body's type, and a file over the upload limit is 413 saying the
/// limit, without the import reading it.
/// </summary>
public sealed class TargetsImportLimitsTests(OpenDtiApp app) : IClassFixture<OpenDtiApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("multipart/form-data")]
    public async Task AnonymousCaller_Is401_WhateverTheBodyType(string contentType)
    {
        using var client = app.CreateClient();
        using var body = contentType == "multipart/form-data"
            ? new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "chi-tieu.xlsx" } }
            : (HttpContent)new ByteArrayContent([1, 2, 3]);
        if (body is ByteArrayContent)
        {
            body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await client.PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), body, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task FileOverTheLimit_Is413SayingTheLimit()
    {
        await app.AddUserAsync("chi.tieu.lon", Role.ProvinceAdmin, "01");
        using var client = await app.SignedInClientAsync("chi.tieu.lon");
        using var body = new MultipartFormDataContent { { new ByteArrayContent(new byte[21 << 20]), "file", "lon.xlsx" } };

        using var response = await client.PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), body, Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.RequestEntityTooLarge, "application/problem+json");
        Assert.Contains("20 MB", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInCaller_WithoutAForm_IsToldToSendTheFileField()
    {
        await app.AddUserAsync("chi.tieu.sai.kieu", Role.ProvinceAdmin, "01");
        using var client = await app.SignedInClientAsync("chi.tieu.sai.kieu");
        using var body = new StringContent("documentId,code", System.Text.Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync(new Uri("/api/v1/targets/import", UriKind.Relative), body, Cancel);

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest, "application/problem+json");
        Assert.Contains("multipart/form-data", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }
}
