using System.Text.Json.Nodes;
using Karmada.Api.Config.V1Alpha1;
using Karmada.Client;
using Karmada.Controllers.Binding;
using Karmada.Controllers.Runtime;
using Karmada.Interpreter;
using Microsoft.Extensions.Logging;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// Writes a resource template's <c>.status</c> from its binding's aggregated status through the interpreter's
/// AggregateStatus (upstream <c>updateResourceStatus</c>). The template is read from the shared informer cache (a GET
/// per aggregation was one of the requests that throttled propagation); the status subresource is written only when
/// it changed, and a conflict (a stale cached copy) is retried with a fresh read from the API server.
/// </summary>
public sealed partial class TemplateStatusUpdater
{
    private const int ConflictRetries = 5;

    private readonly KubeApiClient _client;
    private readonly CachedObjectReader _reader;
    private readonly ResourceKindMapper _mapper;
    private readonly IResourceInterpreter _interpreter;
    private readonly ILogger _logger;

    public TemplateStatusUpdater(KubeApiClient client, CachedObjectReader reader, ResourceKindMapper mapper, IResourceInterpreter interpreter, ILogger<TemplateStatusUpdater> logger)
    {
        _client = client;
        _reader = reader;
        _mapper = mapper;
        _interpreter = interpreter;
        _logger = logger;
    }

    /// <summary>Aggregates <paramref name="items"/> into the template <paramref name="resource"/>; returns whether the status was written.</summary>
    /// <exception cref="ResourceKindNotFoundException">The API server does not serve the template's kind.</exception>
    public async Task<bool> UpdateAsync(WorkV1Alpha2.ObjectReference resource, IReadOnlyList<WorkV1Alpha2.AggregatedStatusItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(items);
        if (!_interpreter.HookEnabled(new GroupVersionKind(resource.ApiVersion, resource.Kind), InterpreterOperation.AggregateStatus))
        {
            return false;
        }

        var rest = await _mapper.ResolveAsync(resource.ApiVersion, resource.Kind, cancellationToken);
        var ns = rest.Namespaced ? resource.Namespace : null;
        for (var attempt = 1; ; attempt++)
        {
            var template = attempt == 1
                ? await _reader.GetAsync(rest, ns, resource.Name, resource.ResourceVersion, cancellationToken)
                : await GetOrNullAsync(rest, ns, resource.Name, cancellationToken);
            if (template is null)
            {
                // The template is gone and garbage collection has not removed the binding yet.
                return false;
            }

            var aggregated = _interpreter.AggregateStatus(template, items);
            if (JsonNode.DeepEquals(template["status"], aggregated["status"]))
            {
                return false;
            }

            try
            {
                await _client.UpdateStatusAsync(rest, aggregated, cancellationToken: cancellationToken);
                LogTemplateStatusUpdated(_logger, resource.Kind, resource.Namespace ?? "", resource.Name);
                return true;
            }
            catch (ApiException ex) when (ex.IsConflict() && attempt < ConflictRetries)
            {
                // Someone wrote the template since the read: aggregate again over the fresh copy.
            }
        }
    }

    private async Task<JsonObject?> GetOrNullAsync(ResourceRef resource, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetAsync(resource, ns, name, cancellationToken);
        }
        catch (ApiException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    // Event ids 4600-4649: binding status controllers (next free id in BindingStatusController).
    [LoggerMessage(4600, LogLevel.Debug, "Updated status of {Kind} {Namespace}/{Name} from its aggregated status")]
    private static partial void LogTemplateStatusUpdated(ILogger logger, string kind, string @namespace, string name);
}
