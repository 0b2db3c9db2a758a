namespace Testimonies.Web.Reports;

/// <summary>A refused report or save: the status to answer with, and each problem beside its field (null: the form's).</summary>
public sealed record ReportRefusal(int Status, IReadOnlyList<(string? Field, string Message)> Problems)
{
    public static ReportRefusal Invalid(IReadOnlyList<(string? Field, string Message)> problems) =>
        new(StatusCodes.Status422UnprocessableEntity, problems);

    public static ReportRefusal Of(int status, string message) => new(status, [(null, message)]);
}
