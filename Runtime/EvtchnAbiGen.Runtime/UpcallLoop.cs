using System.Runtime.CompilerServices;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>One pass over an engine's pending events (a 2L/3L scan, a FIFO consume), as a struct so the
    /// JIT specialises the shared upcall loop per engine.</summary>
    internal interface IUpcallPass
    {
        int Run<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler;
    }

    /// <summary>The upcall, shared by every engine (Linux's __xen_evtchn_do_upcall): clear
    /// evtchn_upcall_pending, run one pass, and repeat while Xen raised it again meanwhile.</summary>
    internal static class UpcallLoop
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Run<TPass, THandler>(ref vcpu_info v, int vcpu, TPass pass, ref THandler handler)
            where TPass : struct, IUpcallPass
            where THandler : struct, IPortHandler
        {
            int handled = 0;
            do
            {
                v.evtchn_upcall_pending.Write(0);
                handled += pass.Run(vcpu, ref handler);
            }
            while (v.evtchn_upcall_pending.Read() != 0);
            return handled;
        }
    }
}
