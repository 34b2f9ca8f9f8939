using OpenDti.Domain.Problems;

namespace OpenDti.Features.Events;

/// <summary>Why an operation on an event was refused.</summary>
public enum EventRefusal
{
    /// <summary>Bad input: see the problems.</summary>
    Invalid,

    /// <summary>No such event (or bridge point, course).</summary>
    NotFound,

    /// <summary>The actor may not manage the host unit.</summary>
    Forbidden,

    /// <summary>The event is closed, or someone changed it meanwhile.</summary>
    Conflict,
}

/// <summary>The outcome of an operation on an event: done with a value, or refused with its problems.</summary>
public sealed record EventResult<T>(T? Value, EventRefusal? Refusal, IReadOnlyList<InputProblem> Problems)
{
    public bool Succeeded => Refusal is null;

    /// <summary>The HTTP status of the refusal (403, 404, 409, else 422), for every page that shows it.</summary>
    public int HttpStatus => Refusal switch
    {
        EventRefusal.Forbidden => StatusCodes.Status403Forbidden,
        EventRefusal.NotFound => StatusCodes.Status404NotFound,
        EventRefusal.Conflict => StatusCodes.Status409Conflict,
        null => StatusCodes.Status200OK,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public EventResult<TOther> As<TOther>() => new(default, Refusal, Problems);
}

/// <summary>Makes <see cref="EventResult{T}"/> values.</summary>
public static class EventResult
{
    public static EventResult<T> Done<T>(T value) => new(value, null, []);

    public static EventResult<T> Refused<T>(EventRefusal refusal, params InputProblem[] problems) => new(default, refusal, problems);

    public static EventResult<T> Invalid<T>(IReadOnlyList<InputProblem> problems) => new(default, EventRefusal.Invalid, problems);
}
