using System.Text.RegularExpressions;

namespace Karmada.Policy.Overrides;

/// <summary>
/// The parts of a container image reference <c>[host[:port]/]repository[:tag][@digest]</c>, parsed with
/// distribution's reference grammar and split as upstream <c>pkg/util/imageparser</c> splits it: the first path
/// segment is the host only when it contains <c>.</c> or <c>:</c> or is <c>localhost</c>; a tag takes precedence
/// over a digest.
/// </summary>
public sealed partial class ImageReference
{
    private const int NameTotalLengthMax = 255;

    private ImageReference(string hostname, string repository, string tag, string digest)
    {
        Hostname = hostname;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host, optionally with a port; empty when the image has none.</summary>
    public string Hostname { get; set; }

    /// <summary>The repository path without the host.</summary>
    public string Repository { get; set; }

    /// <summary>The tag; empty when unset.</summary>
    public string Tag { get; set; }

    /// <summary>The digest (<c>algorithm:hex</c>); empty when unset.</summary>
    public string Digest { get; set; }

    /// <summary>The tag if set, otherwise the digest.</summary>
    public string TagOrDigest => Tag.Length > 0 ? Tag : Digest;

    /// <summary>Parses an image reference; throws <see cref="FormatException"/> with distribution's message when invalid.</summary>
    public static ImageReference Parse(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var match = ReferenceRegex().Match(image);
        if (!match.Success)
        {
            if (image.Length == 0)
            {
                throw new FormatException("repository name must have at least one component");
            }

            throw new FormatException(ReferenceRegex().IsMatch(image.ToLowerInvariant())
                ? "repository name must be lowercase"
                : "invalid reference format");
        }

        var name = match.Groups[1].Value;
        if (name.Length > NameTotalLengthMax)
        {
            throw new FormatException($"repository name must not be more than {NameTotalLengthMax} characters");
        }

        var digest = match.Groups[3].Value;
        if (digest.Length > 0)
        {
            ValidateDigest(digest);
        }

        var (hostname, repository) = SplitHostname(name);
        var tag = match.Groups[2].Value;
        return new ImageReference(hostname, repository, tag, tag.Length > 0 ? "" : digest);
    }

    /// <summary>Splits a repository name at its first <c>/</c> when the first segment looks like a host.</summary>
    public static (string Hostname, string RemoteName) SplitHostname(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var i = name.IndexOf('/', StringComparison.Ordinal);
        if (i == -1 || (name[..i].IndexOfAny(['.', ':']) < 0 && name[..i] != "localhost"))
        {
            return ("", name);
        }

        return (name[..i], name[(i + 1)..]);
    }

    /// <summary>Sets the tag when the input is a valid tag, or the digest when it is a valid digest; otherwise nothing changes.</summary>
    public void SetTagOrDigest(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (AnchoredTagRegex().IsMatch(input))
        {
            Tag = input;
            Digest = "";
            return;
        }

        if (AnchoredDigestRegex().IsMatch(input))
        {
            Digest = input;
            Tag = "";
        }
    }

    /// <summary>Removes the tag if set, otherwise the digest.</summary>
    public void RemoveTagOrDigest()
    {
        if (Tag.Length > 0)
        {
            Tag = "";
        }
        else
        {
            Digest = "";
        }
    }

    /// <summary>The repository with its host, if any.</summary>
    public string FullRepository => Hostname.Length == 0 ? Repository : Hostname + "/" + Repository;

    /// <summary>The full image reference.</summary>
    public override string ToString()
    {
        if (Tag.Length > 0)
        {
            return FullRepository + ":" + Tag;
        }

        return Digest.Length > 0 ? FullRepository + "@" + Digest : FullRepository;
    }

    // go-digest: a registered algorithm and an encoded part of the algorithm's exact hex length.
    private static void ValidateDigest(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon + 1 == digest.Length)
        {
            throw new FormatException("invalid checksum digest format");
        }

        var size = digest[..colon] switch
        {
            "sha256" => 32,
            "sha384" => 48,
            "sha512" => 64,
            _ => throw new FormatException("unsupported digest algorithm"),
        };
        var encoded = digest[(colon + 1)..];
        if (encoded.Length != size * 2)
        {
            throw new FormatException("invalid checksum digest length");
        }

        if (!encoded.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            throw new FormatException("invalid checksum digest format");
        }
    }

    // distribution/reference: name (optional domain[:port]/ then path components), optional :tag, optional @digest.
    [GeneratedRegex(
        @"^((?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?\z",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredTagRegex();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredDigestRegex();
}
