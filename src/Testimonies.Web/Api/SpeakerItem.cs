namespace Testimonies.Web.Api;

/// <summary>
/// A speaker: Description is the source's words, Label (where there is one) the archive's own short label; Role the role's key,
/// RoleLabel its label (<see cref="SpeakerRef"/>).
/// </summary>
public sealed record SpeakerItem(string Key, string? Name, string Description, string? Label, string? Nationality, string Role,
    bool IsGroup, int Statements, string RoleLabel);
