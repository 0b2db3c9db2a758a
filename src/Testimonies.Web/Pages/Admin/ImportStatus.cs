using Testimonies.Web.Importing;

namespace Testimonies.Web.Pages.Admin;

/// <summary>The HTTP status that answers an import's refusal, chosen by its kind (the messages are for people).</summary>
public static class ImportStatus
{
    public static int For(ImportRefusal refusal) => refusal switch
    {
        // The request was fine; the archive's state stands in its way (another import, a newer version, done already, a newer row).
        ImportRefusal.Busy or ImportRefusal.StalePreview or ImportRefusal.AlreadyApplied or ImportRefusal.Changed
            => StatusCodes.Status409Conflict,
        ImportRefusal.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
