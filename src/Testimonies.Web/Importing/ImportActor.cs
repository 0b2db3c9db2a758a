namespace Testimonies.Web.Importing;

/// <summary>
/// Who makes a change and through what, as revisions record it: ("ada@example.org", "import 12"), ("data folder", "load").
/// </summary>
public sealed record ImportActor(string By, string Origin, DateTimeOffset At);
