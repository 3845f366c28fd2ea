using System.Net;
using System.Net.Sockets;

namespace CustomerNeeds.Testing;

/// <summary>Ports on 127.0.0.1 for servers started by tests.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the system's choice; free until someone binds it).</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
