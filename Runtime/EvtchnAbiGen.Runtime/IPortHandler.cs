namespace EvtchnAbiGen.Runtime
{
    /// <summary>Receives delivered ports. A struct implementation is specialised by the JIT (no virtual call
    /// per event). The engine has already cleared the port's PENDING bit (edge semantics, as Linux's ack),
    /// so work done in Handle sees every raise that happened before it.</summary>
    public interface IPortHandler
    {
        void Handle(int port);
    }
}
