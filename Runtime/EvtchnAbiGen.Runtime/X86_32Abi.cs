using System.Runtime.CompilerServices;
using Xen.Evtchn.X86_32;
using I = System.Runtime.CompilerServices.MethodImplAttribute;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The x86_32 ABI's event structures (uint words), bound to the generated <c>Xen.Evtchn.X86_32</c> types
    /// and their atomic operations. Every member is one call into the generated code.</summary>
    public readonly unsafe struct X86_32Abi : IEventAbi
    {
        private const MethodImplOptions In = MethodImplOptions.AggressiveInlining;

        public static string Name => "x86_32";

        public static int WordShift => shared_info.evtchn_pending_Array.BitsPerWord == 64 ? 6 : 5;

        public static int MaxVcpus => Constants.XEN_LEGACY_MAX_VCPUS;

        public static int TwoLevelChannels => Constants.EVTCHN_2L_NR_CHANNELS;

        public static int ThreeLevelChannels => Constants.EVTCHN_3L_NR_CHANNELS;

        public static int SharedInfoSize => sizeof(shared_info);

        public static int ThreeLevelBitmapSize => sizeof(evtchn_3l_bitmap);

        public static int ThreeLevelSelectorSize => sizeof(evtchn_3l_l2_selector);

        [I(In)] private static ref vcpu_info V(void* s, int vcpu) => ref ((shared_info*)s)->vcpu_info[vcpu];

        [I(In)] public static bool RaiseUpcall(void* s, int vcpu) => !V(s, vcpu).evtchn_upcall_pending.TestAndSetBit(0);

        [I(In)] public static void ClearUpcall(void* s, int vcpu) => V(s, vcpu).evtchn_upcall_pending.Write(0);

        [I(In)] public static bool UpcallPending(void* s, int vcpu) => V(s, vcpu).evtchn_upcall_pending.Read() != 0;

        [I(In)] public static bool TestAndSetSelector(void* s, int vcpu, int bit) => V(s, vcpu).evtchn_pending_sel.TestAndSetBit(bit);

        [I(In)] public static ulong TakeSelector(void* s, int vcpu) => V(s, vcpu).evtchn_pending_sel.Exchange(0);

        [I(In)] public static ulong ReadSelector(void* s, int vcpu) => V(s, vcpu).evtchn_pending_sel.Read();

        [I(In)] public static bool TestAndSetPending2L(void* s, int port) => ((shared_info*)s)->evtchn_pending.TestAndSetBitUnchecked(port);

        [I(In)] public static bool TestPending2L(void* s, int port) => ((shared_info*)s)->evtchn_pending.TestBitUnchecked(port);

        [I(In)] public static ulong PendingWord2L(void* s, int word) => ((shared_info*)s)->evtchn_pending.ReadWordUnchecked(word);

        [I(In)] public static void ClearPending2L(void* s, int port) => ((shared_info*)s)->evtchn_pending.ClearBitUnchecked(port);

        [I(In)] public static void ClearPendingBits2L(void* s, int word, ulong bits) => ((shared_info*)s)->evtchn_pending.ClearWordBitsUnchecked(word, (uint)bits);

        [I(In)] public static bool TestMask2L(void* s, int port) => ((shared_info*)s)->evtchn_mask.TestBitUnchecked(port);

        [I(In)] public static ulong MaskWord2L(void* s, int word) => ((shared_info*)s)->evtchn_mask.ReadWordUnchecked(word);

        [I(In)] public static void SetMask2L(void* s, int port) => ((shared_info*)s)->evtchn_mask.SetBitUnchecked(port);

        [I(In)] public static bool TestAndClearMask2L(void* s, int port) => ((shared_info*)s)->evtchn_mask.TestAndClearBitUnchecked(port);

        [I(In)] public static bool TestAndSetBit3L(void* b, int port) => ((evtchn_3l_bitmap*)b)->bits.TestAndSetBitUnchecked(port);

        [I(In)] public static bool TestBit3L(void* b, int port) => ((evtchn_3l_bitmap*)b)->bits.TestBitUnchecked(port);

        [I(In)] public static ulong Word3L(void* b, int word) => ((evtchn_3l_bitmap*)b)->bits.ReadWordUnchecked(word);

        [I(In)] public static void SetBit3L(void* b, int port) => ((evtchn_3l_bitmap*)b)->bits.SetBitUnchecked(port);

        [I(In)] public static void ClearBit3L(void* b, int port) => ((evtchn_3l_bitmap*)b)->bits.ClearBitUnchecked(port);

        [I(In)] public static bool TestAndClearBit3L(void* b, int port) => ((evtchn_3l_bitmap*)b)->bits.TestAndClearBitUnchecked(port);

        [I(In)] public static void ClearBits3L(void* b, int word, ulong bits) => ((evtchn_3l_bitmap*)b)->bits.ClearWordBitsUnchecked(word, (uint)bits);

        [I(In)] public static bool TestAndSetL2(void* l2, int bit) => ((evtchn_3l_l2_selector*)l2)->sel.TestAndSetBitUnchecked(bit);

        [I(In)] public static ulong TakeL2(void* l2, int word) => ((evtchn_3l_l2_selector*)l2)->sel.ExchangeWordUnchecked(word, 0);

        [I(In)] public static ulong ReadL2(void* l2, int word) => ((evtchn_3l_l2_selector*)l2)->sel.ReadWordUnchecked(word);
    }
}
