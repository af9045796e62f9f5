namespace Karmada.Policy.Json;

/// <summary>
/// go-yaml v2's map key order when marshalling (<c>keyList.Less</c>): a natural order in which runs of digits
/// compare numerically and a letter sorts after a non-letter.
/// </summary>
internal sealed class YamlKeyComparer : IComparer<string>
{
    public static YamlKeyComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (Less(x, y))
        {
            return -1;
        }

        return Less(y, x) ? 1 : 0;
    }

    private static bool Less(string a, string b)
    {
        var ar = a.EnumerateRunes().ToArray();
        var br = b.EnumerateRunes().ToArray();
        for (var i = 0; i < ar.Length && i < br.Length; i++)
        {
            if (ar[i] == br[i])
            {
                continue;
            }

            var al = System.Text.Rune.IsLetter(ar[i]);
            var bl = System.Text.Rune.IsLetter(br[i]);
            if (al && bl)
            {
                return ar[i] < br[i];
            }

            if (al || bl)
            {
                return bl;
            }

            long an = 0;
            long bn = 0;
            if (ar[i].Value == '0' || br[i].Value == '0')
            {
                for (var j = i - 1; j >= 0 && System.Text.Rune.IsDigit(ar[j]); j--)
                {
                    if (ar[j].Value != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            var ai = i;
            for (; ai < ar.Length && System.Text.Rune.IsDigit(ar[ai]); ai++)
            {
                an = (an * 10) + (ar[ai].Value - '0');
            }

            var bi = i;
            for (; bi < br.Length && System.Text.Rune.IsDigit(br[bi]); bi++)
            {
                bn = (bn * 10) + (br[bi].Value - '0');
            }

            if (an != bn)
            {
                return an < bn;
            }

            if (ai != bi)
            {
                return ai < bi;
            }

            return ar[i] < br[i];
        }

        return ar.Length < br.Length;
    }
}
