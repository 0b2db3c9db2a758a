namespace Testimonies.Web.Rendering;

/// <summary>What every CSV file the site writes does to its cells.</summary>
public static class CsvCells
{
    /// <summary>
    /// A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
    /// apostrophe, so opening an export never executes anything.
    /// </summary>
    public static string? NeutraliseFormula(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    public static string? RestoreFormula(string? cell) => cell;
}
