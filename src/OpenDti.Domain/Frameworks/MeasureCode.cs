namespace OpenDti.Domain.Frameworks;

/// <summary>
/// The code of a reported measure or of a framework node, such as "ONLINE_SERVICES_L4": an upper-case
/// letter followed by up to 63 upper-case letters, digits or underscores, so that it can stand as a
/// name in an indicator expression.
/// </summary>
public readonly record struct MeasureCode
{
    /// <summary>The longest code accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Creates a code after checking its form.</summary>
    /// <exception cref="ArgumentException">When <paramref name="value"/> is not a valid code.</exception>
    public MeasureCode(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a measure code: expected an upper-case letter, then upper-case letters, digits or '_' (at most {MaxLength}).", nameof(value));
        }

        Value = value;
    }

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="value"/> can be a measure or node code.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && char.IsAsciiLetterUpper(value[0])
        && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    /// <inheritdoc />
    public override string ToString() => Value;
}
