using System.Text.Json.Nodes;
using Karmada.Patching.Schema;
using Karmada.Patching.ServerSideApply;

namespace Karmada.Patching.Tests.ServerSideApply;

/// <summary>
/// The one-walk managed fields of a create must equal the generic route (compare with an empty object, filter by
/// scope, drop system fields, encode) for every shape of object: keyed and set lists, atomic values, empty and null
/// fields, always-serialized Go fields, status in and out of scope.
/// </summary>
public sealed class CreatedFieldsTests
{
    public static TheoryData<string, string, string, string> Objects() => new()
    {
        {
            "apps", "v1", "Deployment",
            """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"default","generateName":"web-","labels":{"app":"web"},"annotations":{"a":"b"},
                         "finalizers":["x/y"],"ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"o","uid":"u1"}]},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                     "template":{"metadata":{"labels":{"app":"web"}},
                                 "spec":{"containers":[{"name":"a","image":"nginx","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443}],
                                                        "env":[{"name":"X","value":"1"},{"name":"Y","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],
                                                        "resources":{},"args":["--a","--b"]},
                                                       {"name":"b","image":"busybox","command":["sh"]}],
                                         "tolerations":[{"key":"k","operator":"Exists"}],"nodeSelector":{"disk":"ssd"},"securityContext":{}}},
                     "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":0}}},
             "status":{"replicas":1,"conditions":[{"type":"Available","status":"True"}]}}
            """
        },
        {
            "", "v1", "ConfigMap",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","labels":{"a":"1"},"creationTimestamp":null},"data":{"k":"v","e":""},"binaryData":{}}"""
        },
        {
            "", "v1", "Service",
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s"},
             "spec":{"ports":[{"port":80,"protocol":"TCP","targetPort":8080},{"port":53,"protocol":"UDP"},{"port":53,"protocol":"TCP"}],
                     "selector":{"app":"x"},"clusterIPs":["10.0.0.1"],"type":"ClusterIP"},
             "status":{"loadBalancer":{}}}
            """
        },
        {
            "", "v1", "Pod",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{}},
             "spec":{"containers":[{"name":"c","image":"i","volumeMounts":[{"name":"v","mountPath":"/a"}]},{"name":"c","image":"dup"}],
                     "volumes":[{"name":"v","emptyDir":{}}],"hostAliases":[{"ip":"1.1.1.1","hostnames":["a","b"]}]},
             "status":{}}
            """
        },
        {
            "", "v1", "Namespace",
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ns"}}"""
        },
        {
            "example.com", "v1", "Widget",
            """{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","finalizers":["a","a"]},"spec":{"size":1,"tags":["a"],"nested":{"deep":{"x":null}},"empty":{}},"status":{"ok":true}}"""
        },
        {
            "", "v1", "ConfigMap",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"only-identity","namespace":"n","uid":"u","resourceVersion":"5","generation":2}}"""
        },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Build_EqualsComparisonWithEmptyObject(string group, string version, string kind, string json)
    {
        var meta = group == "example.com" ? BuiltInPatchMeta.Generic : BuiltInPatchMeta.For(group, version, kind);
        var obj = JsonText.Parse(json);
        foreach (var scope in new[] { ManagedFieldsScope.MainResource, ManagedFieldsScope.MainResourceWithStatus })
        {
            var expected = Generic(obj, meta, scope);

            var actual = CreatedFields.Build(obj, meta, scope, FieldManager.SystemFields);

            Assert.Equal(JsonText.Of(expected), JsonText.Of(actual));
        }
    }

    [Fact]
    public void RecordUpdate_CreateWithManagedFieldsInRequest_KeepsTheGenericRoute()
    {
        var requested = JsonText.Parse(
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","managedFields":[{"manager":"other","operation":"Update","apiVersion":"v1","time":"2026-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:gone":{}}}}]},"data":{"k":"v"}}""");

        var created = FieldManager.RecordUpdate(null, requested, "me", "v1", new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), BuiltInPatchMeta.For("", "v1", "ConfigMap"));

        var entries = created["metadata"]!["managedFields"]!.AsArray();
        Assert.Equal(["other", "me"], entries.Select(e => (string)e!["manager"]!));
    }

    [Fact]
    public void RecordUpdate_CreateOfOnlyIdentityFields_StoresNoManagedFields()
    {
        var obj = JsonText.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ns"}}""");

        var created = FieldManager.RecordUpdate(null, obj, "me", "v1", DateTimeOffset.UnixEpoch, BuiltInPatchMeta.For("", "v1", "Namespace"));

        Assert.False(created["metadata"]!.AsObject().ContainsKey("managedFields"));
    }

    private static JsonObject? Generic(JsonObject obj, PatchMeta meta, ManagedFieldsScope scope)
    {
        var owned = StructuredComparer.Compare([], obj, meta).Where(scope.Tracks).Changed.Except(FieldManager.SystemFields);
        return owned.IsEmpty ? null : owned.ToFieldsV1();
    }
}
