namespace Karmada.ApiServer.Defaulting;

/// <summary>
/// Hands out Service cluster IPs from 10.96.0.0/12 as kube-apiserver's allocator does (without persisting its
/// bitmap: addresses are unique per process lifetime and only informative in the simulator and control plane).
/// </summary>
public sealed class ServiceIpAllocator
{
    private long _next = 10;

    public string Next()
    {
        var offset = Interlocked.Increment(ref _next) % (1 << 20);
        var address = (10L << 24) | (96L << 16) | offset;
        return $"{(address >> 24) & 255}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";
    }
}
