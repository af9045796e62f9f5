using System.Text;
using System.Text.Json.Nodes;
using Karmada.ApiServer.Http;
using Karmada.ApiServer.Selection;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Handlers;

/// <summary>The list and watch query parameters, parsed and validated.</summary>
public sealed record ListQuery(
    LabelSelector Labels,
    FieldSelector Fields,
    int Limit,
    string? ContinueKey,
    string? ResourceVersion,
    bool Watch,
    bool AllowBookmarks,
    bool SendInitialEvents,
    int? TimeoutSeconds)
{
    public static ListQuery From(IQueryCollection query)
    {
        var limit = 0;
        if (query.TryGetValue("limit", out var limitText) && !int.TryParse(limitText, out limit))
        {
            throw new ApiException(Errors.BadRequest($"invalid limit \"{limitText}\""));
        }

        string? continueKey = null;
        if (query.TryGetValue("continue", out var token) && !string.IsNullOrEmpty(token))
        {
            continueKey = DecodeContinue(token!);
        }

        int? timeout = null;
        if (query.TryGetValue("timeoutSeconds", out var timeoutText) && int.TryParse(timeoutText, out var t))
        {
            timeout = t;
        }

        return new ListQuery(
            LabelSelector.Parse(query["labelSelector"]),
            FieldSelector.Parse(query["fieldSelector"]),
            Math.Max(0, limit),
            continueKey,
            query.TryGetValue("resourceVersion", out var rv) ? rv.ToString() : null,
            IsTrue(query["watch"]),
            IsTrue(query["allowWatchBookmarks"]),
            IsTrue(query["sendInitialEvents"]),
            timeout);
    }

    public static string EncodeContinue(string lastKey, long revision)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = revision, ["start"] = lastKey }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static string DecodeContinue(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var json = JsonNode.Parse(Convert.FromBase64String(padded));
            return (string?)json?["start"] ?? throw new FormatException("no start key");
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            throw new ApiException(Errors.BadRequest($"continue key is not valid: {ex.Message}"));
        }
    }

    private static bool IsTrue(string? value) => value is "true" or "1" or "True";
}
