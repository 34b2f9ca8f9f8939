using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenDti.Domain.Frameworks;
using OpenDti.Domain.Geography;
using OpenDti.Domain.Values;

namespace OpenDti.Store.Model;

internal sealed class UnitCodeConverter() : ValueConverter<UnitCode, string>(code => code.Value, text => new UnitCode(text));

internal sealed class MeasureCodeConverter() : ValueConverter<MeasureCode, string>(code => code.Value, text => new MeasureCode(text));

internal sealed class PeriodConverter() : ValueConverter<Period, string>(period => period.ToString(), text => Period.Parse(text));
