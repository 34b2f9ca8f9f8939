using System.Globalization;
using OpenDti.Domain.Rankings;
using OpenDti.Features.Profiles;
using OpenDti.Features.Rankings;

namespace OpenDti.Features.Reports;

/// <summary>
/// A province's report for one year as a Word document, the kind an official attaches to a speech: the ranks
/// overall and per pillar with their change, the pillar table, the index over the years, the strongest and
/// weakest indicators, why the rank changed, and the Decision 749 indicators, with charts as images.
/// The report is always in Vietnamese, whatever the language of the page it was downloaded from, so its
/// wording lives here rather than in the UI's resource files.
/// </summary>
internal static class ReportDocument
{
    public const string DemoHeading = "DỮ LIỆU MINH HỌA";
    public const string DemoText = "Báo cáo này được lập từ số liệu minh họa (demo), không phải số liệu chính thức. Không sử dụng để công bố hoặc trích dẫn.";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Write(UnitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var profile = report.Profile;
        var frameworkName = profile.FrameworkName;
        using var word = new WordDocumentWriter(
            $"Báo cáo chuyển đổi số năm {profile.Period} — {profile.UnitName}",
            report.IsDemo ? $"{DemoHeading} — không phải số liệu chính thức" : null);

        word.Title($"BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM {profile.Period}");
        word.Subtitle(profile.UnitName);
        word.Subtitle($"Ngày {report.MadeOn.Day} tháng {report.MadeOn.Month} năm {report.MadeOn.Year}");
        if (report.IsDemo)
        {
            word.Alert(DemoHeading, DemoText);
        }

        Ranks(word, report);
        Pillars(word, report);
        Series(word, profile);
        StrengthsAndWeaknesses(word, profile);
        RankChange(word, profile);
        Targets(word, report);
        word.Note($"Nguồn: OpenDTI, {frameworkName}, lần tính năm {profile.Period}. Điểm từ 0 đến 100, càng cao càng tốt; "
            + $"hạng trên {profile.UnitCount} tỉnh, thành phố được xếp hạng năm {profile.Period}.");
        return word.Save();
    }

    /// <summary>"7/34".</summary>
    public static string Rank(int? rank, int of) => rank is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r}/{of}") : "—";

    /// <summary>"▲3", "▼2", "=", "mới" (no rank the year before) or "—" (nothing to compare with).</summary>
    public static string Change(RankingScore? score, bool compared) => !compared ? "—" : score?.RankChange switch
    {
        null => "mới",
        > 0 and var up => "▲" + up.ToString(CultureInfo.InvariantCulture),
        < 0 and var down => "▼" + (-down).ToString(CultureInfo.InvariantCulture),
        _ => "=",
    };

    /// <summary>A score or value as the report writes it: Vietnamese decimal comma, one decimal.</summary>
    public static string Number(double? value) => ReportCharts.Number(value);

    private static void Ranks(WordDocumentWriter word, UnitReport report)
    {
        var profile = report.Profile;
        var index = RankingView.ScoreOf(report.Ranking, IndexRuns.IndexCode);
        var compared = report.ComparedWith is not null;
        word.Heading("1. Thứ hạng");
        var change = !compared || index?.RankChange is null ? string.Empty
            : index.RankChange > 0 ? $", tăng {index.RankChange} bậc so với năm {report.ComparedWith!.Period}"
            : index.RankChange < 0 ? $", giảm {-index.RankChange} bậc so với năm {report.ComparedWith!.Period}"
            : $", giữ nguyên thứ hạng so với năm {report.ComparedWith!.Period}";
        word.Text(
            ($"Năm {profile.Period}, {profile.UnitName} xếp ", false),
            ($"hạng {Rank(index?.Rank, profile.UnitCount)}", true),
            ($" về {profile.FrameworkName}, đạt {Number(index?.Score)}/100 điểm{change}.", false));
        foreach (var pillar in profile.Pillars)
        {
            var score = RankingView.ScoreOf(report.Ranking, pillar.Code);
            word.Text(
                ($"– {pillar.Name}: ", false),
                ($"hạng {Rank(score?.Rank, profile.UnitCount)}", true),
                ($" ({Change(score, compared)}), {Number(score?.Score)} điểm.", false));
        }

        if (index is { RankLow: { } low, RankHigh: { } high })
        {
            word.Note(string.Create(Vietnamese, $"Khoảng hạng hợp lý: {low:0}–{high:0} (phân vị 5%–95% khi các lựa chọn phương pháp thay đổi)."));
        }

        if (report.ComparedWith is { } with)
        {
            word.Note(with.Method == ComparedWith.Reexpressed
                ? $"Thay đổi hạng so với năm {with.Period} tính trên địa giới {with.UnitCount} tỉnh, thành phố hiện nay: số liệu năm {with.Period} của các tỉnh cũ được quy đổi sang tỉnh mới (số đếm cộng lại, điểm lấy trung bình với trọng số bằng nhau) rồi xếp hạng lại theo cùng một cách. ▲ tăng, ▼ giảm, = giữ nguyên."
                : $"Thay đổi hạng so với thứ hạng của chính đơn vị năm {with.Period}. ▲ tăng, ▼ giảm, = giữ nguyên, “mới” khi năm {with.Period} đơn vị chưa được xếp hạng.");
        }
    }

    private static void Pillars(WordDocumentWriter word, UnitReport report)
    {
        var profile = report.Profile;
        var compared = report.ComparedWith is not null;
        word.Heading("2. Điểm và thứ hạng các trụ cột");
        var rows = new List<IReadOnlyList<string>>();
        var index = RankingView.ScoreOf(report.Ranking, IndexRuns.IndexCode);
        rows.Add([profile.FrameworkName, Number(index?.Score), Rank(index?.Rank, profile.UnitCount), Change(index, compared)]);
        foreach (var pillar in profile.Pillars)
        {
            var score = RankingView.ScoreOf(report.Ranking, pillar.Code);
            rows.Add([pillar.Name, Number(score?.Score), Rank(score?.Rank, profile.UnitCount), Change(score, compared)]);
        }

        word.Table(
            ["Chỉ số, trụ cột", "Điểm (0–100)", "Hạng", "Thay đổi hạng"],
            rows,
            [4, 1.6, 1.4, 1.6],
            new HashSet<int> { 1, 2, 3 },
            $"Bảng 1. Điểm và thứ hạng năm {profile.Period}");
        var bars = profile.Pillars.Select(p => new ChartBar(p.Name, p.Score, $"{Number(p.Score)} · hạng {Rank(p.Rank, profile.UnitCount)}")).ToList();
        word.Image(
            ReportCharts.PillarBars($"Điểm các trụ cột năm {profile.Period} — {profile.UnitName}", bars),
            ReportCharts.Width,
            ReportCharts.Height,
            "Biểu đồ điểm các trụ cột",
            string.Join("; ", bars.Select(b => $"{b.Name}: {b.Label}")));
        word.Note($"Hình 1. Điểm các trụ cột năm {profile.Period}");
    }

    private static void Series(WordDocumentWriter word, UnitProfile profile)
    {
        word.Heading("3. Chỉ số qua các năm");
        var years = profile.Series.Select(s => s.Period).Distinct().ToList();

        // The line follows the unit itself, or, before it existed, its index re-expressed on its boundary or the one
        // province it continued under another name; as on the profile page.
        var line = years.Select(year =>
        {
            var points = profile.Series.Where(s => s.Period == year).ToList();
            var point = points.FirstOrDefault(s => !s.IsPredecessor) ?? (points.Count == 1 ? points[0] : null);
            return new ChartPoint(
                year + (point?.IsReexpressed == true ? "*" : string.Empty),
                point?.Score,
                point is null ? string.Empty : $"{Number(point.Score)} (hạng {Rank(point.Rank, point.UnitCount)})");
        }).ToList();
        word.Image(
            ReportCharts.IndexOverTime($"{profile.FrameworkName}: điểm của {profile.UnitName} qua các năm", line),
            ReportCharts.Width,
            ReportCharts.Height,
            "Biểu đồ chỉ số qua các năm",
            string.Join("; ", line.Select(p => $"{p.Name}: {p.Label}")));
        word.Note("Hình 2. Điểm chỉ số theo năm; * là năm trước khi đơn vị được thành lập, tính lại từ số liệu của các tỉnh hợp thành quy đổi trên địa giới mới.");
        word.Table(
            ["Năm", "Đơn vị", "Điểm (0–100)", "Hạng"],
            profile.Series.Select(s => (IReadOnlyList<string>)
            [
                s.Period + (s.IsReexpressed ? "*" : string.Empty),
                s.UnitName + (s.IsPredecessor ? " (tỉnh trước sáp nhập)" : string.Empty),
                Number(s.Score),
                Rank(s.Rank, s.UnitCount),
            ]).ToList(),
            [1.2, 4, 1.6, 1.4],
            new HashSet<int> { 2, 3 },
            "Bảng 2. Điểm và thứ hạng theo năm (hạng trên số tỉnh, thành phố được xếp hạng năm đó: 63 đến năm 2024, 34 từ năm 2025)");
    }

    private static void StrengthsAndWeaknesses(WordDocumentWriter word, UnitProfile profile)
    {
        word.Heading("4. Chỉ số mạnh nhất và yếu nhất");
        word.Text($"Các chỉ số có điểm chuẩn hóa (0–100, càng cao càng tốt) cao hơn và thấp hơn nhiều nhất so với trung vị của các tỉnh, thành phố được xếp hạng năm {profile.Period}.");
        foreach (var (caption, gaps) in new[] { ("Bảng 3. Chỉ số mạnh nhất", profile.Strengths), ("Bảng 4. Chỉ số yếu nhất", profile.Weaknesses) })
        {
            word.Table(
                ["Chỉ số", "Giá trị", "Đơn vị tính", "So với trung vị (điểm)"],
                gaps.Count == 0
                    ? [["Không có", "—", "—", "—"]]
                    : gaps.Select(g => (IReadOnlyList<string>)[g.Name, Number(g.Value), g.UnitOfMeasure ?? string.Empty, Signed(g.Difference)]).ToList(),
                [4, 1.5, 1.5, 2],
                new HashSet<int> { 1, 3 },
                caption);
        }
    }

    private static void RankChange(WordDocumentWriter word, UnitProfile profile)
    {
        word.Heading("5. Vì sao thứ hạng thay đổi");
        if (profile.RankChange is not { } change)
        {
            word.Text("Không có năm trước để so sánh.");
            return;
        }

        word.Text($"Từ năm {change.FromPeriod} đến năm {change.ToPeriod}, điểm chỉ số từ {Number(change.ScoreBefore)} thành {Number(change.ScoreAfter)}, "
            + $"thứ hạng từ {Rank(change.RankBefore, change.UnitCountBefore)} thành {Rank(change.RankAfter, change.UnitCountAfter)}.");
        if (change.Method == ComparedWith.Reexpressed)
        {
            word.Note($"Số liệu năm {change.FromPeriod} là số liệu của các tỉnh đã hợp thành {profile.UnitName}, được quy đổi trên địa giới mới.");
        }

        word.Table(
            ["Chỉ số", $"Giá trị {change.FromPeriod}", $"Giá trị {change.ToPeriod}", "Điểm đóng góp thay đổi"],
            change.Indicators.Take(5).Select(m => (IReadOnlyList<string>)[m.Name, Number(m.ValueBefore), Number(m.ValueAfter), Signed(m.Change, "N2")]).ToList(),
            [4, 1.6, 1.6, 2],
            new HashSet<int> { 1, 2, 3 },
            "Bảng 5. Các chỉ số đóng góp nhiều nhất vào thay đổi điểm (trọng số hiệu dụng × giá trị chuẩn hóa)");
    }

    private static void Targets(WordDocumentWriter word, UnitReport report)
    {
        var period = report.Profile.Period;
        word.Heading("6. Chỉ tiêu Chương trình Chuyển đổi số quốc gia (Quyết định 749/QĐ-TTg)");
        if (report.Targets.Count == 0)
        {
            word.Text($"Chưa có số liệu các chỉ tiêu của Quyết định 749/QĐ-TTg năm {period}.");
            return;
        }

        var header = new List<string> { "Mã", "Chỉ tiêu", "Đơn vị tính", $"Giá trị năm {period}" };
        if (report.HasTargetValues)
        {
            header.Add("Mục tiêu năm 2025");
        }

        word.Table(
            header,
            report.Targets.Select(t =>
            {
                List<string> cells = [t.Code, t.Name, t.UnitOfMeasure ?? string.Empty, Number(t.Value) + (t.IsReexpressed ? "*" : string.Empty)];
                if (report.HasTargetValues)
                {
                    cells.Add(Number(t.Target2025));
                }

                return (IReadOnlyList<string>)cells;
            }).ToList(),
            report.HasTargetValues ? [1.6, 4.4, 1.2, 1.5, 1.5] : [1.6, 5, 1.2, 1.8],
            report.HasTargetValues ? new HashSet<int> { 3, 4 } : new HashSet<int> { 3 },
            $"Bảng 6. Các chỉ tiêu của Quyết định 749/QĐ-TTg, năm {period}");
        if (!report.HasTargetValues)
        {
            word.Note("Giá trị mục tiêu (năm 2025, năm 2030) chưa có trong cơ sở dữ liệu: chúng sẽ được đưa vào cùng phân hệ theo dõi mục tiêu. Bảng trên liệt kê giá trị các chỉ tiêu.");
        }

        if (report.Targets.Any(t => t.IsReexpressed))
        {
            word.Note("* Tính từ số liệu của các tỉnh hợp thành, quy đổi trên địa giới mới.");
        }

        word.Note("— : thiếu số liệu để tính chỉ tiêu (ví dụ cấp huyện không còn từ ngày 1/7/2025).");
    }

    private static string Signed(double value, string format = "N1") =>
        (value > 0 ? "+" : value < 0 ? "−" : string.Empty) + Math.Abs(value).ToString(format, Vietnamese);
}
