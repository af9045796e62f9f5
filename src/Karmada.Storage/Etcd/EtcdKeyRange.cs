using System.Text;
using Google.Protobuf;

namespace Karmada.Storage.Etcd;

/// <summary>Byte-level key arithmetic for etcd ranges (etcd compares keys as raw bytes).</summary>
internal static class EtcdKeyRange
{
    /// <summary>The first key of the range of <paramref name="prefix"/>; etcd rejects an empty key.</summary>
    public static ByteString Start(byte[] prefix) =>
        prefix.Length == 0 ? ByteString.CopyFrom(0) : UnsafeByteOperations.UnsafeWrap(prefix);

    /// <summary>The smallest key greater than every key that starts with <paramref name="prefix"/>.</summary>
    public static ByteString PrefixEnd(byte[] prefix)
    {
        var end = (byte[])prefix.Clone();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] < 0xFF)
            {
                end[i]++;
                return ByteString.CopyFrom(end, 0, i + 1);
            }
        }

        // Every byte is 0xFF (or the prefix is empty): etcd reads "\0" as "to the end of the keyspace".
        return ByteString.CopyFrom(0);
    }

    /// <summary>The smallest key strictly greater than <paramref name="key"/>.</summary>
    public static ByteString After(string key)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(key) + 1];
        Encoding.UTF8.GetBytes(key, bytes);
        return UnsafeByteOperations.UnsafeWrap(bytes);
    }
}
