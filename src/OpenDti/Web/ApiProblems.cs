using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenDti.Web;

/// <summary>The problem details the API returns for refusals, with a Vietnamese-first title.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy / not found");
}
