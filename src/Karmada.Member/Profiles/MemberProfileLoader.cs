using System.Text.RegularExpressions;
using Karmada.Api.Core;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Karmada.Member.Profiles;

/// <summary>Reads and validates member profiles (YAML, camelCase keys, unknown keys rejected).</summary>
public static partial class MemberProfileLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static async Task<MemberProfile> LoadAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new MemberProfile();
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text);
    }

    /// <summary>Parses a profile; throws <see cref="ArgumentException"/> with the reason when it is invalid.</summary>
    public static MemberProfile Parse(string yaml)
    {
        MemberProfile? profile;
        try
        {
            profile = Deserializer.Deserialize<MemberProfile?>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"invalid member profile: {ex.Message}", nameof(yaml), ex);
        }

        profile ??= new MemberProfile();
        Validate(profile);
        return profile;
    }

    public static void Validate(MemberProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Nodes is < 0 or > 5000)
        {
            throw new ArgumentException($"invalid member profile: nodes must be between 0 and 5000, not {profile.Nodes}");
        }

        if (!VersionPattern().IsMatch(profile.KubernetesVersion))
        {
            throw new ArgumentException($"invalid member profile: kubernetesVersion '{profile.KubernetesVersion}' is not of the form v1.31.0");
        }

        foreach (var (name, value) in profile.Capacity)
        {
            if (!Quantity.TryParse(value, out _))
            {
                throw new ArgumentException($"invalid member profile: capacity {name} '{value}' is not a quantity");
            }
        }

        foreach (var taint in profile.Taints)
        {
            if (string.IsNullOrEmpty(taint.Key) || taint.Effect is not ("NoSchedule" or "PreferNoSchedule" or "NoExecute"))
            {
                throw new ArgumentException($"invalid member profile: taint '{taint.Key}' needs a key and an effect NoSchedule, PreferNoSchedule or NoExecute");
            }
        }

        if (profile.PodStartupMilliseconds < 0 || profile.JobPodRunMilliseconds < 0 || profile.PodTerminationMilliseconds < 0)
        {
            throw new ArgumentException("invalid member profile: podStartupMilliseconds, jobPodRunMilliseconds and podTerminationMilliseconds must not be negative");
        }
    }

    /// <summary>The (major, minor) of a version such as <c>v1.31.0</c>.</summary>
    public static (string Major, string Minor) MajorMinor(string version)
    {
        var match = VersionPattern().Match(version);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    [GeneratedRegex(@"^v(\d+)\.(\d+)\.(\d+)([-+][0-9A-Za-z.\-+]*)?$")]
    private static partial Regex VersionPattern();
}
