using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Karmada.Security.IO;

namespace Karmada.Security.Authentication;

/// <summary>
/// kube-apiserver's <c>--token-auth-file</c>: a CSV file of <c>token,user,uid,"group1,group2"</c> lines (the groups
/// column is optional). Parsing follows Go's encoding/csv as kube configures it: quoted fields, leading spaces
/// trimmed, extra columns ignored, lines with an empty token skipped, and the last line wins for a repeated token.
/// </summary>
public sealed class StaticTokenFile : ITokenAuthenticator, IDisposable
{
    /// <summary>The file's usual name inside a data directory.</summary>
    public const string DefaultFileName = "tokens.csv";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private volatile Snapshot _snapshot;

    private StaticTokenFile(string path, Snapshot snapshot)
    {
        FilePath = path;
        _snapshot = snapshot;
    }

    /// <summary>Where the tokens are kept.</summary>
    public string FilePath { get; }

    /// <summary>The entries in file order (a repeated token appears once, at its last line's values).</summary>
    public IReadOnlyList<StaticToken> Tokens => _snapshot.Entries;

    /// <summary>Reads <paramref name="path"/>; a missing file is an empty token list that <see cref="AddAsync"/> will create.</summary>
    /// <exception cref="FormatException">The file is not valid token CSV.</exception>
    public static async Task<StaticTokenFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : string.Empty;
        return new StaticTokenFile(Path.GetFullPath(path), Snapshot.From(Parse(text)));
    }

    /// <summary>Parses token CSV text.</summary>
    /// <exception cref="FormatException">A record has fewer than three columns or a quote is misplaced.</exception>
    public static IReadOnlyList<StaticToken> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var tokens = new List<StaticToken>();
        var recordNumber = 0;
        foreach (var record in CsvRecords(text))
        {
            recordNumber++;
            if (record.Count < 3)
            {
                throw new FormatException($"token file record {recordNumber} must have at least 3 columns (token, user name, user uid), found {record.Count}");
            }

            if (record[0].Length == 0)
            {
                continue;
            }

            var groups = record.Count >= 4
                ? record[3].Split(',').Where(group => group.Length > 0).ToArray()
                : [];
            tokens.Add(new StaticToken(record[0], new UserInfo(record[1], record[2], groups)));
        }

        return tokens;
    }

    /// <summary>Formats one entry as a CSV line (without the line break), quoting fields where CSV needs it.</summary>
    public static string Format(StaticToken token)
    {
        ArgumentNullException.ThrowIfNull(token);

        var fields = new List<string> { token.Token, token.User.Name, token.User.Uid };
        if (token.User.Groups.Count > 0)
        {
            fields.Add(string.Join(',', token.User.Groups));
        }

        return string.Join(',', fields.Select(Quote));
    }

    /// <summary>Generates a token from 256 random bits, base64url-encoded (43 characters, safe in CSV and headers).</summary>
    public static string GenerateToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The first entry for <paramref name="userName"/>, or null.</summary>
    public StaticToken? FindByUser(string userName) =>
        _snapshot.Entries.FirstOrDefault(entry => entry.User.Name == userName);

    /// <summary>
    /// Appends <paramref name="token"/> to the file (created with mode 0600 if missing) and starts accepting it.
    /// Lines already in the file, including any written by another process since loading, are kept as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The token is empty, contains whitespace, or is already in the file.</exception>
    public async Task AddAsync(StaticToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Token.Length == 0 || token.Token.Any(char.IsWhiteSpace) || token.Token.Any(char.IsControl))
        {
            throw new ArgumentException("A bearer token must be non-empty and free of whitespace and control characters.", nameof(token));
        }

        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var text = File.Exists(FilePath) ? await File.ReadAllTextAsync(FilePath, cancellationToken) : string.Empty;
            var current = Parse(text);
            if (current.Any(entry => entry.Token == token.Token))
            {
                throw new ArgumentException($"The token for {token.User.Name} is already in {FilePath}.", nameof(token));
            }

            var builder = new StringBuilder(text);
            if (builder.Length > 0 && builder[^1] != '\n')
            {
                builder.Append('\n');
            }

            builder.Append(Format(token)).Append('\n');
            await SecureFile.WriteAllTextAsync(FilePath, builder.ToString(), secret: true, cancellationToken);
            _snapshot = Snapshot.From([.. current, token]);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask<UserInfo?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);

        // Looking up by hash keeps the dictionary's early-exit string comparisons from timing secret bytes.
        return ValueTask.FromResult(_snapshot.ByHash.GetValueOrDefault(Hash(token)));
    }

    /// <inheritdoc />
    public void Dispose() => _writeGate.Dispose();

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Quote(string field)
    {
        var needsQuotes = field.Length > 0 && (field[0] == ' ' || field[0] == '\t')
            || field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needsQuotes ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }

    private static IEnumerable<List<string>> CsvRecords(string text)
    {
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var record = new List<string>();
            var field = new StringBuilder();
            var atFieldStart = true;
            var endOfRecord = false;
            while (!endOfRecord)
            {
                if (position >= text.Length)
                {
                    record.Add(field.ToString());
                    break;
                }

                var c = text[position];
                if (atFieldStart && (c == ' ' || c == '\t'))
                {
                    position++;
                    continue;
                }

                if (atFieldStart && c == '"')
                {
                    position = ReadQuoted(text, position + 1, field, ref line);
                    atFieldStart = false;
                    if (position < text.Length && text[position] is not (',' or '\n' or '\r'))
                    {
                        throw new FormatException($"token file line {line}: extraneous or missing \" in quoted field");
                    }

                    continue;
                }

                atFieldStart = false;
                switch (c)
                {
                    case ',':
                        record.Add(field.ToString());
                        field.Clear();
                        atFieldStart = true;
                        position++;
                        break;
                    case '\r' when position + 1 < text.Length && text[position + 1] == '\n':
                        position++;
                        break;
                    case '\n':
                        record.Add(field.ToString());
                        position++;
                        line++;
                        endOfRecord = true;
                        break;
                    case '"':
                        throw new FormatException($"token file line {line}: bare \" in non-quoted field");
                    default:
                        field.Append(c);
                        position++;
                        break;
                }
            }

            // encoding/csv skips empty lines; a line of blanks is treated the same way here.
            if (record.Count == 1 && record[0].Trim().Length == 0)
            {
                continue;
            }

            yield return record;
        }
    }

    private static int ReadQuoted(string text, int position, StringBuilder field, ref int line)
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position += 2;
                    continue;
                }

                return position + 1;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
            position++;
        }

        throw new FormatException($"token file line {line}: quoted field not closed");
    }

    private sealed class Snapshot
    {
        private Snapshot(IReadOnlyList<StaticToken> entries, Dictionary<string, UserInfo> byHash)
        {
            Entries = entries;
            ByHash = byHash;
        }

        public IReadOnlyList<StaticToken> Entries { get; }

        public Dictionary<string, UserInfo> ByHash { get; }

        public static Snapshot From(IReadOnlyList<StaticToken> parsed)
        {
            var byToken = new Dictionary<string, StaticToken>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var entry in parsed)
            {
                if (!byToken.ContainsKey(entry.Token))
                {
                    order.Add(entry.Token);
                }

                byToken[entry.Token] = entry;
            }

            var entries = order.Select(token => byToken[token]).ToList();
            var byHash = entries.ToDictionary(entry => Hash(entry.Token), entry => entry.User, StringComparer.Ordinal);
            return new Snapshot(entries, byHash);
        }
    }
}
