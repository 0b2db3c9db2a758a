namespace Testimonies.Web.Archive;

/// <summary>The three themes of the first source's chapter, plus everything else.</summary>
public enum Theme
{
    FightingInjustice,
    IslamicUnity,
    CorruptionAndBarbarism,
    Other,
}
