using Microsoft.Extensions.Localization;
using OpenDti.Domain.Problems;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// Problems of one uploaded file, worded in the request's language (what was expected, what was found) and
/// placed in the file: its name, then sheet, row, column letter and the column's header.
/// </summary>
internal sealed class UploadText(IStringLocalizer localizer, string fileName)
{
    public string FileName { get; } = fileName;

    /// <summary>The file as a whole.</summary>
    public ProblemPlace File => new(Source: FileName);

    public string this[string key, params object[] arguments] => localizer[key, arguments].Value;

    public ProblemPlace At(string? sheet, int row, string column, string? header) => new(FileName, sheet, row, column, header);

    public static ValueProblem Problem(string code, ProblemPlace place, string expected, string? found, Refusal refusal = Refusal.Invalid) =>
        new(new InputProblem(code, place, expected, found), refusal);
}
