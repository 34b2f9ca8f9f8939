using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenDti.Features.Accounts;

/// <summary>Refused account operations as RFC 9457 problem details, with every problem in <c>errors</c>.</summary>
internal static class AccountProblems
{
    public static ProblemHttpResult From(AccountResult result)
    {
        var (status, title) = result.Refusal switch
        {
            AccountRefusal.NotFound => (StatusCodes.Status404NotFound, "Không tìm thấy / not found"),
            AccountRefusal.Forbidden => (StatusCodes.Status403Forbidden, "Không có quyền / forbidden"),
            _ => (StatusCodes.Status422UnprocessableEntity, "Dữ liệu không hợp lệ / invalid input"),
        };
        var errors = result.Problems.Select(p => new AccountError(p.Place.Field, p.Code, p.Expected, p.Found)).ToList();
        return TypedResults.Problem(
            string.Join(" ", result.Messages),
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = errors });
    }

    public static ProblemHttpResult NotSignedIn() => TypedResults.Problem(
        "Phiên đăng nhập không còn hiệu lực / the credentials no longer hold; sign in again.",
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Chưa xác thực / not authenticated");

    /// <summary>One problem of a refused request.</summary>
    public sealed record AccountError(string? Field, string Code, string Expected, string? Found);
}
