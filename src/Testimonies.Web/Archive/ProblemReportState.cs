namespace Testimonies.Web.Archive;

/// <summary>Where a problem report stands in the editors' queue (Names.ProblemReportStates has their words).</summary>
public enum ProblemReportState
{
    Open,
    Accepted,
    Declined,
    Done,
}
