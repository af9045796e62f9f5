using System.Buffers;

namespace Karmada.ApiServer.Registry;

/// <summary>Serialized JSON in an array rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns the array.</summary>
public readonly record struct RentedJson(byte[] Array, int Length) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(Array);
}
