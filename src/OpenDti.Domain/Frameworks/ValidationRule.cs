using OpenDti.Domain.Text;

namespace OpenDti.Domain.Frameworks;

/// <summary>
/// A check across measures declared with a framework version ("level-4 services ≤ total services"),
/// evaluated when values are entered and when a submission is sent; a broken rule blocks submission with
/// its message.
/// </summary>
public sealed class ValidationRule
{
    /// <summary>The store's identity.</summary>
    public int Id { get; set; }

    /// <summary>The framework version.</summary>
    public int FrameworkVersionId { get; set; }

    /// <summary>A code unique in the version ("L4_WITHIN_TOTAL").</summary>
    public required string Code { get; init; }

    /// <summary>The rule, e.g. <c>ONLINE_SERVICES_L4 &lt;= ONLINE_SERVICES_TOTAL</c>.</summary>
    public required string Expression { get; init; }

    /// <summary>What the person entering data reads when the rule is broken (Vietnamese, NFC).</summary>
    public required string Message
    {
        get;
        init => field = VietnameseText.Normalize(value);
    }

    /// <summary>The same in English.</summary>
    public string? MessageEn { get; init; }
}
