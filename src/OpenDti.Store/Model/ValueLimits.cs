namespace OpenDti.Store.Model;

/// <summary>Sizes and names the model and the code that validates input agree on.</summary>
public static class ValueLimits
{
    /// <summary>The longest comment or reason kept (characters).</summary>
    public const int CommentLength = 2000;

    /// <summary>The append-only audit table.</summary>
    public const string AuditTable = "value_audit";

    /// <summary>The append-only submission history.</summary>
    public const string SubmissionEventsTable = "submission_events";

    /// <summary>The append-only history of changes to accounts, roles, keys and units.</summary>
    public const string AccountEventsTable = "account_events";
}
