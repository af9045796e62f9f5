namespace Karmada.Security.Tests.Infrastructure;

public static class FileModes
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode WorldReadable = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Asserts the permission bits of <paramref name="path"/> (Unix only; Windows has no such bits).</summary>
    public static void AssertMode(UnixFileMode expected, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.True(File.Exists(path) || Directory.Exists(path), $"{path} should exist");
        Assert.Equal(expected, File.GetUnixFileMode(path));
    }
}
