using System.Globalization;
using OpenDti.Features.Reports;
using OpenDti.Web;

namespace OpenDti.Features.Targets;

/// <summary>
/// A target's progress table and the lagging list as files (CSV, XLSX through <see cref="TableExport"/>), and a
/// target's progress as a Word document. Columns keep the API's words (status on-track, …) so that a script
/// reads the file as it reads the JSON; the Word document is in Vietnamese, like the other reports.
/// </summary>
internal static class TargetExport
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static TableExport Progress(TargetProgressTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = new[]
        {
            "rank", "unit", "unit_name", "status", "latest_value", "latest_period", "baseline_value", "baseline_period", "share_achieved",
            "pace_method", "observed_pace", "required_pace", "pace_ratio", "forecast", "forecast_low", "forecast_high", "is_reexpressed", "is_demo",
        };
        var rows = table.Units.Select(r => (IReadOnlyList<object?>)
        [
            r.Rank, r.Unit, r.UnitName, r.Status, r.LatestValue, r.LatestPeriod, r.BaselineValue, r.BaselinePeriod, r.ShareAchieved,
            r.PaceMethod, r.ObservedPace, r.RequiredPace, r.PaceRatio, r.Forecast, r.ForecastLow, r.ForecastHigh, r.IsReexpressed ? "yes" : "no", r.IsDemo ? "yes" : "no",
        ]).ToList();
        return new TableExport(header, rows);
    }

    public static TableExport Lagging(LaggingList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var header = new[] { "target_id", "target", "pillar", "deadline", "target_value", "unit", "unit_name", "status", "latest_value", "latest_period", "share_achieved", "pace_ratio", "forecast", "is_demo" };
        var rows = list.Rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Target.Id, r.Target.Code, r.Target.Pillar, r.Target.DeadlineYear, r.Target.TargetValue, r.Progress.Unit, r.Progress.UnitName, r.Progress.Status,
            r.Progress.LatestValue, r.Progress.LatestPeriod, r.Progress.ShareAchieved, r.Progress.PaceRatio, r.Progress.Forecast, r.Progress.IsDemo ? "yes" : "no",
        ]).ToList();
        return new TableExport(header, rows);
    }

    public static byte[] ProgressDocument(TargetProgressTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var target = table.Target;
        using var word = new WordDocumentWriter(
            $"Tiến độ chỉ tiêu {target.Code} — {target.Name}",
            table.Notice is null ? null : $"{ReportDocument.DemoHeading} — không phải số liệu chính thức");
        word.Title($"Tiến độ chỉ tiêu {target.Code} hạn {target.DeadlineYear}");
        word.Subtitle(target.Name);
        if (table.Notice is not null)
        {
            word.Alert(ReportDocument.DemoHeading, ReportDocument.DemoText);
        }

        word.Text(
            ("Văn bản: ", true), (target.DocumentNumber, false),
            (". Mục tiêu: ", true), ($"{Comparison(target.Comparison)} {Number(target.TargetValue)} {target.UnitOfMeasure} vào năm {target.DeadlineYear}", false));
        word.Text(
            ("Trạng thái: ", true),
            ($"{target.Counts.Achieved} đạt, {target.Counts.OnTrack} đúng tiến độ, {target.Counts.AtRisk} có nguy cơ, {target.Counts.OffTrack} chậm tiến độ, {target.Counts.NoData} chưa có số liệu (đánh giá năm {table.AssessedIn}).", false));
        if (table.UsesReexpressedHistory)
        {
            word.Note("Với 34 tỉnh, thành phố từ ngày 1/7/2025, số liệu các năm trước là số liệu của các tỉnh cũ được tính lại theo địa giới mới.");
        }

        word.Table(
            ["Hạng", "Đơn vị", "Trạng thái", "Giá trị mới nhất", "Kỳ", "Tỷ lệ đạt", "Dự báo"],
            [.. table.Units.Select(r => (IReadOnlyList<string>)
            [
                r.Rank?.ToString(Vietnamese) ?? "—", r.UnitName, Status(r.Status), Number(r.LatestValue), r.LatestPeriod ?? "—",
                r.ShareAchieved is { } share ? share.ToString("P0", Vietnamese) : "—", Number(r.Forecast),
            ])],
            [0.08, 0.3, 0.16, 0.13, 0.08, 0.12, 0.13],
            new HashSet<int> { 0, 3, 5, 6 },
            $"Các đơn vị xếp theo tỷ lệ đạt chỉ tiêu {target.Code}");
        word.Note("Phương pháp: tỷ số giữa tốc độ tăng trưởng bình quân quan sát được và tốc độ cần thiết để đạt chỉ tiêu (phương pháp của Báo cáo tiến độ SDG, Liên hợp quốc); từ 0,95 là đúng tiến độ, từ 0,5 là có nguy cơ, dưới 0,5 là chậm tiến độ.");
        return word.Save();
    }

    public static string Status(string status) => status switch
    {
        "achieved" => "Đã đạt",
        "on-track" => "Đúng tiến độ",
        "at-risk" => "Có nguy cơ",
        "off-track" => "Chậm tiến độ",
        _ => "Chưa có số liệu",
    };

    private static string Comparison(string comparison) => comparison switch
    {
        "at-least" => "ít nhất",
        "at-most" => "không quá",
        "more-than" => "trên",
        _ => "đúng",
    };

    private static string Number(double? value) => value is { } v ? v.ToString("#,##0.##", Vietnamese) : "—";
}
