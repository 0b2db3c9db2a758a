namespace Testimonies.Web.Api;

/// <summary>
/// A speaker: Description is the source's words, Label (where there is one) the archive's own short label; Role the role's key
/// (fighter, foreign-fighter, defector), RoleLabel its label, as in the statement CSV's role and role_label.
/// </summary>
public sealed record SpeakerRef(string Key, string? Name, string Description, string? Label, string? Nationality, string Role,
    bool IsGroup, string RoleLabel);
