namespace Testimonies.Web.Importing;

/// <summary>Why an import wrote nothing; a page answers with the status that fits the kind, never by reading the message.</summary>
public enum ImportRefusal
{
    /// <summary>The files or the form break a limit, a rule of the format or a reference: the located problems say which.</summary>
    Invalid,

    /// <summary>Another import or preview holds <see cref="ImportGate"/> or the database's writer lock.</summary>
    Busy,

    /// <summary>The archive changed since the preview was made.</summary>
    StalePreview,

    /// <summary>The previewed import was applied already.</summary>
    AlreadyApplied,

    /// <summary>A form's row was changed since the form was opened (<see cref="RowVersion"/>).</summary>
    Changed,

    /// <summary>No import has that id.</summary>
    NotFound,
}
