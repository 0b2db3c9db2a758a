namespace Testimonies.Web.Api;

public sealed record SpeakerItem(string Key, string? Name, string Description, string? Nationality, string Role, bool IsGroup,
    int Statements);
