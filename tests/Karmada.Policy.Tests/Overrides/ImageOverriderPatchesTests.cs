using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Overrides;

namespace Karmada.Policy.Tests.Overrides;

public sealed class ImageOverriderPatchesTests
{
    private const string Digest = "sha256:50d858e0985ecc7f60418aaf0cc5ab587f42c2570a884095a9e8ccacd0f6545c";

    [Theory]
    [InlineData("registry.k8s.io/app:v1", "Registry", "add", "-mirror", "registry.k8s.io-mirror/app:v1")]
    [InlineData("registry.k8s.io/app:v1", "Registry", "replace", "docker.io", "docker.io/app:v1")]
    [InlineData("registry.k8s.io/app:v1", "Registry", "remove", "", "app:v1")]
    [InlineData("registry.k8s.io/app:v1", "Repository", "add", "-debug", "registry.k8s.io/app-debug:v1")]
    [InlineData("registry.k8s.io/app:v1", "Repository", "replace", "other", "registry.k8s.io/other:v1")]
    [InlineData("registry.k8s.io/app:v1", "Tag", "add", "-rc", "registry.k8s.io/app:v1-rc")]
    [InlineData("registry.k8s.io/app:v1", "Tag", "replace", "v2", "registry.k8s.io/app:v2")]
    [InlineData("registry.k8s.io/app:v1", "Tag", "replace", Digest, "registry.k8s.io/app@" + Digest)]
    [InlineData("registry.k8s.io/app:v1", "Tag", "remove", "", "registry.k8s.io/app")]
    [InlineData("app@" + Digest, "Tag", "remove", "", "app")]
    public void OverrideImage_ComponentAndOperator_RewritesAsUpstream(string image, string component, string op, string value, string expected)
    {
        var overrider = TestJson.Typed<ImageOverrider>($$"""{"component":"{{component}}","operator":"{{op}}","value":"{{value}}"}""");

        Assert.Equal(expected, ImageOverriderPatches.OverrideImage(image, overrider));
    }

    [Fact]
    public void Build_PodWithoutPredicate_PatchesEveryContainer()
    {
        var pod = TestJson.Obj("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":"a:1"},{"name":"b","image":"b:1"}],"initContainers":[{"name":"i","image":"i:1"}]}}""");
        var overrider = TestJson.Typed<ImageOverrider>("""{"component":"Tag","operator":"replace","value":"2"}""");

        var patches = ImageOverriderPatches.Build(pod, overrider);

        Assert.Equal(["/spec/containers/0/image", "/spec/containers/1/image"], patches.Select(p => p.Path));
        Assert.All(patches, p => Assert.Equal("replace", p.Op));
        Assert.Equal("b:2", (string?)patches[1].Value);
    }

    [Fact]
    public void Build_UnknownKindWithoutPredicate_NoPatches()
    {
        var cm = TestJson.Obj("""{"apiVersion":"v1","kind":"ConfigMap","data":{"image":"a:1"}}""");

        Assert.Empty(ImageOverriderPatches.Build(cm, TestJson.Typed<ImageOverrider>("""{"component":"Tag","operator":"replace","value":"2"}""")));
    }

    [Fact]
    public void Build_PredicateNotString_Throws()
    {
        var deployment = TestJson.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","spec":{"replicas":1}}""");
        var overrider = TestJson.Typed<ImageOverrider>("""{"predicate":{"path":"/spec/replicas"},"component":"Tag","operator":"replace","value":"2"}""");

        var error = Assert.Throws<OverrideException>(() => ImageOverriderPatches.Build(deployment, overrider));

        Assert.Equal("failed to obtain imageValue with predicate path(/spec/replicas), error: failed to convert path(replicas) to string", error.Message);
    }
}
