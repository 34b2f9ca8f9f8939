namespace OpenDti.Domain.Events;

/// <summary>How people take part in an event.</summary>
public enum ConferenceFormat
{
    /// <summary>In person only (trực tiếp).</summary>
    InPerson,

    /// <summary>Online only (trực tuyến), through a video-conference link.</summary>
    Online,

    /// <summary>In person and online (kết hợp).</summary>
    Hybrid,
}
