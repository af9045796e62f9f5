using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Registry;

/// <summary>A decoded PATCH body and its type (the request's Content-Type).</summary>
public sealed record ParsedPatch(string Type, JsonNode Body)
{
    public bool IsApply => Type == Http.MediaTypes.ApplyPatch;
}
