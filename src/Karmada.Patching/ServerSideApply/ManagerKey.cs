using System.Text;
using Karmada.Json;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Identifies one managed fields entry: upstream keeps one entry per manager, operation, subresource and, for
/// <c>Update</c> only, API version (an applier keeps its entry when it changes version).
/// </summary>
internal readonly record struct ManagerKey(string Manager, string Operation, string? ApiVersion, string? Subresource)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public bool IsApply => Operation == ApplyOperation;

    public static ManagerKey ForApply(string manager, string? subresource) => new(manager, ApplyOperation, null, Empty(subresource));

    public static ManagerKey ForUpdate(string manager, string apiVersion, string? subresource) =>
        new(manager, UpdateOperation, apiVersion, Empty(subresource));

    /// <summary>The JSON upstream uses as the manager identifier; it orders conflict messages and capping.</summary>
    public string Identifier()
    {
        var builder = new StringBuilder("{");
        Append(builder, "manager", Manager);
        Append(builder, "operation", Operation);
        Append(builder, "apiVersion", ApiVersion);
        Append(builder, "subresource", Subresource);
        return builder.Append('}').ToString();
    }

    /// <summary>How upstream names the manager in conflict messages: <c>"kubectl" using apps/v1</c>.</summary>
    public string Describe()
    {
        var text = GoQuote.Quote(Manager);
        if (!string.IsNullOrEmpty(Subresource))
        {
            text += " with subresource " + GoQuote.Quote(Subresource);
        }

        return IsApply ? text : text + " using " + ApiVersion;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void Append(StringBuilder builder, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (builder.Length > 1)
        {
            builder.Append(',');
        }

        builder.Append(GoJson.Marshal(name)).Append(':').Append(GoJson.Marshal(value));
    }
}
