using System.Text.Json.Nodes;
using Karmada.Client.Tests.Fakes;

namespace Karmada.Client.Tests;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("", "v1", "configmaps", true, "ns", "/api/v1/namespaces/ns/configmaps")]
    [InlineData("", "v1", "configmaps", true, null, "/api/v1/configmaps")]
    [InlineData("", "v1", "namespaces", false, null, "/api/v1/namespaces")]
    [InlineData("work.karmada.io", "v1alpha2", "resourcebindings", true, "ns", "/apis/work.karmada.io/v1alpha2/namespaces/ns/resourcebindings")]
    [InlineData("cluster.karmada.io", "v1alpha1", "clusters", false, "ignored", "/apis/cluster.karmada.io/v1alpha1/clusters")]
    public void ResourceRef_CollectionPath_FollowsTheKubernetesUrlForms(string group, string version, string plural, bool namespaced, string? ns, string expected)
    {
        Assert.Equal(expected, new ResourceRef(group, version, plural, namespaced).CollectionPath(ns));
    }

    [Fact]
    public void ResourceRef_ItemPath_AddsNameAndSubresource()
    {
        Assert.Equal("/apis/apps/v1/namespaces/ns/deployments/web/scale", new ResourceRef("apps", "v1", "deployments", true).ItemPath("ns", "web", "scale"));
        Assert.Equal("/api/v1/namespaces/demo", ResourceRef.Namespaces.ItemPath(null, "demo"));
        Assert.Throws<ArgumentException>(() => ResourceRef.ConfigMaps.ItemPath(null, "x"));
        Assert.Equal("coordination.k8s.io/v1", ResourceRef.Leases.ApiVersion);
        Assert.Equal("v1", ResourceRef.Secrets.ApiVersion);
    }

    [Theory]
    [InlineData("ns/name", "ns", "name")]
    [InlineData("cluster-wide", null, "cluster-wide")]
    public void ObjectKey_ParseAndToString_RoundTrip(string text, string? ns, string name)
    {
        var key = ObjectKey.Parse(text);

        Assert.Equal(new ObjectKey(ns, name), key);
        Assert.Equal(text, key.ToString());
    }

    [Fact]
    public void MicroTime_FormatsSixFractionalDigitsInUtc()
    {
        var value = new DateTimeOffset(2026, 11, 28, 8, 0, 21, TimeSpan.FromHours(2)).AddTicks(1234567);

        Assert.Equal("2026-11-28T06:00:21.123456Z", MicroTime.ToString(value));
        Assert.True(MicroTime.TryParse("2026-11-28T06:00:21.123456Z", out var parsed));
        Assert.Equal(value.AddTicks(-7), parsed);
        Assert.True(MicroTime.TryParse("2026-11-28T06:00:21Z", out _));
        Assert.False(MicroTime.TryParse(null, out _));
    }

    [Theory]
    [InlineData(404, "NotFound", "NotFound")]
    [InlineData(409, "AlreadyExists", "AlreadyExists")]
    [InlineData(409, "Conflict", "Conflict")]
    [InlineData(410, "Expired", "Gone")]
    [InlineData(422, "Invalid", "Invalid")]
    [InlineData(429, "TooManyRequests", "TooManyRequests")]
    public void ApiException_Helpers_FollowTheReason(int code, string reason, string helper)
    {
        var ex = ApiException.FromStatus(new ApiStatus { Code = code, Reason = reason, Message = "m" });

        Assert.Equal(helper == "NotFound", ex.IsNotFound());
        Assert.Equal(helper == "AlreadyExists", ex.IsAlreadyExists());
        Assert.Equal(helper == "Conflict", ex.IsConflict());
        Assert.Equal(helper == "Gone", ex.IsGone());
        Assert.Equal(helper == "Invalid", ex.IsInvalid());
        Assert.Equal(helper == "TooManyRequests", ex.IsTooManyRequests());
        Assert.Equal(code == 410, ex is ResourceExpiredException);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectCloner_ClonesTypedAndUnstructuredObjects()
    {
        var widget = new TestWidget { Metadata = new TestMetadata { Name = "a" }, Spec = new TestWidgetSpec { Size = 2 } };
        var json = FakeApiServer.Widget("ns", "a");

        var typedClone = ObjectCloner.DeepClone(widget, TestJsonContext.Default.TestWidget);
        var jsonClone = ObjectCloner.DeepClone(json);
        typedClone.Spec.Size = 9;
        jsonClone["spec"]!["size"] = 9;

        Assert.Equal(2, widget.Spec.Size);
        Assert.Equal(1, json["spec"]!["size"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(FakeApiServer.Widget("ns", "a"), json));
    }
}
