using Microsoft.Extensions.Options;

namespace Karmada.Storage;

/// <summary>Checks <see cref="StorageOptions"/>; each failure names the flag to fix.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.Backend)
        {
            case StorageBackend.Sqlite when string.IsNullOrWhiteSpace(options.DataDirectory):
                failures.Add("--data-dir is required with --storage sqlite");
                break;
            case StorageBackend.Etcd:
                ValidateEtcd(options, failures);
                break;
            case StorageBackend.Sqlite or StorageBackend.Memory:
                break;
            default:
                failures.Add($"--storage must be sqlite, etcd or memory, not '{options.Backend}'");
                break;
        }

        if (options.WatchHistoryCapacity is < 1)
        {
            failures.Add($"the watch history capacity must be at least 1 (got {options.WatchHistoryCapacity})");
        }

        if (options.WatchBufferCapacity < 1)
        {
            failures.Add($"the watch buffer capacity must be at least 1 (got {options.WatchBufferCapacity})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEtcd(StorageOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.EtcdServers))
        {
            failures.Add("--etcd-servers is required with --storage etcd");
        }
        else
        {
            foreach (var server in options.EtcdServers.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
                {
                    failures.Add($"--etcd-servers must be comma-separated http:// or https:// URLs such as http://127.0.0.1:2379; '{server}' is not one");
                }
            }
        }

        var prefix = options.EtcdPrefix ?? "";
        if (prefix.Length > 0 && (prefix[0] != '/' || prefix[^1] == '/'))
        {
            failures.Add($"--etcd-prefix must be empty or start with '/' and not end with '/' (got '{prefix}')");
        }
    }
}
