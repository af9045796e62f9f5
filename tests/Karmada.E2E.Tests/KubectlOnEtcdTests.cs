namespace Karmada.E2E.Tests;

/// <summary>The kubectl scenarios against <c>karmada apiserver --storage etcd</c> on a real etcd.</summary>
public sealed class KubectlOnEtcdTests(EtcdApiServerFixture fixture) : KubectlScenarios(fixture), IClassFixture<EtcdApiServerFixture>;
