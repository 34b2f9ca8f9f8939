namespace OpenDti.Domain.Events;

/// <summary>
/// The measures that events and training feed (see the measure catalogue in the store's seed), written for
/// the host unit and the year, through the one value path with the channel "events".
/// </summary>
public static class EventMeasures
{
    /// <summary>Awareness events held (conferences, training events, workshops closed with their attendance).</summary>
    public const string AwarenessEvents = "AWARENESS_EVENTS";

    /// <summary>Participants in those events: the sum of the bridge points' reported attendance.</summary>
    public const string AwarenessParticipants = "AWARENESS_PARTICIPANTS";

    /// <summary>Officials who completed a training course hosted by the unit in the year.</summary>
    public const string OfficialsTrained = "OFFICIALS_TRAINED";

    /// <summary>Officials of the unit (entered by the unit): the denominator of the share trained.</summary>
    public const string OfficialsTotal = "OFFICIALS_TOTAL";
}
