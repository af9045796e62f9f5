using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "", "nginx", "", "")]
    [InlineData("nginx:1.19", "", "nginx", "1.19", "")]
    [InlineData("karmada/controller:v1", "", "karmada/controller", "v1", "")]
    [InlineData("registry.k8s.io/pause:3.9", "registry.k8s.io", "pause", "3.9", "")]
    [InlineData("localhost/app", "localhost", "app", "", "")]
    [InlineData("fictional.registry.example:10443/karmada/manager:v1.0.0", "fictional.registry.example:10443", "karmada/manager", "v1.0.0", "")]
    [InlineData("busybox@sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c", "", "busybox", "", "sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c")]
    public void Parse_Reference_SplitsAsUpstream(string image, string host, string repository, string tag, string digest)
    {
        var reference = ImageReference.Parse(image);

        Assert.Equal(host, reference.Hostname);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(image, reference.ToString());
    }

    [Fact]
    public void Parse_TagAndDigest_KeepsTagOnly()
    {
        var reference = ImageReference.Parse("nginx:1.19@sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c");

        Assert.Equal("nginx:1.19", reference.ToString());
    }

    [Theory]
    [InlineData("", "repository name must have at least one component")]
    [InlineData("Nginx", "repository name must be lowercase")]
    [InlineData("nginx:", "invalid reference format")]
    [InlineData("nginx@sha256:abc", "invalid reference format")]
    [InlineData("nginx@md5:50d858e0985ecc7f60418aaf0cc5ab58", "unsupported digest algorithm")]
    [InlineData("nginx@sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545", "invalid checksum digest length")]
    public void Parse_Invalid_ThrowsDistributionMessage(string image, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => ImageReference.Parse(image)).Message);
    }

    [Fact]
    public void SetTagOrDigest_Invalid_LeavesReferenceUnchanged()
    {
        var reference = ImageReference.Parse("nginx:1.19");

        reference.SetTagOrDigest("not a tag");

        Assert.Equal("nginx:1.19", reference.ToString());
    }
}
