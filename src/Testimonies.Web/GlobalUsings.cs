// Namespaces nearly every file of the site uses: the store (EF Core and the archive's model, the bottom layer)
// and, for the pages, Razor Pages. Anything else is imported where it is used.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using Testimonies.Web.Archive;
