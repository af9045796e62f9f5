using Karmada.Security.Kubeconfigs;

namespace Karmada.Security.Tests.Infrastructure;

public static class KubeconfigTestExtensions
{
    /// <summary>Replaces the token of every user, for tests of wrong credentials.</summary>
    public static Kubeconfig WithToken(this Kubeconfig config, string token)
    {
        foreach (var user in config.Users)
        {
            user.User.Token = token;
        }

        return config;
    }
}
