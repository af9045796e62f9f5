namespace Karmada.ApiServer.Http;

/// <summary>A resource request as parsed from its URL: <c>/apis/{group}/{version}/[namespaces/{ns}/]{plural}[/{name}[/{sub}]]</c>.</summary>
public sealed record ApiRequest(string Group, string Version, string? Namespace, string Plural, string? Name, string Subresource);
