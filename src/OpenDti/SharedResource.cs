namespace OpenDti;

/// <summary>
/// The marker type of the UI strings: Resources/SharedResource.resx holds Vietnamese (the default),
/// Resources/SharedResource.en.resx English; keys are the English text.
/// </summary>
public sealed class SharedResource;
