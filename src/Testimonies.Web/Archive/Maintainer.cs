using Microsoft.AspNetCore.Identity;

namespace Testimonies.Web.Archive;

/// <summary>A person who may import, edit and unpublish; an ASP.NET Core Identity account in the archive's store.</summary>
public class Maintainer : IdentityUser;
