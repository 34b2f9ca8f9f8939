namespace OpenDti.Dossiers.Input;

/// <summary>
/// A problem of one row, placed by its chunk and line within the chunk until the file's line numbers are
/// known (chunks are read in parallel).
/// </summary>
internal sealed record RowProblem(int Chunk, int LineInChunk, string Code, string Column, string Expected, string? Found);
