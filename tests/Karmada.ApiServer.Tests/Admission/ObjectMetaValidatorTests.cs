using Karmada.ApiServer.Admission;
using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Tests.Admission;

public sealed class ObjectMetaValidatorTests
{
    private static readonly ResourceDefinition ClusterRoles = Definition("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", namespaced: false);
    private static readonly ResourceDefinition RoleBindings = Definition("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", namespaced: true);
    private static readonly ResourceDefinition ConfigMaps = Definition("", "ConfigMap", "configmaps", namespaced: true);

    [Theory]
    [InlineData("system:controller:deployment-controller")]
    [InlineData("system:kube-controller-manager")]
    [InlineData("Upper_Case.and spaces")]
    public void RbacNames_ArePathSegments(string name)
    {
        Assert.Empty(ObjectMetaValidator.NameProblems(ClusterRoles, name));
        Assert.Empty(ObjectMetaValidator.NameProblems(RoleBindings, name));
    }

    [Fact]
    public void RbacNames_HaveNoLengthLimit() =>
        Assert.Empty(ObjectMetaValidator.NameProblems(RoleBindings, new string('r', 312)));

    [Theory]
    [InlineData(".", "may not be '.'")]
    [InlineData("..", "may not be '..'")]
    [InlineData("a/b", "may not contain '/'")]
    [InlineData("a%2Fb", "may not contain '%'")]
    public void RbacNames_RejectWhatCannotBeAPathSegment(string name, string problem) =>
        Assert.Equal([problem], ObjectMetaValidator.NameProblems(ClusterRoles, name));

    [Fact]
    public void RbacNames_ReportEveryForbiddenCharacter() =>
        Assert.Equal(["may not contain '/'", "may not contain '%'"], ObjectMetaValidator.NameProblems(ClusterRoles, "a/%"));

    [Theory]
    [InlineData("system:foo")]
    [InlineData("UPPER")]
    [InlineData("a/b")]
    public void OtherKinds_KeepDns1123Subdomains(string name) =>
        Assert.NotEmpty(ObjectMetaValidator.NameProblems(ConfigMaps, name));

    [Fact]
    public void CustomResourceInTheRbacGroup_IsStillASubdomain()
    {
        var custom = Definition("rbac.authorization.k8s.io", "Widget", "widgets", namespaced: false, isCustom: true);
        Assert.NotEmpty(ObjectMetaValidator.NameProblems(custom, "system:foo"));
    }

    [Theory]
    [InlineData("app", true)]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("karmada.io/managed", true)]
    [InlineData("My_Key.1", true)]
    [InlineData("", false)]
    [InlineData("/name", false)]
    [InlineData("prefix/", false)]
    [InlineData("Upper.io/name", false)]
    [InlineData("a/b/c", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing.", false)]
    [InlineData("has space", false)]
    [InlineData("x.io/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void QualifiedNames_TheQuickCheckAgreesWithTheProblems(string key, bool valid)
    {
        Assert.Equal(valid, ObjectMetaValidator.IsQualifiedName(key));
        Assert.Equal(valid, !ObjectMetaValidator.QualifiedNameProblems(key).Any());
    }

    [Fact]
    public void QualifiedNames_APrefixLongerThanASubdomainIsRefused()
    {
        var key = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + "/name";
        Assert.False(ObjectMetaValidator.IsQualifiedName(key));
        Assert.Contains("prefix part must be no more than 253 characters", ObjectMetaValidator.QualifiedNameProblems(key));
    }

    [Fact]
    public void AnnotationKeys_AreCheckedLowercased_LabelKeysAsTheyAre()
    {
        var obj = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "a",
                ["labels"] = new System.Text.Json.Nodes.JsonObject { ["Example.COM/app"] = "x" },
                ["annotations"] = new System.Text.Json.Nodes.JsonObject { ["Example.COM/note"] = "y", [new string('n', 300)] = "z" },
            },
        };
        var errors = new FieldErrors();
        ObjectMetaValidator.Validate(ConfigMaps, obj, errors);
        var fields = errors.Causes.Select(c => c.Field).ToList();
        Assert.Equal(["metadata.annotations", "metadata.labels"], fields.Distinct().Order(StringComparer.Ordinal));
        Assert.Single(fields, f => f == "metadata.labels");
        Assert.Single(fields, f => f == "metadata.annotations");
    }

    private static ResourceDefinition Definition(string group, string kind, string plural, bool namespaced, bool isCustom = false) => new()
    {
        IsCustom = isCustom,
        Group = group,
        Version = "v1",
        Kind = kind,
        Plural = plural,
        Singular = kind.ToLowerInvariant(),
        Namespaced = namespaced,
    };
}
