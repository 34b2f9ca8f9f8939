using Microsoft.AspNetCore.Http.Features;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>Why an upload's one file could not be read.</summary>
public enum UploadProblem
{
    None,

    /// <summary>The request declared, or turned out to carry, more than <see cref="UploadReader.BodyLimit"/>.</summary>
    TooLarge,

    /// <summary>The request is not multipart/form-data.</summary>
    NotMultipart,

    /// <summary>The form has no file in the field <c>file</c>.</summary>
    NoFile,
}

/// <summary>
/// The one file of an upload (the form field <c>file</c>), read by an endpoint after it knows the caller rather than
/// bound as a parameter: binding would buffer the whole body first, and its content-type matching would answer an
/// anonymous caller 415 before authorisation could answer 401. The declared size is checked before a byte is read,
/// and the body is cut off at <see cref="BodyLimit"/> while it is read.
/// </summary>
public static class UploadReader
{
    /// <summary>
    /// The most a request may carry: twice the file limit and a megabyte for the form, so that a file a little over
    /// the limit still arrives and gets its clear "too large" answer rather than a dropped connection.
    /// </summary>
    public static long BodyLimit(UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return (2 * limits.MaxBytes) + (1 << 20);
    }

    public static async Task<(IFormFile? File, UploadProblem Problem)> ReadAsync(HttpContext http, UploadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var bodyLimit = BodyLimit(limits);
        if (http.Request.ContentLength > bodyLimit)
        {
            return (null, UploadProblem.TooLarge);
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, UploadProblem.NotMultipart);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit;
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = bodyLimit, ValueCountLimit = 16 }));
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return (null, UploadProblem.TooLarge);
        }

        return form.Files.GetFile("file") is { } file ? (file, UploadProblem.None) : (null, UploadProblem.NoFile);
    }
}
