namespace Karmada.Storage;

/// <summary>
/// Orders keys by Unicode code point, which is the byte order of their UTF-8 encoding: the order etcd and SQLite
/// (BINARY collation over UTF-8 text) use. Plain ordinal comparison differs only for characters above U+FFFF
/// versus U+E000..U+FFFF, but every backend must agree or paging with a continue key would skip or repeat items.
/// </summary>
internal sealed class StorageKeyComparer : IComparer<string>, IComparer<StoredObject>
{
    public static readonly StorageKeyComparer Instance = new();

    private StorageKeyComparer()
    {
    }

    public static int CompareKeys(string x, string y)
    {
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        return CodePointWeight(x[common]).CompareTo(CodePointWeight(y[common]));
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        return CompareKeys(x, y);
    }

    public int Compare(StoredObject? x, StoredObject? y) => Compare(x?.Key, y?.Key);

    // Surrogates (D800..DFFF) encode code points above FFFF, so they must sort after E000..FFFF.
    private static int CodePointWeight(char c) => c switch
    {
        < '\uD800' => c,
        >= '\uE000' => c - 0x800,
        _ => c + 0x2000,
    };
}
