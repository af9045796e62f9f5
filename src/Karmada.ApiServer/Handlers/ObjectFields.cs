using System.Text.Json.Nodes;
using Karmada.ApiServer.Caching;
using Karmada.ApiServer.Resources;
using Karmada.ApiServer.Selection;

namespace Karmada.ApiServer.Handlers;

/// <summary>Evaluates label and field selectors against cached objects, reading full JSON only for non-metadata fields.</summary>
public static class ObjectFields
{
    public static Func<CachedObject, bool> Filter(LabelSelector labels, FieldSelector fields)
    {
        if (labels.IsEverything && fields.IsEverything)
        {
            return static _ => true;
        }

        return obj => Matches(obj, labels, fields);
    }

    public static bool Matches(CachedObject obj, LabelSelector labels, FieldSelector fields)
    {
        if (!labels.Matches(obj.Summary.Labels))
        {
            return false;
        }

        if (fields.IsEverything)
        {
            return true;
        }

        JsonObject? parsed = null;
        return fields.Matches(field => field switch
        {
            "metadata.name" => obj.Summary.Name,
            "metadata.namespace" => obj.Summary.Namespace,
            _ => JsonPathExpression.EvaluateToString(parsed ??= obj.ToJsonObject(), "." + field),
        });
    }
}
