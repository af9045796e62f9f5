using System.Text.Json.Nodes;

namespace Karmada.Protobuf.Tests.Kubectl;

/// <summary>
/// Runs the real kubectl binaries: 1.32 and 1.33 send protobuf for imperative commands, 1.31 sends
/// JSON for the same command. The decoded protobuf must equal 1.31's JSON exactly, property order included.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KubectlCaptureIntegrationTests : IClassFixture<KubectlCaptureServer>
{
    private readonly KubectlCaptureServer _server;

    public KubectlCaptureIntegrationTests(KubectlCaptureServer server)
    {
        _server = server;
    }

    public static TheoryData<string> Commands => new()
    {
        "create namespace x",
        "create configmap c --from-literal=a=b --from-literal=empty=",
        "create secret generic s --from-literal=k=v",
        "create secret docker-registry d --docker-username=u --docker-password=p --docker-server=r.example",
        "create deployment web --image=nginx:1.27 --replicas=3 --port=80",
        "create serviceaccount sa",
        "create job j --image=busybox",
        "create cronjob cj --image=busybox --schedule=@hourly",
        "create clusterrole r --verb=get --resource=pods",
        "create role r --verb=get,list --resource=pods",
        "create rolebinding rb --clusterrole=view --user=alice --serviceaccount=default:sa",
        "create clusterrolebinding crb --clusterrole=view --group=devs",
        "create quota q --hard=cpu=1,pods=2,requests.memory=1Gi",
        "create priorityclass pc --value=0 --description=d",
        "create poddisruptionbudget p --selector=app=x --min-available=50%",
        "create ingress ing --rule=foo.com/bar=svc1:8080",
        "create service clusterip s --tcp=80:8080",
        "create service nodeport np --tcp=80:8080",
        "create token sa --duration=1h",
        "auth can-i get pods",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Decode_KubectlProtobufBody_EqualsJsonThatKubectl131Sends(string command)
    {
        var arguments = command.Split(' ');
        var json = await _server.RunAsync("1.31", arguments);
        Assert.Equal("application/json", json.ContentType);
        Assert.True(json.ExitCode == 0, json.Output);
        var expected = JsonNode.Parse(json.Body)!.ToJsonString();

        foreach (var version in new[] { "1.32", "1.33" })
        {
            var protobuf = await _server.RunAsync(version, arguments);

            Assert.True(KubernetesProtobuf.IsProtobuf(protobuf.ContentType), $"kubectl.{version} sent {protobuf.ContentType}");
            Assert.Equal(json.PathAndQuery, protobuf.PathAndQuery);
            Assert.Equal(expected, KubernetesProtobuf.Decode(protobuf.Body).ToJsonString());
            Assert.True(protobuf.ExitCode == 0, $"kubectl.{version} failed on the decoded reply: {protobuf.Output}");
        }
    }
}
