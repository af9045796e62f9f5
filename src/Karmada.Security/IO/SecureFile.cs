using System.Text;

namespace Karmada.Security.IO;

/// <summary>
/// Writes credential files: atomically (a crash never leaves half a key behind) and, for secrets, readable by the
/// owner only (0600), the permissions kubeadm and kubectl use for keys and kubeconfig files.
/// </summary>
public static class SecureFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> (UTF-8, no BOM).</summary>
    /// <param name="path">The file to write; its directory must exist.</param>
    /// <param name="contents">The whole new contents.</param>
    /// <param name="secret">True for keys, tokens and kubeconfig files: the file gets mode 0600; otherwise 0644.</param>
    /// <param name="cancellationToken">Cancels the write; the old file then stays in place.</param>
    public static async Task WriteAllTextAsync(string path, string contents, bool secret, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(contents);

        var fullPath = Path.GetFullPath(path);
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,

            // Write-through so the data is on disk before the rename makes it visible under the real name.
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            // The mode is set when the file is created, so a secret is never readable by others, not even briefly.
            options.UnixCreateMode = secret ? OwnerOnly : WorldReadable;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(contents), cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            if (!OperatingSystem.IsWindows())
            {
                // UnixCreateMode is filtered through the umask; set the exact mode explicitly.
                File.SetUnixFileMode(temporary, secret ? OwnerOnly : WorldReadable);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file is harmless and has owner-only permissions.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
