using OpenDti.Dossiers.Input;

namespace OpenDti.Dossiers.Records;

/// <summary>Why a caller refuses a row the parser found valid: the field, a problem code, what was expected and found.</summary>
public sealed record RecordCheck(DossierField Field, string Code, string Expected, string? Found);
