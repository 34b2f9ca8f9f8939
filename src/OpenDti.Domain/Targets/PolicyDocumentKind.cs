namespace OpenDti.Domain.Targets;

/// <summary>The kinds of programme document.</summary>
public enum PolicyDocumentKind
{
    /// <summary>A decision (quyết định), e.g. the Prime Minister's Decision 749/QĐ-TTg.</summary>
    Decision,

    /// <summary>A resolution (nghị quyết) of a party committee or a people's council.</summary>
    Resolution,

    /// <summary>A plan (kế hoạch).</summary>
    Plan,

    /// <summary>A project (đề án).</summary>
    Project,

    /// <summary>Any other document (a directive, a programme, …).</summary>
    Other,
}
