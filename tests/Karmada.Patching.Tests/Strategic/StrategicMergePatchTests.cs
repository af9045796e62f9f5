using System.Text.Json.Nodes;
using Karmada.Patching.Schema;
using Karmada.Patching.Strategic;

namespace Karmada.Patching.Tests.Strategic;

public sealed class StrategicMergePatchTests
{
    // (kind, original, patch, expected). Expected results are what kubectl 1.33's strategic merge patch produces
    // (kubectl patch --local --type strategic), the same apimachinery code kube-apiserver runs.
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // kubectl apply of a changed image and replica count: $setElementOrder plus a partial container.
        {
            "apps/v1/Deployment",
            """{"spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}}}""",
            """{"spec":{"replicas":3,"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}""",
            """{"spec":{"replicas":3,"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26","ports":[{"containerPort":80}]}]}}}}"""
        },
        // env merges by name: B changes, C is added, A stays (ahead of the patched items it preceded).
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","image":"x","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]}]}}""",
            """{"spec":{"containers":[{"name":"c1","env":[{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}""",
            """{"spec":{"containers":[{"name":"c1","image":"x","env":[{"name":"A","value":"1"},{"name":"B","value":"3"},{"name":"C","value":"4"}]}]}}"""
        },
        // $patch: delete removes a container by merge key.
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","image":"x"},{"name":"c2","image":"y"}]}}""",
            """{"spec":{"containers":[{"name":"c1","$patch":"delete"}]}}""",
            """{"spec":{"containers":[{"name":"c2","image":"y"}]}}"""
        },
        // Without $setElementOrder, items new to the list come first.
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","image":"x"},{"name":"c2","image":"y"}]}}""",
            """{"spec":{"containers":[{"name":"c3","image":"z"}]}}""",
            """{"spec":{"containers":[{"name":"c3","image":"z"},{"name":"c1","image":"x"},{"name":"c2","image":"y"}]}}"""
        },
        // $setElementOrder decides the order of patched and live items.
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","image":"x"},{"name":"c2","image":"y"}]}}""",
            """{"spec":{"$setElementOrder/containers":[{"name":"c2"},{"name":"c3"},{"name":"c1"}],"containers":[{"name":"c3","image":"z"}]}}""",
            """{"spec":{"containers":[{"name":"c2","image":"y"},{"name":"c3","image":"z"},{"name":"c1","image":"x"}]}}"""
        },
        // $patch: replace inside a list makes the patch items the whole list.
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","image":"x"},{"name":"c2","image":"y"}]}}""",
            """{"spec":{"containers":[{"name":"c3","image":"q"},{"$patch":"replace"}]}}""",
            """{"spec":{"containers":[{"name":"c3","image":"q"}]}}"""
        },
        // finalizers merge as a set of strings.
        {
            "v1/Pod",
            """{"metadata":{"finalizers":["a","b"]}}""",
            """{"metadata":{"finalizers":["c","a"]}}""",
            """{"metadata":{"finalizers":["c","a","b"]}}"""
        },
        // kubectl apply removing a finalizer sends a parallel deletion list and the new order.
        {
            "v1/Pod",
            """{"metadata":{"finalizers":["a","b","c"]}}""",
            """{"metadata":{"$deleteFromPrimitiveList/finalizers":["b"],"$setElementOrder/finalizers":["c","a"]}}""",
            """{"metadata":{"finalizers":["c","a"]}}"""
        },
        // ownerReferences merge by uid.
        {
            "v1/Pod",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"b"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"2","name":"bb"},{"uid":"3","name":"c"}]}}""",
            """{"metadata":{"ownerReferences":[{"uid":"1","name":"a"},{"uid":"2","name":"bb"},{"uid":"3","name":"c"}]}}"""
        },
        // tolerations have no patch strategy: replaced.
        {
            "v1/Pod",
            """{"spec":{"tolerations":[{"key":"a","operator":"Exists"}]}}""",
            """{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}""",
            """{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}"""
        },
        // container args are atomic.
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","args":["a","b"]}]}}""",
            """{"spec":{"containers":[{"name":"c1","args":["c"]}]}}""",
            """{"spec":{"containers":[{"name":"c1","args":["c"]}]}}"""
        },
        // container ports merge by containerPort.
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"c1","ports":[{"containerPort":80},{"containerPort":443}]}]}}""",
            """{"spec":{"containers":[{"name":"c1","ports":[{"containerPort":8080,"name":"alt"},{"containerPort":80,"name":"http"}]}]}}""",
            """{"spec":{"containers":[{"name":"c1","ports":[{"containerPort":8080,"name":"alt"},{"containerPort":80,"name":"http"},{"containerPort":443}]}]}}"""
        },
        // hostAliases merge by ip, imagePullSecrets by name.
        {
            "v1/Pod",
            """{"spec":{"hostAliases":[{"ip":"1.1.1.1","hostnames":["a"]}],"imagePullSecrets":[{"name":"a"}]}}""",
            """{"spec":{"hostAliases":[{"ip":"2.2.2.2","hostnames":["b"]},{"ip":"1.1.1.1","hostnames":["c"]}],"imagePullSecrets":[{"name":"b"}]}}""",
            """{"spec":{"hostAliases":[{"ip":"2.2.2.2","hostnames":["b"]},{"ip":"1.1.1.1","hostnames":["c"]}],"imagePullSecrets":[{"name":"b"},{"name":"a"}]}}"""
        },
        // $retainKeys clears the fields of a volume source kubectl no longer sends.
        {
            "v1/Pod",
            """{"spec":{"volumes":[{"name":"v","emptyDir":{}}]}}""",
            """{"spec":{"volumes":[{"name":"v","$retainKeys":["name","hostPath"],"hostPath":{"path":"/x"}}]}}""",
            """{"spec":{"volumes":[{"name":"v","hostPath":{"path":"/x"}}]}}"""
        },
        // Switching a Deployment to Recreate drops rollingUpdate through $retainKeys.
        {
            "apps/v1/Deployment",
            """{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""",
            """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""",
            """{"spec":{"strategy":{"type":"Recreate"}}}"""
        },
        // null deletes map keys; $patch: replace and delete apply to whole maps.
        {
            "v1/Pod",
            """{"metadata":{"labels":{"a":"1","b":"2"},"annotations":{"x":"1","y":"2"}}}""",
            """{"metadata":{"labels":{"a":null,"c":"3"},"annotations":{"$patch":"replace","z":"3"}}}""",
            """{"metadata":{"labels":{"b":"2","c":"3"},"annotations":{"z":"3"}}}"""
        },
        {
            "v1/Pod",
            """{"metadata":{"name":"p","labels":{"a":"1"}}}""",
            """{"metadata":{"labels":{"$patch":"delete"}}}""",
            """{"metadata":{"name":"p","labels":{}}}"""
        },
        // Service ports merge by port, the selector map merges key by key.
        {
            "v1/Service",
            """{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}],"selector":{"a":"b"}}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090}],"selector":{"c":"d"}}}""",
            """{"spec":{"ports":[{"port":80,"targetPort":9090},{"port":443}],"selector":{"a":"b","c":"d"}}}"""
        },
        // status conditions merge by type.
        {
            "v1/Node",
            """{"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"DiskPressure","status":"False"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"False"}]}}""",
            """{"status":{"conditions":[{"type":"Ready","status":"False"},{"type":"DiskPressure","status":"False"}]}}"""
        },
        // CronJob: the pod template is two levels down.
        {
            "batch/v1/CronJob",
            """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b"}]}}}}}}""",
            """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"y"}]}}}}}}""",
            """{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]}}}}}}"""
        },
        // An unknown kind behaves like JSON merge patch: lists are replaced.
        {
            "example.com/v1/Widget",
            """{"spec":{"items":[{"name":"a"},{"name":"b"}]}}""",
            """{"spec":{"items":[{"name":"c"}]}}""",
            """{"spec":{"items":[{"name":"c"}]}}"""
        },
        // A new value is taken without its nulls and directive-only objects.
        {
            "v1/Pod",
            """{"spec":{}}""",
            """{"spec":{"containers":[{"name":"a","image":null},{"name":"b","$patch":"delete"}]}}""",
            """{"spec":{"containers":[{"name":"a"}]}}"""
        },
        // Deleting a container and adding one while $setElementOrder reorders: upstream reuses the deleted
        // item's slot in the live list when ordering, which puts the server-only "e" before "b".
        {
            "v1/Pod",
            """{"spec":{"containers":[{"name":"d"},{"name":"a"},{"name":"c"},{"name":"e"}]}}""",
            """{"spec":{"containers":[{"name":"d"},{"name":"b"},{"name":"a","$patch":"delete"}],"$setElementOrder/containers":[{"name":"d"},{"name":"c"},{"name":"b"}]}}""",
            """{"spec":{"containers":[{"name":"d"},{"name":"c"},{"name":"e"},{"name":"b"}]}}"""
        },
    };

    public static TheoryData<string, int, string> Errors => new()
    {
        { """{"spec":{"containers":[{"image":"y"}]}}""", 500, "map: map[image:y] does not contain declared merge key: name" },
        { """{"spec":{"containers":[[1]]}}""", 500, "list element types are not identical: [[map[image:x name:c1]] [[1]]]" },
        { """{"metadata":{"$deleteFromPrimitiveListfinalizers":["b"]}}""", 400, "invalid patch format of primitive list" },
        { """{"spec":{"volumes":[{"name":"v","$retainKeys":["name"],"hostPath":{"path":"/x"}}]}}""", 400, "invalid patch format of retainKeys" },
        { """{"spec":{"containers":[{"name":"c1","image":"y"}],"$setElementOrder/containers":[{"name":"c9"}]}}""", 500, "The order in patch list:\n[map[image:y name:c1]]\n doesn't match $setElementOrder list:\n[map[name:c9]]\n" },
        { """{"spec":{"$patch":"bogus"}}""", 500, "unknown patch type: bogus in map: map[$patch:bogus]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_Case_MatchesKubectl(string gvk, string original, string patch, string expected)
    {
        var result = StrategicMergePatch.Apply(JsonNode.Parse(original)!.AsObject(), JsonNode.Parse(patch)!.AsObject(), MetaFor(gvk));

        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), Canonical(result));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Apply_InvalidPatch_ThrowsUpstreamError(string patch, int statusCode, string message)
    {
        var pod = JsonNode.Parse("""{"metadata":{"finalizers":["a"]},"spec":{"containers":[{"name":"c1","image":"x"}],"volumes":[{"name":"v","emptyDir":{}}]}}""")!.AsObject();

        var error = Assert.Throws<PatchException>(() => StrategicMergePatch.Apply(pod, JsonNode.Parse(patch)!.AsObject(), MetaFor("v1/Pod")));

        Assert.Equal(statusCode, error.StatusCode);
        if (message.Length > 0)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Fact]
    public void Apply_ListOfLists_ThrowsInvalid()
    {
        var pod = JsonNode.Parse("""{"metadata":{"finalizers":[["a"]]}}""")!.AsObject();

        var error = Assert.Throws<PatchException>(() =>
            StrategicMergePatch.Apply(pod, JsonNode.Parse("""{"metadata":{"finalizers":[["b"]]}}""")!.AsObject(), MetaFor("v1/Pod")));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("lists of lists are not supported", error.Detail);
    }

    [Fact]
    public void Apply_MergeDirectiveInMap_MergesAsDefault()
    {
        var pod = JsonNode.Parse("""{"metadata":{"labels":{"a":"1"}}}""")!.AsObject();

        var result = StrategicMergePatch.Apply(pod, JsonNode.Parse("""{"metadata":{"labels":{"$patch":"merge","b":"2"}}}""")!.AsObject(), MetaFor("v1/Pod"));

        Assert.Equal("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", result.ToJsonString());
    }

    [Fact]
    public void Apply_TopLevelDeleteDirective_ReturnsEmptyObject()
    {
        var result = StrategicMergePatch.Apply(new JsonObject { ["a"] = 1 }, JsonNode.Parse("""{"$patch":"delete"}""")!.AsObject(), PatchMeta.Unknown);

        Assert.Empty(result);
    }

    [Fact]
    public void Apply_Inputs_AreNotModified()
    {
        var original = JsonNode.Parse("""{"spec":{"containers":[{"name":"c1","image":"x"}]}}""")!.AsObject();
        var patch = JsonNode.Parse("""{"spec":{"containers":[{"name":"c1","$patch":"delete"}]}}""")!.AsObject();

        StrategicMergePatch.Apply(original, patch, MetaFor("v1/Pod"));

        Assert.Equal("""{"spec":{"containers":[{"name":"c1","image":"x"}]}}""", original.ToJsonString());
        Assert.Equal("""{"spec":{"containers":[{"name":"c1","$patch":"delete"}]}}""", patch.ToJsonString());
    }

    internal static PatchMeta MetaFor(string gvk)
    {
        var parts = gvk.Split('/');
        return parts.Length == 2
            ? BuiltInPatchMeta.For("", parts[0], parts[1])
            : BuiltInPatchMeta.For(parts[0], parts[1], parts[2]);
    }

    // Key order inside objects is not part of the comparison; list order is.
    private static string Canonical(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        _ => node?.DeepClone(),
    };
}
