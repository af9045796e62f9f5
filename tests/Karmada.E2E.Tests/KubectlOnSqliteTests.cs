namespace Karmada.E2E.Tests;

/// <summary>The kubectl scenarios against <c>karmada apiserver --storage sqlite</c>.</summary>
public sealed class KubectlOnSqliteTests(SqliteApiServerFixture fixture) : KubectlScenarios(fixture), IClassFixture<SqliteApiServerFixture>;
