using System;
using System.Runtime.InteropServices;
using X64 = Xen.Evtchn.X86_64;
using X32 = Xen.Evtchn.X86_32;

// A shared_info page as Xen would map it, here just a zeroed native buffer. We write raw bytes at the
// offsets Xen's C headers give (fact sheet, §2.4) and read them back through the generated types.
unsafe
{
    const int Page = 4096;
    byte* page = (byte*)NativeMemory.AllocZeroed(Page);
    try
    {
        // x86_64 guest view.
        *(uint*)(page + 3072) = 7;                 // wc_version
        *(uint*)(page + 3076) = 1_700_000_000;     // wc_sec
        *(ulong*)(page + 2048 + 8 * 3) = 1UL << 5; // evtchn_pending[3] bit 5 -> port 3*64+5 = 197
        page[64 * 2] = 1;                          // vcpu_info[2].evtchn_upcall_pending

        ref X64.shared_info s = ref *(X64.shared_info*)page;
        Console.WriteLine($"x86_64 shared_info: {sizeof(X64.shared_info)} bytes (C: {X64.shared_info.NativeSize})");
        Console.WriteLine($"  wc_version={s.wc_version.Read()} wc_sec={s.wc_sec} vcpu_info[2].evtchn_upcall_pending={s.vcpu_info[2].evtchn_upcall_pending.Read()}");
        for (int w = 0; w < s.evtchn_pending.Length; w++)
        {
            ulong bits = s.evtchn_pending.ReadWord(w);          // volatile: Xen may be writing it
            while (bits != 0)
            {
                int b = System.Numerics.BitOperations.TrailingZeroCount(bits);
                Console.WriteLine($"  pending port {w * 64 + b} (of {X64.Constants.EVTCHN_2L_NR_CHANNELS})");
                bits &= bits - 1;
            }
        }

        // The same bytes seen by a 32-bit guest: different offsets, wc_sec_hi moved into arch.
        NativeMemory.Clear(page, Page);
        *(uint*)(page + 2340) = 1;                 // arch.wc_sec_hi on x86_32 (KVM pins it at 0x924)
        ref X32.shared_info s32 = ref *(X32.shared_info*)page;
        Console.WriteLine($"x86_32 shared_info: {sizeof(X32.shared_info)} bytes, arch.wc_sec_hi={s32.arch.wc_sec_hi}");

        // The manifest gives the C layout at run time.
        var m = X64.AbiManifest.Find("shared_info")!;
        Console.WriteLine($"manifest: {m.Name} {m.Size}/{m.Alignment}, {m.Fields.Count} members, e.g. {m.Fields[m.Fields.Count - 1]}");
        Console.WriteLine($"FIFO: {Xen.Evtchn.Arm64.Constants.EVTCHN_FIFO_NR_CHANNELS} channels, PENDING mask 0x{Xen.Evtchn.Arm64.event_word_t.PENDING_Mask:X8}");
    }
    finally
    {
        NativeMemory.Free(page);
    }
}
