namespace Karmada.E2E.Tests;

/// <summary>The API server on its embedded default, SQLite.</summary>
public sealed class SqliteApiServerFixture : ApiServerFixture
{
    protected override Task<string[]> StorageArgumentsAsync() => Task.FromResult(new[] { "--storage", "sqlite" });
}
