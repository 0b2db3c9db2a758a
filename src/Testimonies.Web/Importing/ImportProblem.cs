namespace Testimonies.Web.Importing;

/// <summary>One thing wrong with an import: where it is, what is wrong, and how to fix it.</summary>
public sealed record ImportProblem(string File, int? Line, string? Field, string Message)
{
    public override string ToString()
    {
        var where = Line is null ? File : $"{File}, line {Line}";
        return Field is null ? $"{where}: {Message}" : $"{where}, column “{Field}”: {Message}";
    }
}
