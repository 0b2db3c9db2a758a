namespace Testimonies.Web.Importing;

/// <summary>A row's identifying key and a short label, for the maintainers' lists.</summary>
public sealed record ListedRow(string Key, string Label, string? Status);
