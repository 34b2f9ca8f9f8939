using OpenDti.Web;

namespace OpenDti.Features.DataEntry.Templates;

/// <summary>
/// The CSV template: UTF-8 with a byte order mark, comma-separated, one row per (unit, measure) with the
/// columns of <see cref="TemplateLayout.CsvColumns"/>, numbers with a decimal point. <c>version</c> is the
/// stored value's version (empty when there is none), so that an upload can tell a value someone changed
/// since the download. Written by <see cref="TableExport"/>, which neutralises text a spreadsheet would take
/// for a formula; the upload undoes that.
/// </summary>
internal static class TemplateCsv
{
    public static byte[] Write(TemplateContent content)
    {
        var rows = new List<IReadOnlyList<object?>>(content.Units.Count * content.DataSet.Fields.Count);
        var period = content.Period.ToString();
        foreach (var unit in content.Units)
        {
            foreach (var field in content.DataSet.Fields)
            {
                var value = content.ValueOf(unit, field);
                rows.Add([unit.Code.Value, unit.Name, field.Measure.Code.Value, field.Measure.Name, period, value?.Value, value?.Comment, value?.ConcurrencyToken.ToString("D")]);
            }
        }

        return new TableExport(TemplateLayout.CsvColumns, rows).ToCsv();
    }
}
