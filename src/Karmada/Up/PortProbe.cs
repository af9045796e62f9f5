using System.Net;
using System.Net.Sockets;

namespace Karmada.Host.Up;

/// <summary>Checks whether a TCP port can be listened on, to fail early with advice instead of a Kestrel stack trace.</summary>
public static class PortProbe
{
    public static bool IsFree(string bindAddress, int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Parse(bindAddress), port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
