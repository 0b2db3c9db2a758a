namespace Testimonies.Web;

/// <summary>One options class and the configuration section it is bound from.</summary>
public sealed record SettingsSection(string Name, Type OptionsType, Action<IServiceCollection> Bind)
{
    public static SettingsSection Of<TOptions>(string name) where TOptions : class =>
        new(name, typeof(TOptions), services => services.AddOptions<TOptions>().BindConfiguration(name));
}
