using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Karmada.ApiServer.ControlPlane;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.OpenApi;
using Karmada.ApiServer.Resources;
using Karmada.OpenApi.Documents;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Tests.OpenApi;

/// <summary>
/// Requests validate (structural schemas), serve OpenAPI documents (components) and add kinds at the same time, all
/// through one schema generator that is not thread-safe. Each round starts every worker at once on a new registry, so
/// the generator is still growing while the others read it.
/// </summary>
public sealed class SchemaRegistryConcurrencyTests
{
    // Without the generator's lock a run failed within its first two rounds every time; a round takes 0.1-0.3 s on a
    // loaded machine.
    private const int Rounds = 10;

    // Generous: a round takes a fraction of a second; only a generator corrupted into a loop comes near it.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static readonly IReadOnlyList<ResourceDefinition> Kinds = KarmadaResourceDefinitions.All;

    [Fact]
    public async Task StructuralSchemasDocumentsAndKindAdditionsAtOnceNeitherFailNorDiffer()
    {
        var expected = StructuralSchemasBuiltAlone();

        // Different orders, so that workers generate different kinds at the same moment.
        var backwards = Kinds.Reverse().ToList();
        var fromTheMiddle = Kinds.Skip(Kinds.Count / 2).Concat(Kinds.Take(Kinds.Count / 2)).ToList();
        for (var round = 0; round < Rounds; round++)
        {
            var schemas = new SchemaRegistry();
            var catalog = new ResourceCatalog(Kinds);
            await RunAtOnce(
            [
                Synchronously(() => BuildStructural(schemas, Kinds, expected)),
                Synchronously(() => BuildStructural(schemas, backwards, expected)),
                Synchronously(() => AddKinds(schemas, fromTheMiddle)),
                Synchronously(schemas.Warm),
                () => ServeDocuments(new OpenApiEndpoints(catalog, schemas, new ServerVersion())),
                () => ServeDocuments(new OpenApiEndpoints(catalog, schemas, new ServerVersion())),
                Synchronously(() => ReadComponents(schemas)),
            ]);
        }
    }

    private static Dictionary<Type, JsonObject> StructuralSchemasBuiltAlone()
    {
        var schemas = new SchemaRegistry();
        return Kinds.ToDictionary(kind => kind.ModelType!, kind => schemas.StructuralFor(kind)!);
    }

    private static void BuildStructural(
        SchemaRegistry schemas, IEnumerable<ResourceDefinition> kinds, Dictionary<Type, JsonObject> expected)
    {
        foreach (var kind in kinds)
        {
            var structural = schemas.StructuralFor(kind);
            if (!JsonNode.DeepEquals(structural, expected[kind.ModelType!]))
            {
                throw new InvalidOperationException($"the structural schema of {kind} differs from the one built alone");
            }
        }
    }

    private static void AddKinds(SchemaRegistry schemas, IEnumerable<ResourceDefinition> kinds)
    {
        foreach (var kind in kinds)
        {
            var component = schemas.ComponentFor(kind) ?? throw new InvalidOperationException($"{kind} has no component");

            // Read outside the registry's lock, as a document build does.
            _ = component.Schema.DeepClone();
        }
    }

    private static async Task ServeDocuments(OpenApiEndpoints endpoints)
    {
        foreach (var (group, version) in Kinds.Select(kind => (kind.Group, kind.Version)).Distinct())
        {
            var path = "/openapi/v3/" + OpenApiV3.GroupVersionPath(group, version);
            var context = new DefaultHttpContext();
            context.Response.Body = new MemoryStream();
            var served = await endpoints.TryServeAsync(context, path);
            if (!served || context.Response.StatusCode != 200 || context.Response.Body.Length == 0)
            {
                throw new InvalidOperationException($"{path} was not served");
            }
        }
    }

    private static void ReadComponents(SchemaRegistry schemas)
    {
        for (var i = 0; i < Kinds.Count; i++)
        {
            foreach (var (_, component) in schemas.KarmadaComponents)
            {
                _ = component.DeepClone();
            }
        }
    }

    private static Func<Task> Synchronously(Action work) => () =>
    {
        work();
        return Task.CompletedTask;
    };

    /// <summary>Starts every worker on its own thread at the same moment and fails with what any of them threw.</summary>
    private static async Task RunAtOnce(IReadOnlyList<Func<Task>> workers)
    {
        var failures = new ConcurrentQueue<Exception>();
        using var start = new Barrier(workers.Count);
        var running = workers.Select(work => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return Recorded(work, failures);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap());

        await Task.WhenAll(running).WaitAsync(Deadline);
        Assert.Empty(failures);
    }

    private static async Task Recorded(Func<Task> work, ConcurrentQueue<Exception> failures)
    {
        try
        {
            await work();
        }
        catch (Exception e)
        {
            failures.Enqueue(e);
        }
    }
}
