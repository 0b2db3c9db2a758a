namespace Testimonies.Web.Api;

public sealed record SpeakerRef(string Key, string? Name, string Description, string? Nationality, string Role, bool IsGroup);
