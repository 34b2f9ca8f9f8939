using OpenDti.Domain.Geography;
using OpenDti.Domain.Problems;

namespace OpenDti.Features.Events;

/// <summary>What <c>_EventForm.cshtml</c> shows: the form, the host units to choose from, the problems of the last post and the button.</summary>
public sealed record EventFormView(EventForm Form, IReadOnlyList<ReportingUnit> HostUnits, IReadOnlyList<InputProblem> Problems, string SubmitLabel);
