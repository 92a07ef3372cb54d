namespace EvtchnAbiGen.Runtime
{
    /// <summary>One ABI's event structures, bound to the types the generator emitted for it. The engines are
    /// written once, generic over this interface; its members are static on a struct, so the JIT compiles
    /// each engine per ABI with the word width folded to a constant (no virtual calls, no copies per width).
    /// Words travel as <see cref="ulong"/>; on a 32-bit ABI the upper half is zero and every atomic
    /// operation is the generated 32-bit one. Implemented by <see cref="X86_32Abi"/> and <see cref="X86_64Abi"/>.</summary>
    public unsafe interface IEventAbi
    {
        /// <summary>The ABI's name, as the generator's selector spells it.</summary>
        static abstract string Name { get; }

        /// <summary>log2 of the bitmap words' generated <c>BitsPerWord</c>: 5 or 6.</summary>
        static abstract int WordShift { get; }

        /// <summary>XEN_LEGACY_MAX_VCPUS: the vcpu_info slots in shared_info.</summary>
        static abstract int MaxVcpus { get; }

        /// <summary>EVTCHN_2L_NR_CHANNELS.</summary>
        static abstract int TwoLevelChannels { get; }

        /// <summary>EVTCHN_3L_NR_CHANNELS.</summary>
        static abstract int ThreeLevelChannels { get; }

        /// <summary>sizeof(shared_info), sizeof(evtchn_3l_bitmap), sizeof(evtchn_3l_l2_selector).</summary>
        static abstract int SharedInfoSize { get; }

        static abstract int ThreeLevelBitmapSize { get; }

        static abstract int ThreeLevelSelectorSize { get; }

        // ---- vcpu_info[vcpu] of shared_info: the upcall flag and the L1 selector ----

        /// <summary>Sets evtchn_upcall_pending; true when it was clear (the caller raised the upcall).</summary>
        static abstract bool RaiseUpcall(void* shared, int vcpu);

        static abstract void ClearUpcall(void* shared, int vcpu);

        static abstract bool UpcallPending(void* shared, int vcpu);

        /// <summary>Sets bit <paramref name="bit"/> of evtchn_pending_sel; returns its old value.</summary>
        static abstract bool TestAndSetSelector(void* shared, int vcpu, int bit);

        /// <summary>Exchanges evtchn_pending_sel with 0 and returns the old word.</summary>
        static abstract ulong TakeSelector(void* shared, int vcpu);

        static abstract ulong ReadSelector(void* shared, int vcpu);

        // ---- the 2-level bitmaps in shared_info ----

        static abstract bool TestAndSetPending2L(void* shared, int port);

        static abstract bool TestPending2L(void* shared, int port);

        static abstract ulong PendingWord2L(void* shared, int word);

        static abstract void ClearPending2L(void* shared, int port);

        static abstract void ClearPendingBits2L(void* shared, int word, ulong bits);

        static abstract bool TestMask2L(void* shared, int port);

        static abstract ulong MaskWord2L(void* shared, int word);

        static abstract void SetMask2L(void* shared, int port);

        static abstract bool TestAndClearMask2L(void* shared, int port);

        // ---- a 3-level bitmap (evtchn_3l_bitmap: pending or mask) and an L2 selector page ----

        static abstract bool TestAndSetBit3L(void* bitmap, int port);

        static abstract bool TestBit3L(void* bitmap, int port);

        static abstract ulong Word3L(void* bitmap, int word);

        static abstract void SetBit3L(void* bitmap, int port);

        static abstract void ClearBit3L(void* bitmap, int port);

        static abstract bool TestAndClearBit3L(void* bitmap, int port);

        static abstract void ClearBits3L(void* bitmap, int word, ulong bits);

        static abstract bool TestAndSetL2(void* selector, int bit);

        static abstract ulong TakeL2(void* selector, int word);

        static abstract ulong ReadL2(void* selector, int word);
    }
}
