namespace OpenDti.Features.DataEntry.Templates;

/// <summary>An uploaded file and what became of it.</summary>
/// <param name="FileName">The file's name as the user gave it (cleaned).</param>
/// <param name="Refusal">Set when the upload itself is refused (no such data set, a bad period): then nothing was read.</param>
/// <param name="Problems">Every problem of the file, in file order; when there is any, nothing was written.</param>
/// <param name="Written">Values added, changed or removed.</param>
/// <param name="Unchanged">Values in the file that were already stored as given (or left as downloaded).</param>
/// <param name="Breaches">Validation rules the stored values now break (they block submission, not saving).</param>
public sealed record UploadOutcome(
    string FileName,
    TemplateRefusal? Refusal,
    IReadOnlyList<ValueProblem> Problems,
    int Written,
    int Unchanged,
    IReadOnlyList<RuleBreach> Breaches)
{
    public bool Succeeded => Refusal is null && Problems.Count == 0;

    /// <summary>The HTTP status: 200, the refusal's, 413 for a file too large, else that of the worst problem (403, 409, 422).</summary>
    public int Status =>
        Refusal is { } refusal ? refusal.Status
        : Problems.Count == 0 ? StatusCodes.Status200OK
        : Problems.Any(p => p.Problem.Code == "file.too-large") ? StatusCodes.Status413PayloadTooLarge
        : Problems.Max(p => p.Refusal) switch
        {
            DataEntry.Refusal.Forbidden => StatusCodes.Status403Forbidden,
            DataEntry.Refusal.Locked or DataEntry.Refusal.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };

    public static UploadOutcome Refused(string fileName, IReadOnlyList<ValueProblem> problems) => new(fileName, null, problems, 0, 0, []);
}
