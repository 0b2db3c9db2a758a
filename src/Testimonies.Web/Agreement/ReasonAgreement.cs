namespace Testimonies.Web.Agreement;

/// <summary>Agreement on one reason: present or absent per statement.</summary>
public sealed record ReasonAgreement(string Slug, string Name, Alpha Alpha);
