using OpenDti.Domain.Values;

namespace OpenDti.Features.DataEntry;

/// <summary>One field as the page shows it: the stored state, what is in the input, and what is wrong with it.</summary>
public sealed class FieldRow(FieldState state)
{
    public FieldState State { get; } = state;

    public string Text { get; set; } = string.Empty;

    public string? Comment { get; set; }

    public Guid Version { get; set; }

    /// <summary>The value's text when the form was shown, to tell a changed field from an untouched one.</summary>
    public string Original { get; set; } = string.Empty;

    public string? OriginalComment { get; set; }

    /// <summary>After a conflict: the value someone else saved (null when they removed it).</summary>
    public DataValue? Newer { get; set; }

    public List<string> Errors { get; } = [];
}
