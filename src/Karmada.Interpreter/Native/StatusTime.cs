using System.Text.Json.Nodes;
using Karmada.Api.Serialization;
using Karmada.Interpreter.Json;

namespace Karmada.Interpreter.Native;

/// <summary><c>metav1.Time</c> fields of unstructured statuses: RFC 3339 in, RFC 3339 UTC seconds out.</summary>
internal static class StatusTime
{
    public static DateTimeOffset? Get(JsonObject? obj, string field)
    {
        var text = Unstructured.GetString(obj, field);
        if (text is null)
        {
            return null;
        }

        return TimeJsonConverter.TryParse(text, out var value)
            ? value
            : throw new InterpreterException($"field {field} is not an RFC 3339 time: {text}");
    }

    public static void Set(JsonObject obj, string field, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            obj[field] = TimeJsonConverter.Format(time);
        }
        else
        {
            obj.Remove(field);
        }
    }

    public static string Format(DateTimeOffset value) => TimeJsonConverter.Format(value);
}
