using System.Text.Json.Nodes;
using Karmada.ApiServer.Resources;
using Karmada.Security.Authentication;
using Microsoft.AspNetCore.Http;

namespace Karmada.ApiServer.Handlers;

/// <summary>
/// Answers the review kinds that are never stored: access reviews (<c>kubectl auth can-i</c>; every authenticated
/// user is allowed everything, since the server enforces no authorization yet) and self-subject reviews
/// (<c>kubectl auth whoami</c>).
/// </summary>
public static class ReviewResponder
{
    public static JsonObject? TryAnswer(HttpContext context, ResourceDefinition resource, JsonObject request)
    {
        var user = context.GetKubernetesUser();
        switch (resource.Group, resource.Plural)
        {
            case ("authorization.k8s.io", "selfsubjectaccessreviews" or "subjectaccessreviews"):
                request["status"] = new JsonObject
                {
                    ["allowed"] = true,
                    ["reason"] = "authenticated users are allowed every verb on every resource",
                };
                break;
            case ("authentication.k8s.io", "selfsubjectreviews"):
                request["status"] = new JsonObject
                {
                    ["userInfo"] = new JsonObject
                    {
                        ["username"] = user?.Name ?? "",
                        ["uid"] = user?.Uid ?? "",
                        ["groups"] = new JsonArray((user?.Groups ?? []).Select(g => (JsonNode?)g).ToArray()),
                    },
                };
                break;
            default:
                return null;
        }

        request["apiVersion"] = resource.GroupVersion;
        request["kind"] = resource.Kind;
        return request;
    }
}
