namespace Karmada.E2E.Tests;

/// <summary>
/// Test classes that start a whole <c>karmada up</c> (API server, controllers, scheduler and simulated members in one
/// process) run one after another: the CI machine has two cores, and several of them at once starve each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KarmadaUpCollection
{
    public const string Name = "karmada up";
}
