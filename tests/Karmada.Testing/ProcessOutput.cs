using System.Diagnostics;
using System.Text;

namespace Karmada.Testing;

/// <summary>
/// A started process's stdout and stderr lines, interleaved as they arrive, for waiting on a line and for the failure
/// message of a test.
/// </summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    private ProcessOutput()
    {
    }

    /// <summary>Begins reading the redirected stdout and stderr of <paramref name="process"/>.</summary>
    public static ProcessOutput Capture(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var output = new ProcessOutput();
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return output;
    }

    /// <summary>Everything read so far.</summary>
    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
