using System.Text.Json;

namespace Karmada.Member.Faults;

/// <summary>
/// The file through which <c>karmada fault</c> tells a running member which faults to show:
/// <c>DIR/NAME.faults.json</c>. Writes are atomic (temporary file, then rename) so a reader never sees half a file.
/// </summary>
public static class FaultStateFile
{
    public static string PathFor(string dataDirectory, string memberName) =>
        System.IO.Path.Combine(dataDirectory, FileNameFor(memberName));

    public static string FileNameFor(string memberName) => $"{memberName}.faults.json";

    /// <summary>Reads the state; a missing file is a healthy member.</summary>
    public static async Task<FaultState> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return await JsonSerializer.DeserializeAsync(stream, FaultJsonContext.Default.FaultState, cancellationToken) ?? FaultState.Healthy;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return FaultState.Healthy;
        }
    }

    public static async Task WriteAsync(string path, FaultState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(state, FaultJsonContext.Default.FaultState), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }
}
