using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.JitProbe
{
    /// <summary>Each probe wraps one generated operation; AggressiveOptimization makes the JIT compile it
    /// fully optimised at once, so DOTNET_JitDisasm=Probe_* shows the final code.</summary>
    public static unsafe class Program
    {
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static void Probe_SetBit(ref shared_info s, int port) => s.evtchn_pending.SetBitUnchecked(port);

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static void Probe_ClearBit(ref shared_info s, int port) => s.evtchn_pending.ClearBitUnchecked(port);

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static void Probe_ClearWordBits(ref shared_info s, int word, ulong bits) => s.evtchn_pending.ClearWordBitsUnchecked(word, bits);

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static bool Probe_TestAndSetBit(ref shared_info s, int port) => s.evtchn_pending.TestAndSetBitUnchecked(port);

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static void Probe_SetPending(ref event_word_t w) => w.SetPENDING();

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static ulong Probe_ExchangeSelector(ref vcpu_info v) => v.evtchn_pending_sel.Exchange(0);

        public static int Main()
        {
            var s = (shared_info*)NativeMemory.AllocZeroed((nuint)sizeof(shared_info));
            var w = new event_word_t(0);
            Probe_SetBit(ref *s, 5);
            Probe_ClearBit(ref *s, 5);
            Probe_ClearWordBits(ref *s, 1, 0xF0UL);
            bool old = Probe_TestAndSetBit(ref *s, 7);
            Probe_SetPending(ref w);
            ulong sel = Probe_ExchangeSelector(ref s->vcpu_info[0]);
            Console.WriteLine($"ok {old} {sel} {w.Read():X8}");
            NativeMemory.Free(s);
            return 0;
        }
    }
}
