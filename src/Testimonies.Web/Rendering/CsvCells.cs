namespace Testimonies.Web.Rendering;

/// <summary>What every CSV file the site writes does to its cells, and what the import undoes.</summary>
public static class CsvCells
{
    /// <summary>
    /// A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading
    /// apostrophe, so opening an export never executes anything. A cell that already looks neutralised (apostrophes,
    /// then one of those) gets one more, so that <see cref="RestoreFormula"/> gives back exactly the original.
    /// </summary>
    public static string? NeutraliseFormula(string? cell) => IsFormulaAfterApostrophes(cell, 0) ? "'" + cell : cell;

    /// <summary>
    /// The import's inverse of <see cref="NeutraliseFormula"/>: one leading apostrophe is removed from a cell whose
    /// apostrophes are followed by a formula character, so the dataset's CSV imports back as the archive it came from.
    /// </summary>
    public static string? RestoreFormula(string? cell) => IsFormulaAfterApostrophes(cell, 1) ? cell![1..] : cell;

    private static bool IsFormulaAfterApostrophes(string? cell, int atLeast)
    {
        if (cell is null) return false;
        var start = 0;
        while (start < cell.Length && cell[start] == '\'') start++;
        return start >= atLeast && start < cell.Length && cell[start] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}
