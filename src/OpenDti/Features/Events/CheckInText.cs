namespace OpenDti.Features.Events;

/// <summary>The refusals a check-in link can meet, in both languages for the API, and the link's address.</summary>
internal static class CheckInText
{
    public const string UnknownVi = "Đường dẫn điểm danh này không hợp lệ. Hãy kiểm tra lại mã QR hoặc hỏi ban tổ chức đường dẫn mới";
    public const string UnknownEn = "this is not a valid check-in link; check the QR code or ask the organisers for a new link.";
    public const string RevokedVi = "Đường dẫn này đã bị thu hồi hoặc đã được thay bằng đường dẫn mới. Hãy hỏi ban tổ chức đường dẫn mới của điểm cầu";
    public const string RevokedEn = "this link was revoked or replaced by a newer one; ask the organisers for the bridge point's new link.";
    public const string ClosedVi = "Sự kiện đã chốt số liệu tham dự, không nhận báo cáo nữa. Nếu cần sửa, hãy liên hệ ban tổ chức";
    public const string ClosedEn = "the event is closed and its attendance is final; contact the organisers to correct it.";

    /// <summary>The check-in page of a token, on the host the request came to.</summary>
    public static string LinkFor(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/checkin/{token}";
}
