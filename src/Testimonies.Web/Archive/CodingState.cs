namespace Testimonies.Web.Archive;

/// <summary>How a statement's published reasons were arrived at.</summary>
public enum CodingState
{
    /// <summary>No coding is recorded: the reasons came with the statement (the import's reasons column).</summary>
    NotRecorded,

    /// <summary>One coder coded it: the reasons are that coder's ("coded by one coder").</summary>
    OneCoder,

    /// <summary>Two or more coders coded it independently and gave the same reasons.</summary>
    Agreed,

    /// <summary>The coders disagreed and an editor decided.</summary>
    Decided,

    /// <summary>The coders disagree and no editor has decided yet: only the reasons all of them gave are published.</summary>
    AwaitingDecision,
}
