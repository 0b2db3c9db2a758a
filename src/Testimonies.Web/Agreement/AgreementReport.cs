using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage;

namespace Testimonies.Web.Agreement;

/// <summary>
/// Inter-coder agreement for each codebook version, over the published statements coded under that version by two or more
/// coders (their current codings only). Three kinds of figure:
/// per reason — each statement is a unit, each coder's value is whether they gave the reason (present or absent);
/// overall — each statement is a unit, each coder's value is the set of reasons they gave, as one nominal category
/// (an empty set, "no reason applies", is a category too), so two coders agree only when they gave exactly the same reasons;
/// pooled — every (statement, reason) pair is a binary unit, so partial agreement on a statement counts.
/// Statements coded under a version by one coder are counted, never compared.
/// </summary>
public sealed record AgreementReport(IReadOnlyList<VersionAgreement> Versions)
{
    /// <summary>Krippendorff (2004), Content Analysis, 2nd ed., §11.4: rely on data with α ≥ 0.800.</summary>
    public const double Reliable = 0.800;

    /// <summary>The same: 0.667 ≤ α &lt; 0.800 for tentative conclusions only.</summary>
    public const double Tentative = 0.667;

    /// <summary>A current coding as the report reads it.</summary>
    public readonly record struct CodingRow(int Version, int StatementId, int CoderId, int? ReasonId);

    public sealed record ReasonName(int Id, string Slug, string Name);

    /// <param name="Slugs">The version's codes; null when the archive does not hold them (then every reason is listed).</param>
    public sealed record VersionInfo(int Number, DateOnly Dated, IReadOnlySet<string>? Slugs);

    public static async Task<AgreementReport> ComputeAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(db, cancellationToken);
        var reasons = await db.Reasons.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Slug)
            .Select(r => new ReasonName(r.Id, r.Slug, r.Name)).ToListAsync(cancellationToken);
        var versions = (await db.CodebookVersions.AsNoTracking().ToListAsync(cancellationToken))
            .Select(v => new VersionInfo(v.Number, v.Dated, v.Codes()?.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        return Compute(rows, reasons, versions);
    }

    /// <summary>
    /// The current codings of published statements, in one query. Read with a data reader: EF's materializer took most of
    /// the report's time on a large archive (docs/performance.md, "Agreement").
    /// </summary>
    public static async Task<List<CodingRow>> ReadAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var connection = await SqlCommands.OpenAsync(db, cancellationToken);
        await using var command = SqlCommands.Create(connection, db.Database.CurrentTransaction?.GetDbTransaction(), """
            SELECT c."CodebookVersion", c."StatementId", c."CoderId", c."ReasonId"
            FROM "Codings" AS c INNER JOIN "Statements" AS s ON s."Id" = c."StatementId"
            WHERE c."ReplacedAt" IS NULL AND s."Status" = @published
            """, ("@published", nameof(PublicationStatus.Published)));
        var rows = new List<CodingRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new CodingRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3)));
        return rows;
    }

    /// <summary>The figures from rows already read (the benchmark times this part alone).</summary>
    public static AgreementReport Compute(IReadOnlyList<CodingRow> rows, IReadOnlyList<ReasonName> reasons,
        IReadOnlyList<VersionInfo> versions)
    {
        var info = versions.ToDictionary(v => v.Number);
        var result = rows.GroupBy(r => r.Version).OrderByDescending(g => g.Key)
            .Select(g => OfVersion(g.Key, info.GetValueOrDefault(g.Key), g.ToList(), reasons))
            .ToList();
        return new AgreementReport(result);
    }

    private static VersionAgreement OfVersion(int number, VersionInfo? info, List<CodingRow> rows, IReadOnlyList<ReasonName> all)
    {
        var used = rows.Where(r => r.ReasonId is not null).Select(r => r.ReasonId!.Value).ToHashSet();
        var reasons = all.Where(r => info?.Slugs is not { } slugs || slugs.Contains(r.Slug) || used.Contains(r.Id)).ToList();
        var column = reasons.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var statement = new Dictionary<int, int>();
        var coder = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            statement.TryAdd(row.StatementId, statement.Count);
            coder.TryAdd(row.CoderId, coder.Count);
        }
        int units = statement.Count, coders = coder.Count, words = Math.Max(1, (reasons.Count + 63) / 64);

        // Each (statement, coder) cell: whether the coder coded it, and the reasons given as a bit set.
        var coded = new bool[units * coders];
        var masks = new ulong[units * coders * words];
        foreach (var row in rows)
        {
            var cell = statement[row.StatementId] * coders + coder[row.CoderId];
            coded[cell] = true;
            if (row.ReasonId is { } reasonId)
            {
                var bit = column[reasonId];
                masks[cell * words + bit / 64] |= 1UL << (bit % 64);
            }
        }

        // Only statements coded by two or more coders enter the figures.
        var pairable = new List<int>();
        var byOne = 0;
        for (var u = 0; u < units; u++)
        {
            var m = 0;
            for (var c = 0; c < coders; c++)
                if (coded[u * coders + c]) m++;
            if (m >= 2) pairable.Add(u);
            else byOne++;
        }

        var data = new int[pairable.Count * coders];
        var perReason = new List<ReasonAgreement>(reasons.Count);
        for (var r = 0; r < reasons.Count; r++)
        {
            Fill(data, pairable, coders, coded, cell => (int)(masks[cell * words + r / 64] >> (r % 64)) & 1);
            perReason.Add(new ReasonAgreement(reasons[r].Slug, reasons[r].Name, Krippendorff.Nominal(data, coders, 2)));
        }

        // Overall: each distinct set of reasons is one category.
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var single = new Dictionary<ulong, int>();
        Fill(data, pairable, coders, coded, cell =>
        {
            if (words == 1)
            {
                if (!single.TryGetValue(masks[cell], out var id)) single[masks[cell]] = id = single.Count;
                return id;
            }
            var key = string.Join(',', masks.AsSpan(cell * words, words).ToArray());
            if (!categories.TryGetValue(key, out var many)) categories[key] = many = categories.Count;
            return many;
        });
        var overall = Krippendorff.Nominal(data, coders, Math.Max(single.Count, categories.Count));

        // Pooled: unit (statement, reason).
        var pooled = new int[pairable.Count * reasons.Count * coders];
        for (var p = 0; p < pairable.Count; p++)
            for (var r = 0; r < reasons.Count; r++)
                for (var c = 0; c < coders; c++)
                {
                    var cell = pairable[p] * coders + c;
                    pooled[(p * reasons.Count + r) * coders + c] =
                        coded[cell] ? (int)(masks[cell * words + r / 64] >> (r % 64)) & 1 : Krippendorff.Missing;
                }
        var pooledAlpha = Krippendorff.Nominal(pooled, coders, 2);

        return new VersionAgreement(number, info?.Dated, units, byOne, pairable.Count, coders, perReason, overall, pooledAlpha);
    }

    private static void Fill(int[] data, List<int> pairable, int coders, bool[] coded, Func<int, int> value)
    {
        for (var p = 0; p < pairable.Count; p++)
            for (var c = 0; c < coders; c++)
            {
                var cell = pairable[p] * coders + c;
                data[p * coders + c] = coded[cell] ? value(cell) : Krippendorff.Missing;
            }
    }

    /// <summary>How an alpha may be read against the thresholds, in the archive's words.</summary>
    public static string Reading(Alpha alpha) => alpha switch
    {
        { Undefined: AlphaUndefined.NoPairableValues } => "not computable: no statement coded by two or more coders",
        { Undefined: AlphaUndefined.NoVariation } => "not computable: every coder gave every statement the same value",
        { Value: >= Reliable } => "reliable (α ≥ 0.800)",
        { Value: >= Tentative } => "tentative conclusions only (0.667 ≤ α < 0.800)",
        _ => "not reliable (α < 0.667)",
    };

    /// <summary>"0.743", or "—" when undefined.</summary>
    public static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    /// <summary>"91.7 %", or "—" when there are no pairs.</summary>
    public static string FormatPercent(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    /// <summary>What a version's figures rest on, as one sentence ("18 statements coded by one coder; none coded twice").</summary>
    public static string Coverage(VersionAgreement version)
    {
        static string Statements(int n) => n == 1 ? "1 statement" : $"{n.ToString("N0", CultureInfo.InvariantCulture)} statements";
        var twice = version.CodedByTwoOrMore == 0 ? "none coded by two or more coders"
            : $"{Statements(version.CodedByTwoOrMore)} coded independently by two or more coders";
        var once = version.CodedByOne == 0 ? "none coded by one coder only" : $"{Statements(version.CodedByOne)} coded by one coder only";
        return version.CodedByTwoOrMore == 0
            ? $"{Statements(version.CodedByOne)} coded by one coder; none coded twice"
            : $"{twice}; {once}";
    }

    /// <summary>The report as data, for /codebook/agreement.json and /statistics.json.</summary>
    public object ToJson() => new
    {
        method = "Krippendorff's alpha for nominal data, per codebook version, over published statements coded by two or more "
            + "coders (their current codings). Per reason: present or absent per statement. Overall: each statement's set of "
            + "reasons as one category. Pooled: every (statement, reason) pair as one binary unit.",
        thresholds = new { reliable = Reliable, tentative = Tentative, source = "Krippendorff (2004), Content Analysis, 2nd ed., §11.4" },
        versions = Versions.Select(v => new
        {
            codebook_version = v.Number,
            dated = v.Dated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            statements_coded = v.Statements,
            statements_coded_by_one_coder = v.CodedByOne,
            statements_coded_by_two_or_more = v.CodedByTwoOrMore,
            coders = v.Coders,
            coverage = Coverage(v),
            reasons = v.Reasons.Select(r => Json(r.Alpha, r.Slug, r.Name, r.Alpha.PairableUnits)),
            overall = Json(v.Overall, null, null, v.Overall.PairableUnits),
            pooled = Json(v.Pooled, null, null, v.CodedByTwoOrMore),
        }),
    };

    private static object Json(Alpha alpha, string? slug, string? name, int statements) => new
    {
        reason = slug,
        name,
        alpha = alpha.Value is { } a ? Math.Round(a, 3) : (double?)null,
        undefined = alpha.Undefined switch
        {
            AlphaUndefined.NoPairableValues => "no-pairable-values",
            AlphaUndefined.NoVariation => "no-variation",
            _ => null,
        },
        percent_agreement = alpha.PercentAgreement is { } p ? Math.Round(p, 1) : (double?)null,
        statements,
        units = alpha.PairableUnits,
        coders = alpha.Coders,
        pairable_values = alpha.PairableValues,
        reading = Reading(alpha),
    };

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
