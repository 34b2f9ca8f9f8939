using System.Globalization;
using System.Text;

namespace OpenDti.Dossiers.Synthetic;

/// <summary>
/// A generated, clearly synthetic dossier export for benchmarks and tests (never committed, never shown as
/// real): a procedure catalogue with Vietnamese names (commas inside, so quoted), a unit hierarchy of the
/// 34 provinces of 2025 and communes under them, and dossiers in the Vietnamese <c>dd/MM/yyyy HH:mm:ss</c>
/// form. Shares follow what provinces report: about 85 % online, 12 % at the counter, 3 % by post; 93 %
/// resolved, most on time; the rest open, some past their due date. The same seed gives the same files.
/// </summary>
public sealed class SyntheticExport(int seed = 749)
{
    private static readonly string[] Provinces =
    [
        "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
        "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96",
    ];

    private static readonly string[] Sectors =
    [
        "Xây dựng", "Đất đai", "Hộ tịch", "Tư pháp", "Giáo dục và Đào tạo", "Y tế", "Lao động, Thương binh và Xã hội",
        "Công Thương", "Giao thông vận tải", "Tài nguyên và Môi trường", "Nông nghiệp và Phát triển nông thôn",
        "Văn hóa, Thể thao và Du lịch", "Kế hoạch và Đầu tư", "Nội vụ", "Tài chính",
    ];

    private static readonly string[] Actions = ["Cấp", "Cấp lại", "Gia hạn", "Điều chỉnh", "Đăng ký", "Thẩm định", "Xác nhận", "Công nhận"];

    private static readonly string[] Objects =
    [
        "giấy phép xây dựng, sửa chữa nhà ở riêng lẻ", "giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở",
        "khai sinh, kết hợp đăng ký thường trú", "giấy phép kinh doanh vận tải bằng xe ô tô",
        "chứng chỉ hành nghề khám bệnh, chữa bệnh", "giấy phép lái xe", "thành lập hộ kinh doanh",
        "hỗ trợ người có công, thân nhân liệt sĩ", "biến động đất đai, tài sản gắn liền với đất",
        "giấy phép bán lẻ rượu, thuốc lá", "văn bằng, chứng chỉ", "kết hôn, nhận cha, mẹ, con",
    ];

    private static readonly string[] DoneStatuses = ["Đã trả kết quả", "Đã hoàn thành", "Đã trả kết quả (trực tuyến)"];

    private static readonly string[] OpenStatuses = ["Đang xử lý", "Chờ bổ sung hồ sơ", "Đang thẩm định"];

    public int Procedures { get; init; } = 2000;

    public int Units { get; init; } = 4000;

    /// <summary>Share of rows that repeat an earlier dossier later in the file with its newer state.</summary>
    public double RepeatedShare { get; init; }

    public void WriteCatalogue(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        writer.Write("procedure_code,name,sector,service_level\n");
        for (var p = 0; p < Procedures; p++)
        {
            var name = $"{Actions[random.Next(Actions.Length)]} {Objects[random.Next(Objects.Length)]} (thủ tục mẫu số {p + 1})";
            var level = random.NextDouble() < 0.6 ? "full" : "partial";
            writer.Write($"{ProcedureCode(p)},\"{name}\",\"{Sectors[random.Next(Sectors.Length)]}\",{level}\n");
        }
    }

    public void WriteUnits(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("code,parent_code\n");
        foreach (var province in Provinces)
        {
            writer.Write($"{province},VN\n");
        }

        for (var c = 0; c < Units - Provinces.Length; c++)
        {
            writer.Write($"{CommuneCode(c)},{Provinces[c % Provinces.Length]}\n");
        }
    }

    public void WriteDossiers(Stream stream, long rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var random = new Random(seed + 1);
        var names = new Random(seed);
        var procedureNames = Enumerable.Range(0, Procedures)
            .Select(p => $"{Actions[names.Next(Actions.Length)]} {Objects[names.Next(Objects.Length)]}")
            .ToArray();
        var communes = Units - Provinces.Length;
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var repeats = new Queue<(long Row, string Unit, int Procedure, string Channel, DateTime Received, DateTime Due)>();
        using var writer = new StreamWriter(stream, new UTF8Encoding(true), 1 << 20, leaveOpen: true);
        writer.Write("dossier_id,procedure_code,procedure_name,unit_code,channel,received_at,due_at,finished_at,status\n");
        var line = new StringBuilder(256);
        for (long row = 0; row < rows; row++)
        {
            if (repeats.Count > 0 && (repeats.Count > 1000 || random.NextDouble() < RepeatedShare))
            {
                // A later state of an earlier dossier: now resolved.
                var (earlier, unit, procedure, channel, received, due) = repeats.Dequeue();
                var finished = received.AddMinutes(random.Next(60, 20 * 24 * 60));
                Append(line, earlier, unit, procedure, procedureNames[procedure], channel, received, due, finished, DoneStatuses[0]);
            }
            else
            {
                // Units = 34: provinces only (their codes are in the store's seed, so `dossiers ingest` takes them).
                var unit = communes == 0 || random.NextDouble() < 0.2 ? Provinces[random.Next(Provinces.Length)] : CommuneCode(random.Next(communes));
                var procedure = (int)Math.Min(Procedures - 1, Math.Abs(random.NextDouble() * random.NextDouble()) * Procedures);
                var draw = random.NextDouble();
                var channel = draw < 0.85 ? "online" : draw < 0.97 ? "counter" : "postal";
                var received = start.AddDays(random.Next(365)).AddHours(7 + random.Next(10)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
                var due = received.Date.AddDays(1 + random.Next(20)).AddHours(17);
                DateTime? finished = null;
                var outcome = random.NextDouble();
                if (outcome < 0.80)
                {
                    finished = received.AddSeconds(random.Next(600, (int)(due - received).TotalSeconds));
                }
                else if (outcome < 0.93)
                {
                    finished = due.AddMinutes(random.Next(10, 15 * 24 * 60));
                }

                var status = finished is null ? OpenStatuses[random.Next(OpenStatuses.Length)] : DoneStatuses[random.Next(DoneStatuses.Length)];
                Append(line, row, unit, procedure, procedureNames[procedure], channel, received, due, finished, status);
                if (finished is null && RepeatedShare > 0 && random.NextDouble() < 0.5)
                {
                    repeats.Enqueue((row, unit, procedure, channel, received, due));
                }
            }

            writer.Write(line);
        }
    }

    public static string ProcedureCode(int index) => string.Create(CultureInfo.InvariantCulture, $"{1 + index % 2}.{index + 1000:D6}");

    private static string CommuneCode(int index) => string.Create(CultureInfo.InvariantCulture, $"{index + 1:D5}");

    private static void Append(StringBuilder line, long id, string unit, int procedure, string procedureName, string channel, DateTime received, DateTime due, DateTime? finished, string status)
    {
        var invariant = CultureInfo.InvariantCulture;
        line.Clear();
        line.Append(invariant, $"H{unit}-{id:D9},{ProcedureCode(procedure)},\"{procedureName}\",{unit},{channel},");
        line.Append(received.ToString("dd/MM/yyyy HH:mm:ss", invariant)).Append(',');
        line.Append(due.ToString("dd/MM/yyyy HH:mm:ss", invariant)).Append(',');
        if (finished is { } f)
        {
            line.Append(f.ToString("dd/MM/yyyy HH:mm:ss", invariant));
        }

        line.Append(',').Append(status).Append('\n');
    }
}
