using System.Globalization;
using OpenDti.Features.Reports;

namespace OpenDti.Features.Events;

/// <summary>
/// Completion certificates as DOCX (Open XML, through the reports' <see cref="WordDocumentWriter"/>: A4, the
/// margins and font of Decree 30/2020/NĐ-CP): one page per trainee who completed the course, in Vietnamese —
/// the host unit, the trainee's name, position and unit, the course and its dates, the day of completion and
/// the certificate number. Only completed trainees are written; callers refuse the others.
/// </summary>
internal static class CertificateDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The DOCX of <paramref name="trainees"/>' certificates; each must have completed the course.</summary>
    /// <exception cref="ArgumentException">When a trainee has not completed the course.</exception>
    public static byte[] Write(TrainingCourseDetail course, IReadOnlyList<TraineeRow> trainees)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(trainees);
        if (trainees.Count == 0 || trainees.Any(t => t.CompletedOn is null))
        {
            throw new ArgumentException("Certificates are written for completed trainees only.", nameof(trainees));
        }

        var s = course.Summary;
        using var document = new WordDocumentWriter($"Giấy chứng nhận hoàn thành khóa đào tạo — {s.Title}", headerNote: null);
        for (var i = 0; i < trainees.Count; i++)
        {
            if (i > 0)
            {
                document.PageBreak();
            }

            var t = trainees[i];
            document.Subtitle(s.HostUnitName.ToUpper(Vietnamese));
            document.Subtitle("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc");
            document.Title("GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA ĐÀO TẠO");
            document.Text(("Chứng nhận ông/bà: ", false), (t.FullName, true));
            if (t.Position is not null)
            {
                document.Text(("Chức vụ: ", false), (t.Position, false));
            }

            document.Text(("Đơn vị công tác: ", false), (t.Unit, false));
            document.Text(("Đã hoàn thành khóa đào tạo, bồi dưỡng: ", false), (s.Title, true));
            document.Text($"Thời gian: từ ngày {Day(s.StartsOn)} đến ngày {Day(s.EndsOn)}, do {s.HostUnitName} tổ chức.");
            document.Text(("Ngày hoàn thành: ", false), (Day(t.CompletedOn!.Value), false));
            document.Text(("Số chứng nhận: ", false), (t.CertificateNumber ?? string.Empty, true));
        }

        return document.Save();
    }

    /// <summary>The download name: <c>chung-nhan-{course}.docx</c>, or with the certificate number for one trainee.</summary>
    public static string FileName(int courseId, TraineeRow? trainee = null) => trainee?.CertificateNumber is { } number
        ? $"chung-nhan-{number}.docx"
        : string.Create(CultureInfo.InvariantCulture, $"chung-nhan-khoa-{courseId}.docx");

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
