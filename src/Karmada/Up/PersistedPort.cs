using System.Globalization;

namespace Karmada.Host.Up;

/// <summary>A port remembered in a one-line file, so a restarted server can come back where clients expect it.</summary>
public static class PersistedPort
{
    /// <summary>The remembered port, or null when the file is missing or does not hold a valid port.</summary>
    public static async Task<int?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
    }

    public static async Task WriteAsync(string path, int port, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, port.ToString(CultureInfo.InvariantCulture) + "\n", cancellationToken);
    }
}
