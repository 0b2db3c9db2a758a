namespace Testimonies.Web.Archive;

/// <summary>What a reader says is wrong with a statement (Names.ProblemKinds has their words).</summary>
public enum ProblemKind
{
    Words,
    Attribution,
    Coding,
    SafetyOrPrivacy,
    Other,
}
