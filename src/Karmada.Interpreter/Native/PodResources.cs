using Karmada.Api.Core;

namespace Karmada.Interpreter.Native;

/// <summary>
/// Upstream <c>util.Resource</c>: cpu in millis, memory, ephemeral storage, pods and scalar (extended, hugepage,
/// prefixed native) resources in whole units. Other names are ignored, as upstream ignores them.
/// </summary>
internal sealed class PodResources
{
    private readonly SortedDictionary<string, long> _scalars = new(StringComparer.Ordinal);
    private long _milliCpu;
    private long _memory;
    private long _ephemeralStorage;
    private long _pods;

    public void Add(IReadOnlyDictionary<string, string>? list) => Merge(list, (current, value) => current + value);

    public void SetMax(IReadOnlyDictionary<string, string>? list) => Merge(list, Math.Max);

    /// <summary>The positive amounts as a resource list in upstream's formats; null when all are zero.</summary>
    public ResourceList? ToResourceList()
    {
        var result = new ResourceList();
        if (_milliCpu > 0)
        {
            result.SetQuantity(ResourceNames.Cpu, Quantity.FromMilliValue(_milliCpu));
        }

        if (_memory > 0)
        {
            result.SetQuantity(ResourceNames.Memory, Quantity.FromValue(_memory, QuantityFormat.BinarySI));
        }

        if (_ephemeralStorage > 0)
        {
            result.SetQuantity(ResourceNames.EphemeralStorage, Quantity.FromValue(_ephemeralStorage, QuantityFormat.BinarySI));
        }

        if (_pods > 0)
        {
            result.SetQuantity(ResourceNames.Pods, Quantity.FromValue(_pods));
        }

        foreach (var (name, value) in _scalars)
        {
            if (value > 0)
            {
                var format = name.StartsWith("hugepages-", StringComparison.Ordinal) ? QuantityFormat.BinarySI : QuantityFormat.DecimalSI;
                result.SetQuantity(name, Quantity.FromValue(value, format));
            }
        }

        return result.Count == 0 ? null : result;
    }

    private void Merge(IReadOnlyDictionary<string, string>? list, Func<long, long, long> combine)
    {
        if (list is null)
        {
            return;
        }

        foreach (var (name, text) in list)
        {
            if (!Quantity.TryParse(text, out var quantity))
            {
                throw new InterpreterException($"quantity {name}={text} is invalid");
            }

            switch (name)
            {
                case ResourceNames.Cpu:
                    _milliCpu = combine(_milliCpu, quantity.MilliValue);
                    break;
                case ResourceNames.Memory:
                    _memory = combine(_memory, quantity.Value);
                    break;
                case ResourceNames.EphemeralStorage:
                    _ephemeralStorage = combine(_ephemeralStorage, quantity.Value);
                    break;
                case ResourceNames.Pods:
                    _pods = combine(_pods, quantity.Value);
                    break;
                default:
                    if (IsScalarResourceName(name))
                    {
                        _scalars[name] = combine(_scalars.GetValueOrDefault(name), quantity.Value);
                    }

                    break;
            }
        }
    }

    // Extended (domain-prefixed), hugepages-*, attachable-volumes-* and kubernetes.io/-prefixed native resources.
    private static bool IsScalarResourceName(string name) =>
        name.Contains('/', StringComparison.Ordinal)
        || name.StartsWith("hugepages-", StringComparison.Ordinal)
        || name.StartsWith("attachable-volumes-", StringComparison.Ordinal);
}
