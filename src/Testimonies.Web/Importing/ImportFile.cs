namespace Testimonies.Web.Importing;

/// <summary>A named file to import (from data/, an upload, or the command line).</summary>
public sealed record ImportFile(string Name, byte[] Content);
