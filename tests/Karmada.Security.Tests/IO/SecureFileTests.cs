using Karmada.Security.IO;
using Karmada.Security.Tests.Infrastructure;
using Karmada.Testing;

namespace Karmada.Security.Tests.IO;

public sealed class SecureFileTests : IDisposable
{
    private readonly TempDirectory _temp = new("karmada-securefile");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteAllTextAsync_Secret_IsOwnerOnlyEvenWhenReplacingAWorldReadableFile()
    {
        var path = Path.Combine(_temp.Path, "key.pem");
        await SecureFile.WriteAllTextAsync(path, "public", secret: false, CancellationToken.None);
        FileModes.AssertMode(FileModes.WorldReadable, path);

        await SecureFile.WriteAllTextAsync(path, "secret", secret: true, CancellationToken.None);

        FileModes.AssertMode(FileModes.OwnerOnly, path);
        Assert.Equal("secret", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task WriteAllTextAsync_Cancelled_LeavesTheOldFileAndNoTemporaryFile()
    {
        var path = Path.Combine(_temp.Path, "tokens.csv");
        await SecureFile.WriteAllTextAsync(path, "old", secret: true, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SecureFile.WriteAllTextAsync(path, "new", secret: true, cancelled.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task WriteAllTextAsync_NoByteOrderMark()
    {
        var path = Path.Combine(_temp.Path, "ca.crt");

        await SecureFile.WriteAllTextAsync(path, "-----BEGIN", secret: false, CancellationToken.None);

        Assert.Equal((byte)'-', (await File.ReadAllBytesAsync(path))[0]);
    }
}
