namespace Karmada.Storage.Tests;

public sealed class StorageExceptionTests
{
    [Fact]
    public void Constructor_WithKind_KeepsKindAndKey()
    {
        var ex = new StorageException(StorageErrorKind.Conflict, "/registry/core/configmaps/ns/a", "conflict");

        Assert.Equal(StorageErrorKind.Conflict, ex.Kind);
        Assert.Equal("/registry/core/configmaps/ns/a", ex.Key);
    }
}
