using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Karmada.Security.Kubeconfigs;

/// <summary>Reads kubeconfig files (YAML or JSON); fields not in the model are ignored.</summary>
public static class KubeconfigReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Parses kubeconfig text.</summary>
    /// <exception cref="FormatException">The text is not a kubeconfig document.</exception>
    public static Kubeconfig Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);

        Kubeconfig? config;
        try
        {
            config = Deserializer.Deserialize<Kubeconfig?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"Invalid kubeconfig: {ex.Message}", ex);
        }

        // An empty document is an empty kubeconfig, as for kubectl; null lists from "clusters:" become empty lists.
        config ??= new Kubeconfig();
        config.Clusters ??= [];
        config.Contexts ??= [];
        config.Users ??= [];
        return config;
    }

    /// <summary>Reads and parses the kubeconfig at <paramref name="path"/>.</summary>
    public static async Task<Kubeconfig> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(await File.ReadAllTextAsync(path, cancellationToken));
    }
}
