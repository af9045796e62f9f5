using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Printing;
using Karmada.ApiServer.Registry;
using Karmada.ApiServer.Resources;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Handlers;

/// <summary>Maps HTTP verbs on resource URLs to <see cref="ObjectService"/> operations and writes the responses.</summary>
public sealed class ResourceHandler(ObjectService objects, PatchApplier patcher, WatchStreamer watches, TimeProvider time)
{
    private const int ListFlushBytes = 256 * 1024;

    public async Task HandleAsync(HttpContext context, ApiRequest request, ResourceDefinition resource, string user)
    {
        var method = context.Request.Method;
        if (resource.Namespaced && request.Namespace is null && request.Name is not null)
        {
            throw new ApiException(Errors.NotFoundPath());
        }

        CheckSubresource(resource, request);
        var ns = resource.Namespaced ? request.Namespace : null;
        switch (method)
        {
            case "POST" when request.Subresource == PodBindingSubresource.Name:
                await BindAsync(context, resource, ns!, request.Name!);
                break;
            case not "POST" when request.Subresource == PodBindingSubresource.Name:
                throw new ApiException(Errors.MethodNotAllowed("the server does not allow this method on the requested resource"));
            case "GET" when request.Name is null:
                await ListOrWatchAsync(context, resource, ns);
                break;
            case "GET" when request.Subresource == "scale":
                await WriteScaleAsync(context, resource, await objects.GetRequiredAsync(resource, ns, request.Name!, context.RequestAborted), 200);
                break;
            case "GET":
                await GetAsync(context, resource, ns, request.Name!);
                break;
            case "POST" when request.Name is null:
                await CreateAsync(context, resource, ns, user);
                break;
            case "PUT" when request.Name is not null:
                await UpdateAsync(context, resource, ns, request.Name, request.Subresource, user);
                break;
            case "PATCH" when request.Name is not null:
                await PatchAsync(context, resource, ns, request.Name, request.Subresource, user);
                break;
            case "DELETE" when request.Name is not null:
                await DeleteAsync(context, resource, ns, request.Name, user);
                break;
            case "DELETE":
                await DeleteCollectionAsync(context, resource, ns, user);
                break;
            default:
                throw new ApiException(Errors.MethodNotAllowed($"the server does not allow this method on the requested resource"));
        }
    }

    private static void CheckSubresource(ResourceDefinition resource, ApiRequest request)
    {
        var ok = request.Subresource switch
        {
            "" => true,
            "status" => resource.HasStatus,
            "scale" => resource.Scale is not null,
            SchedulingSubresource.Name => SchedulingSubresource.IsServedBy(resource),
            PodBindingSubresource.Name => PodBindingSubresource.IsServedBy(resource),
            "finalize" => resource.Group.Length == 0 && resource.Plural == "namespaces",
            _ => false,
        };
        if (!ok)
        {
            throw new ApiException(Errors.NotFoundPath());
        }
    }

    private async Task GetAsync(HttpContext context, ResourceDefinition resource, string? ns, string name)
    {
        var found = await objects.GetRequiredAsync(resource, ns, name, context.RequestAborted);
        if (MediaTypes.WantsTable(context.Request.Headers.Accept))
        {
            var table = TablePrinter.Build(resource, [found.ToJsonObject()], IncludeObject(context), time.GetUtcNow(), Rv(found.Revision), null);
            await Responses.WriteJsonAsync(context, 200, table);
            return;
        }

        await Responses.WriteBytesAsync(context, 200, found.Json);
    }

    private async Task ListOrWatchAsync(HttpContext context, ResourceDefinition resource, string? ns)
    {
        var query = ListQuery.From(context.Request.Query);
        var store = objects.Stores.For(resource);
        var table = MediaTypes.WantsTable(context.Request.Headers.Accept);
        if (query.Watch)
        {
            await watches.StreamAsync(context, resource, store, ns, query, table);
            return;
        }

        await store.SyncAsync(context.RequestAborted);
        var prefix = store.PrefixFor(ns);
        if (query.ContinueKey is { } start && !start.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ApiException(Errors.BadRequest("continue key is not valid: it does not belong to this list"));
        }

        var (items, revision, hasMore) = store.Cache.List(prefix, ObjectFields.Filter(query.Labels, query.Fields), query.ContinueKey, query.Limit);
        var continueToken = hasMore ? ListQuery.EncodeContinue(items[^1].Key, revision) : null;
        if (table)
        {
            var t = TablePrinter.Build(resource, items.Select(i => i.ToJsonObject()), IncludeObject(context), time.GetUtcNow(), Rv(revision), continueToken);
            await Responses.WriteJsonAsync(context, 200, t);
            return;
        }

        await WriteListAsync(context, resource, items, revision, continueToken);
    }

    private static async Task WriteListAsync(HttpContext context, ResourceDefinition resource, List<CachedObject> items, long revision, string? continueToken)
    {
        var header = new StringBuilder();
        header.Append("{\"kind\":\"").Append(resource.ListKind).Append("\",\"apiVersion\":\"").Append(resource.GroupVersion)
            .Append("\",\"metadata\":{\"resourceVersion\":\"").Append(Rv(revision)).Append('"');
        if (continueToken is not null)
        {
            header.Append(",\"continue\":\"").Append(continueToken).Append('"');
        }

        header.Append("},\"items\":[");
        var head = Encoding.UTF8.GetBytes(header.ToString());
        long length = head.Length + 2 + Math.Max(0, items.Count - 1);
        foreach (var item in items)
        {
            length += item.Json.Length;
        }

        // The items are the cached bytes themselves, copied into the response pipe as they are (no DOM, and no
        // list-sized buffer), flushed in chunks so a large list is never held twice.
        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaTypes.Json;
        context.Response.ContentLength = length;
        var body = context.Response.BodyWriter;
        body.Write(head);
        var unflushed = head.Length;
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(items[i].Json);
            unflushed += items[i].Json.Length + 1;
            if (unflushed >= ListFlushBytes)
            {
                await body.FlushAsync(context.RequestAborted);
                unflushed = 0;
            }
        }

        body.Write("]}"u8);
        await body.FlushAsync(context.RequestAborted);
    }

    private async Task CreateAsync(HttpContext context, ResourceDefinition resource, string? ns, string user)
    {
        if (resource.Namespaced && ns is null)
        {
            throw new ApiException(Errors.NotFoundPath());
        }

        var obj = await RequestBody.ReadObjectAsync(context.Request, resource.DecodeDescription, context.RequestAborted);
        if (ReviewResponder.TryAnswer(context, resource, obj) is { } review)
        {
            await Responses.WriteJsonAsync(context, 201, review);
            return;
        }

        var result = await objects.CreateAsync(resource, ns, obj, WriteOptionsFrom(context, user), context.RequestAborted);
        Responses.AddWarnings(context, result.Warnings);
        await Responses.WriteBytesAsync(context, 201, result.Object.Json);
    }

    private async Task UpdateAsync(HttpContext context, ResourceDefinition resource, string? ns, string name, string subresource, string user)
    {
        var obj = await RequestBody.ReadObjectAsync(context.Request, resource.DecodeDescription, context.RequestAborted);
        var options = WriteOptionsFrom(context, user);
        if (subresource == "scale")
        {
            var replicas = ReadScaleReplicas(obj);
            var precondition = (string?)obj["metadata"]?["resourceVersion"];
            var scaled = await objects.GuaranteedUpdateAsync(resource, ns, name, "", options, string.IsNullOrEmpty(precondition) ? null : long.Parse(precondition, CultureInfo.InvariantCulture), o => SetReplicas(resource, o, replicas), context.RequestAborted);
            await WriteScaleAsync(context, resource, scaled.Object, 200);
            return;
        }

        var result = await objects.UpdateAsync(resource, ns, name, obj, subresource == "finalize" ? "finalize" : subresource, options, context.RequestAborted);
        Responses.AddWarnings(context, result.Warnings);
        await Responses.WriteBytesAsync(context, 200, result.Object.Json);
    }

    private async Task BindAsync(HttpContext context, ResourceDefinition resource, string ns, string name)
    {
        var binding = await RequestBody.ReadObjectAsync(context.Request, "Binding in version \"v1\" cannot be handled as a Binding", context.RequestAborted);
        var dryRun = context.Request.Query["dryRun"].ToString() == "All";
        await PodBindingSubresource.BindAsync(objects.Stores.For(resource), resource, ns, name, binding, dryRun, time, context.RequestAborted);
        await Responses.WriteJsonAsync(context, 201, new ApiStatus(201, "", "") { Success = true }.ToJson());
    }

    private async Task PatchAsync(HttpContext context, ResourceDefinition resource, string? ns, string name, string subresource, string user)
    {
        var body = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        var patchType = MediaTypes.Essence(context.Request.ContentType);
        var options = WriteOptionsFrom(context, user);
        if (subresource == "scale")
        {
            var current = await objects.GetRequiredAsync(resource, ns, name, context.RequestAborted);
            var scale = BuildScale(resource, current.ToJsonObject(), current.Revision);
            var patchedScale = patcher.ApplyToScale(scale, patchType, body);
            var replicas = ReadScaleReplicas(patchedScale);
            var scaled = await objects.GuaranteedUpdateAsync(resource, ns, name, "", options, null, o => SetReplicas(resource, o, replicas), context.RequestAborted);
            await WriteScaleAsync(context, resource, scaled.Object, 200);
            return;
        }

        var patch = patcher.Parse(resource, patchType, body, options);
        var existing = await objects.GetAsync(resource, ns, name, context.RequestAborted);
        if (existing is null)
        {
            if (!patch.IsApply)
            {
                throw new ApiException(Errors.NotFound(resource, name));
            }

            var fresh = patcher.ApplyToNew(resource, ns, name, patch, options);
            var created = await objects.CreateAsync(resource, ns, fresh, options with { FieldManager = null }, context.RequestAborted);
            Responses.AddWarnings(context, created.Warnings);
            await Responses.WriteBytesAsync(context, 201, created.Object.Json);
            return;
        }

        var result = await objects.GuaranteedUpdateAsync(resource, ns, name, subresource, patch.IsApply ? options with { FieldManager = null } : options, null, current => patcher.Apply(resource, current, patch, subresource, options), context.RequestAborted);
        Responses.AddWarnings(context, result.Warnings);
        await Responses.WriteBytesAsync(context, 200, result.Object.Json);
    }

    private async Task DeleteAsync(HttpContext context, ResourceDefinition resource, string? ns, string name, string user)
    {
        var options = await DeleteOptionsFromAsync(context, user);
        var result = await objects.DeleteAsync(resource, ns, name, options, context.RequestAborted);
        Responses.AddWarnings(context, result.Warnings);
        if (!result.Deleted)
        {
            await Responses.WriteBytesAsync(context, 200, result.Object.Json);
            return;
        }

        var status = new ApiStatus(200, "", "")
        {
            Success = true,
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Plural,
            DetailsUid = result.Object.Summary.Uid,
        };
        await Responses.WriteJsonAsync(context, 200, status.ToJson());
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceDefinition resource, string? ns, string user)
    {
        var query = ListQuery.From(context.Request.Query);
        var options = await DeleteOptionsFromAsync(context, user);
        var store = objects.Stores.For(resource);
        await store.SyncAsync(context.RequestAborted);
        var (items, _, _) = store.Cache.List(store.PrefixFor(ns), ObjectFields.Filter(query.Labels, query.Fields), null, 0);
        var deleted = new List<CachedObject>();
        foreach (var item in items)
        {
            try
            {
                var result = await objects.DeleteAsync(resource, item.Summary.Namespace.Length == 0 ? null : item.Summary.Namespace, item.Summary.Name, options, context.RequestAborted);
                deleted.Add(result.Object);
            }
            catch (ApiException ex) when (ex.Status.Code == 404)
            {
            }
        }

        await WriteListAsync(context, resource, deleted, store.Cache.Revision, null);
    }

    private async Task WriteScaleAsync(HttpContext context, ResourceDefinition resource, CachedObject obj, int statusCode) =>
        await Responses.WriteJsonAsync(context, statusCode, BuildScale(resource, obj.ToJsonObject(), obj.Revision));

    private static JsonObject BuildScale(ResourceDefinition resource, JsonObject obj, long revision)
    {
        var scale = resource.Scale!;
        var metadata = obj["metadata"]!.AsObject();
        var scaleMeta = new JsonObject
        {
            ["name"] = metadata["name"]?.DeepClone(),
            ["uid"] = metadata["uid"]?.DeepClone(),
            ["resourceVersion"] = Rv(revision),
            ["creationTimestamp"] = metadata["creationTimestamp"]?.DeepClone(),
        };
        if (metadata["namespace"] is { } ns)
        {
            scaleMeta["namespace"] = ns.DeepClone();
        }

        var status = new JsonObject { ["replicas"] = ReadInt(obj, scale.StatusReplicasPath) };
        if (scale.LabelSelectorPath is { } selectorPath && JsonPathExpression.EvaluateToString(obj, selectorPath) is { Length: > 0 } selector)
        {
            status["selector"] = selector;
        }
        else if (obj["spec"]?["selector"] is JsonObject structured)
        {
            status["selector"] = string.Join(",", (structured["matchLabels"] as JsonObject ?? []).Select(p => $"{p.Key}={(string?)p.Value}"));
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = new JsonObject { ["replicas"] = ReadInt(obj, scale.SpecReplicasPath) },
            ["status"] = status,
        };
    }

    private static long ReadInt(JsonObject obj, string path) =>
        JsonPathExpression.Evaluate(obj, path).FirstOrDefault() is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;

    private static long ReadScaleReplicas(JsonObject scale)
    {
        var node = scale["spec"]?["replicas"];
        return node is JsonValue v && v.TryGetValue<long>(out var n) && n >= 0
            ? n
            : throw new ApiException(Errors.BadRequest("spec.replicas must be a non-negative integer"));
    }

    private static JsonObject SetReplicas(ResourceDefinition resource, JsonObject obj, long replicas)
    {
        var segments = resource.Scale!.SpecReplicasPath.Trim('.').Split('.');
        var node = obj;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }

            node = child;
        }

        node[segments[^1]] = replicas;
        return obj;
    }

    private static WriteOptions WriteOptionsFrom(HttpContext context, string user)
    {
        var query = context.Request.Query;
        var validation = query["fieldValidation"].ToString();
        return new WriteOptions
        {
            DryRun = query["dryRun"].ToString() == "All",
            FieldManager = query["fieldManager"].ToString() is { Length: > 0 } manager ? manager : DefaultManager(context),
            FieldValidation = validation.Length == 0 ? "Warn" : validation,
            Force = query["force"].ToString() is "true" or "1",
            UserName = user,
        };
    }

    /// <summary>Without a fieldManager, upstream derives one from the user agent's program name.</summary>
    private static string DefaultManager(HttpContext context)
    {
        var agent = context.Request.Headers.UserAgent.ToString();
        var slash = agent.IndexOf('/', StringComparison.Ordinal);
        var name = slash > 0 ? agent[..slash] : agent;
        return name.Length == 0 ? "unknown" : name;
    }

    private static async Task<DeleteOptions> DeleteOptionsFromAsync(HttpContext context, string user)
    {
        var query = context.Request.Query;
        string? policy = query["propagationPolicy"].ToString() is { Length: > 0 } p ? p : null;
        string? uid = null, rv = null;
        var dryRun = query["dryRun"].ToString() == "All";
        long? grace = long.TryParse(query["gracePeriodSeconds"].ToString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : null;
        if (query["orphanDependents"].ToString() == "true")
        {
            policy ??= "Orphan";
        }

        var body = await RequestBody.ReadBytesAsync(context.Request, context.RequestAborted);
        if (body.Length > 0)
        {
            var options = RequestBody.DecodeObject(body, context.Request.ContentType, "DeleteOptions");
            policy = (string?)options["propagationPolicy"] ?? policy;
            if (options["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var o) && o)
            {
                policy ??= "Orphan";
            }

            if (options["gracePeriodSeconds"] is JsonValue period && period.TryGetValue<long>(out var seconds))
            {
                grace = seconds;
            }

            uid = (string?)options["preconditions"]?["uid"];
            rv = (string?)options["preconditions"]?["resourceVersion"];
            if (options["dryRun"] is JsonArray dry && dry.Any(d => (string?)d == "All"))
            {
                dryRun = true;
            }
        }

        if (policy is not null and not "Orphan" and not "Background" and not "Foreground")
        {
            throw new ApiException(Errors.BadRequest($"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\""));
        }

        return new DeleteOptions { PropagationPolicy = policy, PreconditionUid = uid, PreconditionResourceVersion = rv, DryRun = dryRun, UserName = user, GracePeriodSeconds = grace };
    }

    private static string IncludeObject(HttpContext context) =>
        context.Request.Query["includeObject"].ToString() is { Length: > 0 } include ? include : "Metadata";

    private static string Rv(long revision) => revision.ToString(CultureInfo.InvariantCulture);
}
