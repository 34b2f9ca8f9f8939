using System.Text;

namespace OpenDti.Dossiers.Input;

/// <summary>The first record of a file: its names, where the data starts (after a UTF-8 BOM, if any) and how many lines it took.</summary>
internal sealed record HeaderLine(IReadOnlyList<string> Names, long DataStart, int Lines)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads the header from the first bytes of the file; null if it has no complete first line within them.</summary>
    public static HeaderLine? Parse(ReadOnlySpan<byte> start, bool isWholeFile)
    {
        var offset = start.StartsWith(Bom) ? Bom.Length : 0;
        var names = new List<string>();
        var field = new StringBuilder();
        var bytes = new List<byte>();
        var inQuotes = false;
        var lines = 0;
        for (var i = offset; i < start.Length; i++)
        {
            var b = start[i];
            if (inQuotes)
            {
                if (b == '"')
                {
                    if (i + 1 < start.Length && start[i + 1] == '"')
                    {
                        bytes.Add(b);
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    lines += b == '\n' ? 1 : 0;
                    bytes.Add(b);
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inQuotes = true;
                    break;
                case (byte)',':
                    names.Add(Take(bytes));
                    break;
                case (byte)'\n':
                    names.Add(Take(bytes));
                    return new HeaderLine(names, i + 1, lines + 1);
                default:
                    bytes.Add(b);
                    break;
            }
        }

        if (!isWholeFile || inQuotes)
        {
            return null;
        }

        names.Add(Take(bytes));
        return new HeaderLine(names, start.Length, lines + 1);

        static string Take(List<byte> bytes)
        {
            var text = Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
            bytes.Clear();
            return text;
        }
    }
}
