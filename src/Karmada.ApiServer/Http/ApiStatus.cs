using System.Text.Json.Nodes;

namespace Karmada.ApiServer.Http;

/// <summary>A Kubernetes <c>metav1.Status</c> as the server sends it for errors and some deletes.</summary>
public sealed record ApiStatus(int Code, string Reason, string Message)
{
    public string? DetailsName { get; init; }

    public string? DetailsGroup { get; init; }

    /// <summary>Resource plural for NotFound/AlreadyExists/Conflict, Kind for Invalid (apimachinery's rule).</summary>
    public string? DetailsKind { get; init; }

    public string? DetailsUid { get; init; }

    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    public int? RetryAfterSeconds { get; init; }

    public bool Success { get; init; }

    public JsonObject ToJson()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = Success ? "Success" : "Failure",
        };
        if (!Success || Message.Length > 0)
        {
            status["message"] = Message;
        }

        if (Reason.Length > 0)
        {
            status["reason"] = Reason;
        }

        var details = new JsonObject();
        if (DetailsName is not null)
        {
            details["name"] = DetailsName;
        }

        if (DetailsGroup is not null)
        {
            details["group"] = DetailsGroup;
        }

        if (DetailsKind is not null)
        {
            details["kind"] = DetailsKind;
        }

        if (DetailsUid is not null)
        {
            details["uid"] = DetailsUid;
        }

        if (Causes.Count > 0)
        {
            var causes = new JsonArray();
            foreach (var cause in Causes)
            {
                var c = new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message };
                if (cause.Field.Length > 0)
                {
                    c["field"] = cause.Field;
                }

                causes.Add(c);
            }

            details["causes"] = causes;
        }

        if (RetryAfterSeconds is { } retry)
        {
            details["retryAfterSeconds"] = retry;
        }

        if (details.Count > 0)
        {
            status["details"] = details;
        }

        status["code"] = Code;
        return status;
    }
}

/// <summary>One entry of <c>details.causes</c>.</summary>
public sealed record StatusCause(string Reason, string Message, string Field = "");
