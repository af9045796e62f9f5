using Karmada.ApiServer.Resources;

namespace Karmada.ApiServer.Http;

/// <summary>
/// Builders for the Status shapes kube-apiserver answers with, with apimachinery's exact message formats
/// (kubectl re-renders some of them, so the wording matters).
/// </summary>
public static class Errors
{
    public static ApiStatus NotFound(ResourceDefinition resource, string name) =>
        new(404, "NotFound", $"{resource.QualifiedResource} \"{name}\" not found")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Plural,
        };

    public static ApiStatus NotFoundPath() =>
        new(404, "NotFound", "the server could not find the requested resource");

    public static ApiStatus AlreadyExists(ResourceDefinition resource, string name) =>
        new(409, "AlreadyExists", $"{resource.QualifiedResource} \"{name}\" already exists")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Plural,
        };

    public static ApiStatus Conflict(ResourceDefinition resource, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource.QualifiedResource} \"{name}\": {detail}")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Plural,
        };

    public static ApiStatus Modified(ResourceDefinition resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiStatus Invalid(ResourceDefinition resource, string name, IReadOnlyList<StatusCause> causes)
    {
        var kind = resource.Group.Length == 0 ? resource.Kind : $"{resource.Kind}.{resource.Group}";
        var text = causes.Count == 1
            ? FormatCause(causes[0])
            : "[" + string.Join(", ", causes.Select(FormatCause)) + "]";
        return new ApiStatus(422, "Invalid", $"{kind} \"{name}\" is invalid: {text}")
        {
            DetailsName = name,
            DetailsGroup = resource.Group,
            DetailsKind = resource.Kind,
            Causes = causes,
        };
    }

    public static ApiStatus BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiStatus MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiStatus UnsupportedMediaType(string message) => new(415, "UnsupportedMediaType", message);

    public static ApiStatus NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiStatus TooLarge(string message) => new(413, "RequestEntityTooLarge", message);

    public static ApiStatus Expired(string message) => new(410, "Expired", message);

    public static ApiStatus Gone(string message) => new(410, "Gone", message);

    public static ApiStatus Forbidden(string message) => new(403, "Forbidden", message);

    public static ApiStatus Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}");

    public static ApiStatus Unavailable(string message) => new(503, "ServiceUnavailable", message) { RetryAfterSeconds = 1 };

    public static ApiStatus Timeout(string message) => new(504, "Timeout", message) { RetryAfterSeconds = 1 };

    private static string FormatCause(StatusCause cause) =>
        cause.Field.Length == 0 ? cause.Message : $"{cause.Field}: {cause.Message}";
}
