namespace OpenDti.Domain.Geography;

/// <summary>
/// The official code of a reporting unit, such as the General Statistics Office code "01" for Hà Nội
/// or "VN" for the nation. A code is not unique across time: the province formed on 1 July 2025
/// keeps the code of the predecessor where its seat is (the new Tuyên Quang is "08", as was the old one),
/// so a unit is identified by its code together with its validity period.
/// </summary>
public readonly record struct UnitCode
{
    /// <summary>The longest code accepted.</summary>
    public const int MaxLength = 32;

    /// <summary>Creates a code after checking that it is 1–32 letters, digits, '.', '-' or '_'.</summary>
    /// <exception cref="ArgumentException">When <paramref name="value"/> is not a valid code.</exception>
    public UnitCode(string value)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException($"'{value}' is not a unit code: expected 1–{MaxLength} letters, digits, '.', '-' or '_'.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The code as written in official lists.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="value"/> can be a unit code.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <inheritdoc />
    public override string ToString() => Value;
}
