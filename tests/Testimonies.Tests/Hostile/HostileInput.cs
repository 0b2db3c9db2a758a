namespace Testimonies.Tests.Hostile;

/// <summary>
/// One hostile file: its name and bytes, and what the refusal must say: the file (and line) it names and a piece of the
/// message. <see cref="Accepted"/> inputs are data that is safe to hold (markup, formulas), checked for what they must not do.
/// </summary>
public sealed record HostileInput(string Kind, string FileName, byte[] Content, string Where, string Message, bool Accepted = false)
{
    public override string ToString() => Kind;
}
