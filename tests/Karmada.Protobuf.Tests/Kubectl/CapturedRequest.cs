namespace Karmada.Protobuf.Tests.Kubectl;

/// <summary>The one POST a kubectl invocation made, and how the invocation ended.</summary>
public sealed record CapturedRequest(string PathAndQuery, string ContentType, byte[] Body, int ExitCode, string Output);
