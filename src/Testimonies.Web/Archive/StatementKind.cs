namespace Testimonies.Web.Archive;

public enum StatementKind
{
    Quotation,
    Paraphrase,
}
