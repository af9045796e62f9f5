namespace Karmada.OpenApi.Generation;

/// <summary>A top-level kind of the KubernetesClient models and the name of its OpenAPI component.</summary>
/// <param name="Group">The API group, empty for the core group.</param>
/// <param name="Version">The API version, e.g. <c>v1</c>.</param>
/// <param name="Kind">The kind, e.g. <c>Deployment</c> or <c>DeploymentList</c>.</param>
/// <param name="Plural">The resource name from the model, e.g. <c>deployments</c>; empty when the model has none.</param>
/// <param name="ComponentName">The upstream component name, e.g. <c>io.k8s.api.apps.v1.Deployment</c>.</param>
/// <param name="ModelType">The KubernetesClient model type.</param>
public sealed record BuiltInKind(string Group, string Version, string Kind, string Plural, string ComponentName, Type ModelType);
