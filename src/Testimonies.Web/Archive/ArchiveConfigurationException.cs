namespace Testimonies.Web.Archive;

/// <summary>A setting of the store that cannot work; start-up stops with its message.</summary>
public sealed class ArchiveConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
