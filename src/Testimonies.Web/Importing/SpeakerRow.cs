namespace Testimonies.Web.Importing;

/// <summary>One row of speakers.csv, typed. <see cref="At"/> is the record it came from, for locating problems.</summary>
public sealed record SpeakerRow(RawRecord At, string Key, string? Name, string Description, string? Label, string? Nationality,
    SpeakerRole Role, bool IsGroup, string? Notes);
