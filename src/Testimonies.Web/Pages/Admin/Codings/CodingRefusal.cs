namespace Testimonies.Web.Pages.Admin.Codings;

/// <summary>Why a save was refused: the HTTP status and the message for the maintainer.</summary>
public sealed record CodingRefusal(int Status, string Message);
