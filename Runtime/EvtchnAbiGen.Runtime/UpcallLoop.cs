using System.Runtime.CompilerServices;

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
        public static unsafe int Run<TAbi, TPass, THandler>(void* shared, int vcpu, TPass pass, ref THandler handler)
            where TAbi : struct, IEventAbi
            where TPass : struct, IUpcallPass
            where THandler : struct, IPortHandler
        {
            int handled = 0;
            do
            {
                TAbi.ClearUpcall(shared, vcpu);
                handled += pass.Run(vcpu, ref handler);
            }
            while (TAbi.UpcallPending(shared, vcpu));
            return handled;
        }
    }
}
