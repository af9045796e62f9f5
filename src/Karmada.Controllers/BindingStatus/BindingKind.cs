using System.Text.Json.Serialization.Metadata;
using Karmada.Api;
using Karmada.Api.Meta;
using Karmada.Client;
using WorkV1Alpha1 = Karmada.Api.Work.V1Alpha1;
using WorkV1Alpha2 = Karmada.Api.Work.V1Alpha2;

namespace Karmada.Controllers.BindingStatus;

/// <summary>
/// What differs between ResourceBindings and ClusterResourceBindings for status aggregation: the REST resource, the
/// permanent-id label that selects their Works, and the Work annotations that point back at the binding.
/// </summary>
public sealed class BindingKind<TBinding> where TBinding : class
{
    private readonly Func<TBinding, ObjectMeta> _metadata;
    private readonly Func<TBinding, WorkV1Alpha2.ResourceBindingSpec> _spec;
    private readonly Func<TBinding, WorkV1Alpha2.ResourceBindingStatus> _status;
    private readonly Action<TBinding, WorkV1Alpha2.ResourceBindingStatus> _setStatus;
    private readonly Func<WorkV1Alpha1.Work, ObjectKey?> _bindingOfWork;

    internal BindingKind(
        string controllerName,
        ResourceRef resource,
        string permanentIdLabel,
        Func<TBinding, ObjectMeta> metadata,
        Func<TBinding, WorkV1Alpha2.ResourceBindingSpec> spec,
        Func<TBinding, WorkV1Alpha2.ResourceBindingStatus> status,
        Action<TBinding, WorkV1Alpha2.ResourceBindingStatus> setStatus,
        Func<WorkV1Alpha1.Work, ObjectKey?> bindingOfWork)
    {
        ControllerName = controllerName;
        Resource = resource;
        PermanentIdLabel = permanentIdLabel;
        _metadata = metadata;
        _spec = spec;
        _status = status;
        _setStatus = setStatus;
        _bindingOfWork = bindingOfWork;
        Accessor = new ObjectMetaAccessor<TBinding>(b => metadata(b).Namespace, b => metadata(b).Name, b => metadata(b).ResourceVersion);
    }

    /// <summary>Upstream's controller name, used for the queue, logs and metrics.</summary>
    public string ControllerName { get; }

    public ResourceRef Resource { get; }

    /// <summary>The label carrying the binding's permanent id, on the binding and on its Works.</summary>
    public string PermanentIdLabel { get; }

    public ObjectMetaAccessor<TBinding> Accessor { get; }

    public JsonTypeInfo<TBinding> TypeInfo { get; } = KarmadaJson.GetTypeInfo<TBinding>();

    public ObjectMeta Metadata(TBinding binding) => _metadata(binding);

    public WorkV1Alpha2.ResourceBindingSpec Spec(TBinding binding) => _spec(binding);

    public WorkV1Alpha2.ResourceBindingStatus Status(TBinding binding) => _status(binding);

    public void SetStatus(TBinding binding, WorkV1Alpha2.ResourceBindingStatus status) => _setStatus(binding, status);

    /// <summary>The binding a Work belongs to, from its annotations; null for Works of other owners.</summary>
    public ObjectKey? BindingOfWork(WorkV1Alpha1.Work work) => _bindingOfWork(work);
}
