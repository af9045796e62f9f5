namespace Karmada.Api.Meta;

/// <summary>A list of API objects (<c>&lt;Kind&gt;List</c>).</summary>
/// <typeparam name="T">The item kind.</typeparam>
public interface IKubernetesObjectList<T>
    where T : IKubernetesObject
{
    /// <summary>The versioned schema of this representation.</summary>
    string ApiVersion { get; set; }

    /// <summary>The list kind, e.g. <c>PropagationPolicyList</c>.</summary>
    string Kind { get; set; }

    /// <summary>Standard list metadata.</summary>
    ListMeta Metadata { get; set; }

    /// <summary>The items.</summary>
    List<T> Items { get; set; }
}
