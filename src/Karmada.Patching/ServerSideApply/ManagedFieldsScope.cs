using System.Text.Json.Nodes;

namespace Karmada.Patching.ServerSideApply;

/// <summary>
/// Which part of an object a write may change and which subresource its managed fields entry records. Upstream
/// resets <c>status</c> on writes to the main resource of kinds with a status subresource (and everything but
/// <c>status</c> on writes to <c>/status</c>); reset fields are neither owned nor changed.
/// </summary>
public sealed class ManagedFieldsScope
{
    private const string StatusField = "status";

    private readonly bool _excludeStatus;
    private readonly bool _onlyStatus;

    private ManagedFieldsScope(string? subresource, bool excludeStatus, bool onlyStatus)
    {
        Subresource = subresource;
        _excludeStatus = excludeStatus;
        _onlyStatus = onlyStatus;
    }

    /// <summary>The main resource of a kind with a <c>status</c> subresource: <c>status</c> is ignored.</summary>
    public static ManagedFieldsScope MainResource { get; } = new(null, excludeStatus: true, onlyStatus: false);

    /// <summary>The main resource of a kind without a status subresource: every field is tracked.</summary>
    public static ManagedFieldsScope MainResourceWithStatus { get; } = new(null, excludeStatus: false, onlyStatus: false);

    /// <summary>The <c>status</c> subresource: only <c>status</c> is tracked; entries record <c>subresource: status</c>.</summary>
    public static ManagedFieldsScope Status { get; } = new(StatusField, excludeStatus: false, onlyStatus: true);

    /// <summary>The subresource recorded in managed fields entries (<see langword="null"/> for the main resource).</summary>
    public string? Subresource { get; }

    /// <summary>
    /// A write through a subresource (e.g. <c>scale</c>, already converted to the parent object by the caller);
    /// <c>status</c> gives <see cref="Status"/>.
    /// </summary>
    public static ManagedFieldsScope ForSubresource(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name == StatusField ? Status : new ManagedFieldsScope(name, excludeStatus: true, onlyStatus: false);
    }

    internal bool Tracks(FieldPath path)
    {
        var inStatus = path.Count > 0 && path[0].Kind == PathElementKind.Field && path[0].FieldName == StatusField;
        return _onlyStatus ? inStatus : !(_excludeStatus && inStatus);
    }

    /// <summary>Whether paths under the top-level field <paramref name="name"/> are tracked (<see cref="Tracks"/> of them).</summary>
    internal bool TracksRootField(string name)
    {
        var inStatus = name == StatusField;
        return _onlyStatus ? inStatus : !(_excludeStatus && inStatus);
    }

    /// <summary>Keeps the reset part of <paramref name="written"/> as it is in <paramref name="live"/>.</summary>
    internal JsonObject Restrict(JsonObject live, JsonObject written)
    {
        if (_onlyStatus)
        {
            var result = (JsonObject)live.DeepClone();
            CopyField(written, result, StatusField);
            return result;
        }

        if (_excludeStatus)
        {
            CopyField(live, written, StatusField);
        }

        return written;
    }

    private static void CopyField(JsonObject from, JsonObject to, string name)
    {
        if (from.TryGetPropertyValue(name, out var value))
        {
            to[name] = value?.DeepClone();
        }
        else
        {
            to.Remove(name);
        }
    }
}
