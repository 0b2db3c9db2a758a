using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Testimonies.Web.Archive;

/// <summary>
/// The one store: the archive, its maintainers' accounts (Identity) and the keys that protect their
/// sessions. This type carries the SQLite migrations; <see cref="PostgresArchiveDbContext"/> is the same
/// model with PostgreSQL's.
/// </summary>
public class ArchiveDbContext : IdentityDbContext<Maintainer>, IDataProtectionKeyContext
{
    public ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : base(options) { }

    protected ArchiveDbContext(DbContextOptions options) : base(options) { }

    /// <summary>True on PostgreSQL, where the few statements written in SQL (search, bulk import) differ.</summary>
    public bool IsPostgres => Database.IsNpgsql();

    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<SourceText> SourceTexts => Set<SourceText>();
    public DbSet<Reason> Reasons => Set<Reason>();
    public DbSet<PublishedFinding> Findings => Set<PublishedFinding>();
    public DbSet<ArchiveState> State => Set<ArchiveState>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<ImportFileContent> ImportFiles => Set<ImportFileContent>();
    public DbSet<StatementRevision> Revisions => Set<StatementRevision>();
    public DbSet<StatementVersion> StatementVersions => Set<StatementVersion>();
    public DbSet<RowRevision> RowRevisions => Set<RowRevision>();
    public DbSet<CodebookVersion> CodebookVersions => Set<CodebookVersion>();
    public DbSet<Coder> Coders => Set<Coder>();
    public DbSet<Coding> Codings => Set<Coding>();
    public DbSet<CodingDecision> CodingDecisions => Set<CodingDecision>();
    public DbSet<ProblemReport> ProblemReports => Set<ProblemReport>();
    public DbSet<CuratedSet> CuratedSets => Set<CuratedSet>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Marks the archive as changed; call inside the transaction that changes it.</summary>
    public Task<int> BumpVersionAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("""UPDATE "ArchiveState" SET "Version" = "Version" + 1 WHERE "Id" = 1;""", cancellationToken);

    /// <summary>The archive's version as the store has it now; <see cref="ArchiveVersion"/> holds it for a request.</summary>
    public Task<long> ReadVersionAsync(CancellationToken cancellationToken) =>
        State.Where(s => s.Id == 1).Select(s => s.Version).SingleAsync(cancellationToken);

    /// <summary>The latest version of each source's text (the one the reader shows and imports check against).</summary>
    public IQueryable<SourceText> LatestSourceTexts =>
        SourceTexts.Where(t => !SourceTexts.Any(n => n.SourceId == t.SourceId && n.Version > t.Version));

    /// <summary>The codebook's current version (the highest number); empty before any codebook is recorded.</summary>
    public IQueryable<CodebookVersion> CurrentCodebook => CodebookVersions.OrderByDescending(v => v.Number).Take(1);

    /// <summary>Statements the public may see.</summary>
    public IQueryable<Statement> PublishedStatements =>
        Statements.Where(s => s.Status == PublicationStatus.Published);

    /// <summary>Published statements in source order: every list, feed and export of them uses this order.</summary>
    public IQueryable<Statement> PublishedInSourceOrder => InSourceOrder(PublishedStatements);

    /// <summary>
    /// The one order of statements: by their source's title, then source, then where they stand in it
    /// (the search catalog reads the same order in SQL).
    /// </summary>
    public static IOrderedQueryable<Statement> InSourceOrder(IQueryable<Statement> statements) =>
        statements.OrderBy(s => s.Source.Title).ThenBy(s => s.SourceId).ThenBy(s => s.Position);

    /// <summary>
    /// SQLite cannot order by DateTimeOffset: moments are stored as sortable ISO 8601 text in UTC. EF passes nulls by, so the
    /// same converter serves optional moments.
    /// </summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, string> MomentAsText =
        new(d => d.UtcDateTime.ToString("O"), s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder); // Identity's tables
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().HasData(MaintainerRoles.Rows());
        builder.Entity<ArchiveState>().ToTable("ArchiveState").HasData(new ArchiveState { Id = 1, Version = 0 });

        builder.Entity<Source>(source =>
        {
            source.HasIndex(s => s.Key).IsUnique();
            source.Property(s => s.Key).HasMaxLength(80);
            source.Property(s => s.Published)
                .HasConversion(d => d.ToString(), text => PartialDate.Parse(text))
                .HasMaxLength(10);
        });

        builder.Entity<SourceText>(text =>
        {
            text.HasIndex(t => new { t.SourceId, t.Version }).IsUnique();
            text.HasOne(t => t.Source).WithMany(s => s.Texts).OnDelete(DeleteBehavior.Cascade);
            text.Property(t => t.Sha256).HasMaxLength(64);
            text.Property(t => t.TakenOn)
                .HasConversion(d => d == null ? null : d.Value.ToString(), text => text == null ? null : PartialDate.Parse(text))
                .HasMaxLength(10);
            text.Property(t => t.StoredAt).HasConversion(MomentAsText);
        });

        builder.Entity<Speaker>(speaker =>
        {
            speaker.HasIndex(s => s.Key).IsUnique();
            speaker.Property(s => s.Key).HasMaxLength(80);
            speaker.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<Reason>(reason =>
        {
            reason.HasIndex(r => r.Slug).IsUnique();
            reason.Property(r => r.Slug).HasMaxLength(80);
            reason.Property(r => r.Theme).HasConversion<string>().HasMaxLength(30);
        });

        builder.Entity<Statement>(statement =>
        {
            statement.HasIndex(s => s.PublicId).IsUnique();
            statement.HasIndex(s => new { s.SourceId, s.Position });
            statement.Property(s => s.PublicId).HasMaxLength(40);
            statement.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            statement.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            statement.Property(s => s.Language).HasMaxLength(35);
            statement.Property(s => s.SpokenLanguage).HasMaxLength(35);
            statement.Property(s => s.Provenance).HasConversion<string>().HasMaxLength(30);
            statement.HasOne(s => s.Speaker).WithMany(s => s.Statements).OnDelete(DeleteBehavior.Restrict);
            statement.HasOne(s => s.Source).WithMany(s => s.Statements).OnDelete(DeleteBehavior.Restrict);
            statement.HasMany(s => s.Reasons).WithMany(r => r.Statements).UsingEntity("StatementReasons");
        });

        builder.Entity<ImportRecord>(import =>
        {
            import.HasMany(i => i.Files).WithOne().HasForeignKey(f => f.ImportRecordId).OnDelete(DeleteBehavior.Cascade);
            import.Property(i => i.UploadedAt).HasConversion(MomentAsText);
        });

        builder.Entity<StatementRevision>(revision =>
        {
            revision.HasIndex(r => new { r.StatementId, r.At });
            revision.HasOne(r => r.Statement).WithMany(s => s.Revisions).OnDelete(DeleteBehavior.Cascade);
            revision.Property(r => r.At).HasConversion(MomentAsText);
        });

        builder.Entity<StatementVersion>(version =>
        {
            version.HasIndex(v => new { v.StatementId, v.Number }).IsUnique();
            version.HasOne(v => v.Statement).WithMany().OnDelete(DeleteBehavior.Cascade);
            version.HasOne(v => v.Revision).WithMany().OnDelete(DeleteBehavior.ClientSetNull);
            version.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
            version.Property(v => v.Language).HasMaxLength(35);
            version.Property(v => v.SpeakerKey).HasMaxLength(80);
            version.Property(v => v.SourceKey).HasMaxLength(80);
            version.Property(v => v.At).HasConversion(MomentAsText);
        });

        builder.Entity<RowRevision>(revision =>
        {
            revision.HasIndex(r => new { r.Table, r.Key, r.At });
            revision.Property(r => r.Table).HasMaxLength(20);
            revision.Property(r => r.Key).HasMaxLength(80);
            revision.Property(r => r.At).HasConversion(MomentAsText);
        });

        builder.Entity<CodebookVersion>(version =>
        {
            version.HasIndex(v => v.Number).IsUnique();
            version.Property(v => v.RecordedAt).HasConversion(MomentAsText);
        });

        builder.Entity<Coder>(coder =>
        {
            coder.HasIndex(c => c.Key).IsUnique();
            coder.HasIndex(c => c.MaintainerId).IsUnique();
            coder.Property(c => c.Key).HasMaxLength(80);
            coder.Property(c => c.MaintainerId).HasMaxLength(450);
        });

        builder.Entity<Coding>(coding =>
        {
            coding.HasIndex(c => new { c.StatementId, c.CoderId });
            coding.HasIndex(c => new { c.CoderId, c.CodebookVersion });
            coding.HasOne(c => c.Statement).WithMany(s => s.Codings).OnDelete(DeleteBehavior.Cascade);
            coding.HasOne(c => c.Coder).WithMany(c => c.Codings).OnDelete(DeleteBehavior.Restrict);
            coding.HasOne(c => c.Reason).WithMany().OnDelete(DeleteBehavior.Restrict);
            coding.Property(c => c.Confidence).HasConversion<string>().HasMaxLength(20);
            coding.Property(c => c.Origin).HasMaxLength(40);
            coding.Property(c => c.CodedAt).HasConversion(MomentAsText);
            coding.Property(c => c.ReplacedAt).HasConversion(MomentAsText);
        });

        builder.Entity<CodingDecision>(decision =>
        {
            decision.HasIndex(d => new { d.StatementId, d.DecidedAt });
            decision.HasOne(d => d.Statement).WithMany(s => s.CodingDecisions).OnDelete(DeleteBehavior.Cascade);
            decision.Property(d => d.Origin).HasMaxLength(40);
            decision.Property(d => d.DecidedAt).HasConversion(MomentAsText);
            decision.Property(d => d.ReplacedAt).HasConversion(MomentAsText);
        });

        builder.Entity<ProblemReport>(report =>
        {
            report.HasIndex(r => new { r.State, r.ReceivedAt });
            report.HasOne(r => r.Statement).WithMany().OnDelete(DeleteBehavior.Cascade);
            report.HasOne(r => r.FixedByRevision).WithMany().OnDelete(DeleteBehavior.Restrict);
            report.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
            report.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            report.Property(r => r.Description).HasMaxLength(ProblemReport.DescriptionMaxLength);
            report.Property(r => r.Contact).HasMaxLength(ProblemReport.ContactMaxLength);
            report.Property(r => r.Note).HasMaxLength(ProblemReport.NoteMaxLength);
            report.Property(r => r.ChangedBy).HasMaxLength(256);
            report.Property(r => r.ReceivedAt).HasConversion(MomentAsText);
            report.Property(r => r.ChangedAt).HasConversion(MomentAsText);
        });

        builder.Entity<CuratedSet>(set =>
        {
            set.HasIndex(c => c.Slug).IsUnique();
            set.Property(c => c.Slug).HasMaxLength(CuratedSet.SlugMaxLength);
            set.Property(c => c.Title).HasMaxLength(CuratedSet.TitleMaxLength);
            set.Property(c => c.Description).HasMaxLength(CuratedSet.DescriptionMaxLength);
            set.Property(c => c.StatementIds).HasMaxLength(CuratedSet.StatementIdsMaxLength);
            set.Property(c => c.ChangedBy).HasMaxLength(256);
            set.Property(c => c.ChangedAt).HasConversion(MomentAsText);
        });

        builder.Entity<PublishedFinding>(finding =>
        {
            finding.HasIndex(f => f.Key).IsUnique();
            finding.Property(f => f.Key).HasMaxLength(80);
            finding.HasOne(f => f.Source).WithMany(s => s.Findings).OnDelete(DeleteBehavior.Restrict);
            finding.HasMany(f => f.Reasons).WithMany(r => r.Findings).UsingEntity("FindingReasons");
        });
    }
}
