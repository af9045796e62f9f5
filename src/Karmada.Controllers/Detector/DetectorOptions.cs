namespace Karmada.Controllers.Detector;

/// <summary>Settings of the resource detector (upstream controller-manager flags).</summary>
public sealed class DetectorOptions
{
    /// <summary>How often served resources are re-discovered (upstream: 30 s); CRD changes also trigger a discovery.</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>--skipped-propagating-namespaces</c>: namespace patterns (whole-name regular expressions) never propagated.</summary>
    public IReadOnlyList<string> SkippedPropagatingNamespaces { get; set; } = ["kube-.*"];

    /// <summary><c>--skipped-propagating-apis</c>: extra APIs never watched; see <see cref="SkippedApis"/>.</summary>
    public string? SkippedPropagatingApis { get; set; }

    /// <summary>
    /// Gate <c>PropagationPolicyPreemption</c>: whether policies with <c>preemption: Always</c> take templates over
    /// (upstream alpha and off by default; on here so the field does what it says).
    /// </summary>
    public bool PolicyPreemption { get; set; } = true;

    /// <summary>Workers of the template queue and of the policy queue.</summary>
    public int Workers { get; set; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (DiscoveryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("The discovery interval must be positive.", nameof(DiscoveryInterval));
        }

        if (Workers <= 0)
        {
            throw new ArgumentException("Workers must be positive.", nameof(Workers));
        }

        _ = new SkippedApis(SkippedPropagatingApis);
        _ = new TemplateEventFilter(SkippedPropagatingNamespaces);
    }
}
