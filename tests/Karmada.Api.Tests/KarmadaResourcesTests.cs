using System.Reflection;
using Karmada.Api.Meta;
using PolicyV1Alpha1 = Karmada.Api.Policy.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Api.Tests;

public sealed class KarmadaResourcesTests
{
    public static TheoryData<string> Kinds() => [.. KarmadaResources.All.Select(r => $"{r.ApiVersion}/{r.Kind}")];

    [Fact]
    public void All_PluralsAreUniquePerGroup()
    {
        var duplicates = KarmadaResources.All.GroupBy(r => (r.Group, r.Plural)).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_KindsAreUniquePerGroupVersion()
    {
        var duplicates = KarmadaResources.All.GroupBy(r => (r.ApiVersion, r.Kind)).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_ShortNamesAreUnique()
    {
        var shortNames = KarmadaResources.All.SelectMany(r => r.ShortNames).ToList();

        Assert.Equal(shortNames.Count, shortNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_ListsEveryAnnotatedKindInTheAssembly()
    {
        var annotated = typeof(KarmadaResources).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<KarmadaResourceAttribute>() is not null)
            .ToHashSet();

        Assert.Equal(annotated.OrderBy(t => t.FullName), KarmadaResources.All.Select(r => r.Type).OrderBy(t => t.FullName));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Descriptor_KindAndListAreInJsonContext(string kind)
    {
        var resource = Resource(kind);

        Assert.True(KarmadaJson.CanSerialize(resource.Type));
        Assert.True(KarmadaJson.CanSerialize(resource.ListType));
        Assert.NotNull(KarmadaJsonContext.Default.GetTypeInfo(resource.Type));
        Assert.NotNull(KarmadaJsonContext.Default.GetTypeInfo(resource.ListType));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Descriptor_MatchesClrTypeAndDefaults(string kind)
    {
        var resource = Resource(kind);

        var instance = (IKubernetesObject)Activator.CreateInstance(resource.Type)!;
        var list = Activator.CreateInstance(resource.ListType)!;

        Assert.Equal(resource.Kind, resource.Type.Name);
        Assert.Equal(resource.Kind + "List", resource.ListType.Name);
        Assert.Equal(resource.ApiVersion, instance.ApiVersion);
        Assert.Equal(resource.Kind, instance.Kind);
        Assert.Equal(resource.ApiVersion, resource.Type.GetField("KubeApiVersion")!.GetValue(null));
        Assert.Equal(resource.Kind, resource.Type.GetField("KubeKind")!.GetValue(null));
        Assert.Equal(resource.ListKind, resource.ListType.GetProperty("Kind")!.GetValue(list));
        Assert.Equal(resource.ApiVersion, resource.ListType.GetProperty("ApiVersion")!.GetValue(list));
        Assert.Equal(resource.Kind.ToLowerInvariant(), resource.Singular);
        Assert.Equal(resource.Plural, resource.Plural.ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Descriptor_HasStatusMatchesStatusProperty(string kind)
    {
        var resource = Resource(kind);

        Assert.Equal(resource.HasStatus, resource.Type.GetProperty("Status") is not null);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Descriptor_PrinterColumnsPointAtModelFields(string kind)
    {
        var resource = Resource(kind);

        foreach (var column in resource.PrinterColumns)
        {
            Assert.Contains(column.Type, new[] { "string", "integer", "number", "boolean", "date" });
            Assert.StartsWith(".", column.JsonPath, StringComparison.Ordinal);
            var (property, _) = ResolvePath(resource.Type, column.JsonPath);
            Assert.True(property is not null, $"{resource.Kind} column {column.Name}: {column.JsonPath} does not name a field");
        }
    }

    [Theory]
    [InlineData("policy.karmada.io", "propagationpolicies", "PropagationPolicy", true, "pp")]
    [InlineData("policy.karmada.io", "clusterpropagationpolicies", "ClusterPropagationPolicy", false, "cpp")]
    [InlineData("policy.karmada.io", "overridepolicies", "OverridePolicy", true, "op")]
    [InlineData("policy.karmada.io", "clusteroverridepolicies", "ClusterOverridePolicy", false, "cop")]
    [InlineData("policy.karmada.io", "federatedresourcequotas", "FederatedResourceQuota", true, "")]
    [InlineData("policy.karmada.io", "clustertaintpolicies", "ClusterTaintPolicy", false, "")]
    [InlineData("cluster.karmada.io", "clusters", "Cluster", false, "")]
    [InlineData("work.karmada.io", "works", "Work", true, "wk")]
    [InlineData("work.karmada.io", "resourcebindings", "ResourceBinding", true, "rb")]
    [InlineData("work.karmada.io", "clusterresourcebindings", "ClusterResourceBinding", false, "crb")]
    [InlineData("config.karmada.io", "resourceinterpretercustomizations", "ResourceInterpreterCustomization", false, "ric")]
    [InlineData("config.karmada.io", "resourceinterpreterwebhookconfigurations", "ResourceInterpreterWebhookConfiguration", false, "")]
    [InlineData("autoscaling.karmada.io", "federatedhpas", "FederatedHPA", true, "fhpa")]
    [InlineData("autoscaling.karmada.io", "cronfederatedhpas", "CronFederatedHPA", true, "cronfhpa")]
    [InlineData("apps.karmada.io", "workloadrebalancers", "WorkloadRebalancer", false, "")]
    [InlineData("networking.karmada.io", "multiclusteringresses", "MultiClusterIngress", true, "mci")]
    [InlineData("networking.karmada.io", "multiclusterservices", "MultiClusterService", true, "mcs")]
    [InlineData("remedy.karmada.io", "remedies", "Remedy", false, "")]
    public void Find_UpstreamResource_HasUpstreamScopeAndShortName(string group, string plural, string kind, bool namespaced, string shortName)
    {
        var resource = KarmadaResources.All.Single(r => r.Group == group && r.Plural == plural);

        Assert.Equal(kind, resource.Kind);
        Assert.Equal(namespaced, resource.Namespaced);
        Assert.Equal(shortName.Length == 0 ? [] : [shortName], resource.ShortNames);
        Assert.Same(resource, KarmadaResources.Find(group, resource.Version, plural));
        Assert.Same(resource, KarmadaResources.FindByKind(resource.ApiVersion, kind));
    }

    [Fact]
    public void Categories_KarmadaIoAsUpstream()
    {
        var withoutCategory = KarmadaResources.All.Where(r => r.Categories.Count == 0).Select(r => r.Kind).Order(StringComparer.Ordinal);

        Assert.Equal(["Cluster", "ClusterTaintPolicy", "WorkloadRebalancer"], withoutCategory);
        Assert.All(KarmadaResources.All.Where(r => r.Categories.Count > 0), r => Assert.Equal(["karmada-io"], r.Categories));
    }

    [Fact]
    public void PrinterColumns_PropagationPolicy_AsUpstreamMarkers()
    {
        var columns = KarmadaResources.For<PolicyV1Alpha1.PropagationPolicy>().PrinterColumns;

        Assert.Equal(
            [
                new PrinterColumn("CONFLICT-RESOLUTION", "string", ".spec.conflictResolution"),
                new PrinterColumn("PRIORITY", "string", ".spec.priority"),
                new PrinterColumn("AGE", "date", ".metadata.creationTimestamp"),
            ],
            columns);
    }

    [Fact]
    public void PrinterColumns_ResourceBindingAndWork_AsUpstreamMarkers()
    {
        Assert.Equal(
            ["SCHEDULED", "FULLYAPPLIED", "AGE"],
            KarmadaResources.For<WorkV1Alpha2.ResourceBinding>().PrinterColumns.Select(c => c.Name));
        Assert.Equal(
            ".status.conditions[?(@.type==\"Scheduled\")].status",
            KarmadaResources.For<WorkV1Alpha2.ClusterResourceBinding>().PrinterColumns[0].JsonPath);
        Assert.Equal(
            ["WORKLOAD-KIND", "APPLIED", "AGE"],
            KarmadaResources.For<Work.V1Alpha1.Work>().PrinterColumns.Select(c => c.Name));
    }

    [Fact]
    public void PrinterColumns_Cluster_NarrowAndWide()
    {
        var columns = KarmadaResources.For<Cluster.V1Alpha1.Cluster>().PrinterColumns;

        Assert.Equal(["Version", "Mode", "Ready", "Age"], columns.Where(c => c.Priority == 0).Select(c => c.Name));
        Assert.Equal(["Zones", "Region", "Provider", "API-Endpoint", "Proxy-URL"], columns.Where(c => c.Priority > 0).Select(c => c.Name));
        Assert.All(columns, c => Assert.NotEmpty(c.Description));
    }

    [Fact]
    public void PrinterColumns_FederatedHpa_IntegerColumns()
    {
        var columns = KarmadaResources.For<Autoscaling.V1Alpha1.FederatedHPA>().PrinterColumns;

        Assert.Equal(["REFERENCE-KIND", "REFERENCE-NAME", "MINPODS", "MAXPODS", "REPLICAS", "AGE"], columns.Select(c => c.Name));
        Assert.Equal(["string", "string", "integer", "integer", "integer", "date"], columns.Select(c => c.Type));
    }

    [Fact]
    public void HasStatus_AsUpstreamSubresources()
    {
        var withStatus = KarmadaResources.All.Where(r => r.HasStatus).Select(r => r.Kind).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Cluster", "ClusterResourceBinding", "CronFederatedHPA", "FederatedHPA", "FederatedResourceQuota", "MultiClusterIngress",
             "MultiClusterService", "ResourceBinding", "Work", "WorkloadRebalancer"],
            withStatus);
    }

    [Fact]
    public void FindByType_KindAndList_ResolveSameDescriptor()
    {
        var resource = KarmadaResources.FindByType(typeof(PolicyV1Alpha1.OverridePolicyList));

        Assert.NotNull(resource);
        Assert.Same(resource, KarmadaResources.FindByType(typeof(PolicyV1Alpha1.OverridePolicy)));
        Assert.Equal("overridepolicies.policy.karmada.io", resource.QualifiedResource);
        Assert.Null(KarmadaResources.FindByType(typeof(string)));
        Assert.Null(KarmadaResources.Find("policy.karmada.io", "v1alpha1", "nothing"));
    }

    private static KarmadaResourceDescriptor Resource(string key) =>
        KarmadaResources.All.Single(r => $"{r.ApiVersion}/{r.Kind}" == key);

    // Follows .a.b[...].c through the JSON property names of the model; returns the last property found.
    private static (PropertyInfo? Property, Type Type) ResolvePath(Type root, string jsonPath)
    {
        var type = root;
        PropertyInfo? property = null;
        var withoutFilters = System.Text.RegularExpressions.Regex.Replace(jsonPath, @"\[[^\]]*\]", "");
        foreach (var segment in withoutFilters.TrimStart('.').Split('.'))
        {
            property = type.GetProperties().FirstOrDefault(p =>
                p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name == segment);
            if (property is null)
            {
                // Past a raw JSON value (a manifest) the path is unchecked.
                return (type == typeof(System.Text.Json.Nodes.JsonObject) ? root.GetProperties()[0] : null, type);
            }

            type = property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                type = type.GetGenericArguments()[0];
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
        }

        return (property, type);
    }
}
