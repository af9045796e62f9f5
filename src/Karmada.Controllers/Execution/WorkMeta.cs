using System.Text.Json.Serialization.Metadata;
using Karmada.Client;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;

namespace Karmada.Controllers.Execution;

/// <summary>Typed access to Works for informers and the client.</summary>
public static class WorkMeta
{
    /// <summary><c>work.karmada.io/v1alpha1</c> Works (namespaced, in the execution namespaces).</summary>
    public static ResourceRef Resource { get; } = new("work.karmada.io", "v1alpha1", "works", Namespaced: true);

    /// <summary>Identity and version of a Work, for typed informers.</summary>
    public static ObjectMetaAccessor<WorkV1Alpha1.Work> Accessor { get; } =
        new(w => w.Metadata.Namespace, w => w.Metadata.Name, w => w.Metadata.ResourceVersion);

    /// <summary>The source-generated JSON contract of a Work.</summary>
    public static JsonTypeInfo<WorkV1Alpha1.Work> TypeInfo { get; } = Api.KarmadaJson.GetTypeInfo<WorkV1Alpha1.Work>();
}
