using OpenDti.Dossiers.Kpis;

namespace OpenDti.Dossiers.Output;

/// <summary>
/// Writes a result's KPI file; the side file of skipped rows, <c>NAME.rejected.csv</c> beside it, is written by
/// the computation itself (<see cref="DossierKpiOptions.RejectedRowsPath"/>), straight from its temporary files.
/// Each file is written under a temporary name and renamed when complete, so a reader never sees half a
/// file; a refused result writes nothing.
/// </summary>
public static class KpiFiles
{
    /// <summary>Writes the KPI file and returns the side file's path, if rows were rejected and written there.</summary>
    public static string? Write(DossierKpiResult result, string kpiPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsRefused)
        {
            throw new InvalidOperationException("A refused file has no KPIs to write.");
        }

        WriteAtomically(kpiPath, path => KpiCsvWriter.Write(path, result.Rows));
        return result.RejectedRowsPath;
    }

    /// <summary><c>DIR/NAME.csv</c> → <c>DIR/NAME.rejected.csv</c>.</summary>
    public static string RejectedPath(string kpiPath)
    {
        ArgumentNullException.ThrowIfNull(kpiPath);
        return Path.Combine(Path.GetDirectoryName(kpiPath) ?? "", Path.GetFileNameWithoutExtension(kpiPath) + ".rejected.csv");
    }

    private static void WriteAtomically(string path, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
