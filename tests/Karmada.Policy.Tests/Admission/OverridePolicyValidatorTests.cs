using Karmada.Api.Policy.V1Alpha1;
using Karmada.Policy.Admission;

namespace Karmada.Policy.Tests.Admission;

public sealed class OverridePolicyValidatorTests
{
    [Fact]
    public void Validate_RulesWithDeprecatedFields_BothRejected()
    {
        var policy = Op("""
            {"targetCluster":{"clusterNames":["m1"]},"overriders":{"plaintext":[{"path":"/a","operator":"remove"}]},
             "overrideRules":[{"overriders":{}}]}
            """);

        var errors = OverridePolicyValidator.Validate(policy).Select(e => (e.FieldPath, e.Message)).ToList();

        Assert.Equal(
        [
            ("spec.targetCluster", "overrideRules and targetCluster can't co-exist"),
            ("spec.overriders", "overrideRules and overriders can't co-exist"),
        ], errors);
    }

    [Fact]
    public void Validate_FieldOverrider_UpstreamMessages()
    {
        var policy = Op("""
            {"overrideRules":[{"overriders":{"fieldOverrider":[
              {"fieldPath":"data/x","json":[{"subPath":"/a","operator":"add"}],"yaml":[{"subPath":"b","operator":"remove","value":1}]}]}}]}
            """);

        var errors = OverridePolicyValidator.Validate(policy).Select(e => (e.FieldPath, e.Message)).ToList();

        Assert.Equal(
        [
            ("spec.overrideRules[0].overriders.fieldOverrider[0]", "FieldOverrider has both YAML and JSON set. Only one is allowed"),
            ("spec.overrideRules[0].overriders.fieldOverrider[0].fieldPath", "JSON pointer must be empty or start with a \"/"),
            ("spec.overrideRules[0].overriders.fieldOverrider[0].json[0].value", "value is required for add or replace operation"),
            ("spec.overrideRules[0].overriders.fieldOverrider[0].yaml[0].subPath", "JSON pointer must be empty or start with a \"/"),
            ("spec.overrideRules[0].overriders.fieldOverrider[0].yaml[0].value", "value is not allowed for remove operation"),
        ], errors);
    }

    [Fact]
    public void Validate_LabelsAndAnnotationsAndImagePath_Checked()
    {
        var policy = TestJson.Typed<ClusterOverridePolicy>("""
            {"metadata":{"name":"c"},"spec":{"overrideRules":[{"overriders":{
              "labelsOverrider":[{"operator":"add","value":{"ok":"bad value"}}],
              "annotationsOverrider":[{"operator":"add","value":{"a/b/c":"x"}}],
              "imageOverrider":[{"predicate":{"path":"spec/x"},"component":"Tag","operator":"remove"}]}}]}}
            """);

        var errors = OverridePolicyValidator.Validate(policy);

        Assert.Contains(errors, e => e.FieldPath == "spec.overrideRules[0].overriders.labelsOverrider[0].value" && (string?)e.BadValue == "bad value"
            && e.Message.StartsWith("a valid label must be an empty string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.FieldPath == "spec.overrideRules[0].overriders.annotationsOverrider[0].value" && e.Message.StartsWith("a qualified name must consist of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.FieldPath == "spec.overrideRules[0].overriders.imageOverrider[0].predicate.path");
    }

    private static OverridePolicy Op(string spec) =>
        TestJson.Typed<OverridePolicy>($$$"""{"metadata":{"name":"o","namespace":"default"},"spec":{{{spec}}}}""");
}
