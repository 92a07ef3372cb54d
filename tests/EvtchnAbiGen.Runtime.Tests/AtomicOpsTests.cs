using System;
using System.Runtime.InteropServices;
using Xen.Evtchn;
using Xen.Evtchn.X86_64;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>Single-threaded semantics of the generated operations, checked against raw memory.</summary>
    public unsafe class AtomicOpsTests
    {
        private static T* Zeroed<T>() where T : unmanaged => (T*)NativeMemory.AllocZeroed((nuint)sizeof(T));

        [Fact]
        public void Bitmap_bit_n_is_bit_n_mod_w_of_word_n_div_w()
        {
            var s = Zeroed<shared_info>();
            try
            {
                byte* raw = (byte*)s;
                foreach (int port in new[] { 0, 1, 63, 64, 197, 4095 })
                {
                    Assert.False(s->evtchn_pending.TestAndSetBit(port));
                    Assert.True(s->evtchn_pending.TestBit(port));
                    // Xen: bit n of the bitmap is bit n % 64 of word n / 64 == bit n % 8 of byte n / 8 (little-endian).
                    Assert.Equal(1UL << (port % 64), s->evtchn_pending[port / 64] & (1UL << (port % 64)));
                    Assert.NotEqual(0, raw[2048 + port / 8] & (1 << (port % 8)));
                    Assert.True(s->evtchn_pending.TestAndSetBit(port));
                    Assert.True(s->evtchn_pending.TestAndClearBit(port));
                    Assert.False(s->evtchn_pending.TestAndClearBit(port));
                    Assert.Equal(0, raw[2048 + port / 8]);
                }
                s->evtchn_mask.SetBit(100);
                s->evtchn_mask.ClearBit(100);
                Assert.Equal(0UL, s->evtchn_mask.ReadWord(1));
                s->evtchn_mask.SetBitUnchecked(130);
                Assert.Equal(1UL << 2, s->evtchn_mask.ExchangeWord(2, 0));
                Assert.Equal(4096, shared_info.evtchn_pending_Array.BitCount);
            }
            finally
            {
                NativeMemory.Free(s);
            }
        }

        [Fact]
        public void Checked_ops_reject_ports_beyond_the_channel_count()
        {
            var s = Zeroed<shared_info>();
            try
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => s->evtchn_pending.SetBit(Constants.EVTCHN_2L_NR_CHANNELS));
                Assert.Throws<ArgumentOutOfRangeException>(() => s->evtchn_pending.TestAndSetBit(-1));
                Assert.Throws<ArgumentOutOfRangeException>(() => s->vcpu_info[0].evtchn_pending_sel.SetBit(64));
                var b = Zeroed<evtchn_3l_bitmap>();
                try
                {
                    b->bits.SetBit(Constants.EVTCHN_3L_NR_CHANNELS - 1);
                    Assert.Throws<ArgumentOutOfRangeException>(() => b->bits.SetBit(Constants.EVTCHN_3L_NR_CHANNELS));
                    Assert.Equal(1UL << 63, b->bits.ReadWord(4095));
                }
                finally
                {
                    NativeMemory.Free(b);
                }
            }
            finally
            {
                NativeMemory.Free(s);
            }
        }

        [Fact]
        public void Shared_words_expose_only_atomic_access()
        {
            var v = Zeroed<vcpu_info>();
            try
            {
                Assert.False(v->evtchn_pending_sel.TestAndSetBit(3));
                Assert.True(v->evtchn_pending_sel.TestBit(3));
                Assert.Equal(8UL, v->evtchn_pending_sel.Exchange(0));
                Assert.False(v->evtchn_upcall_pending.TestAndSetBit(0));   // the 8-bit word uses a CAS loop
                Assert.True(v->evtchn_upcall_pending.TestAndSetBit(0));
                Assert.Equal((byte)1, v->evtchn_upcall_pending.Read());
                Assert.Equal(8, sizeof(SharedU64));
                Assert.False(typeof(SharedU64).GetField("_value", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.IsPublic);
            }
            finally
            {
                NativeMemory.Free(v);
            }
        }

        [Fact]
        public void Fifo_event_word_operations_follow_xen()
        {
            var w = new event_word_t(event_word_t.LINKED_Mask | 42);
            Assert.Equal(42u, w.GetLINK());
            Assert.Equal(WordRangeUpdate.Updated, w.TrySetLINK(7, event_word_t.LINKED_Mask, event_word_t.BUSY_Mask, 4));
            Assert.Equal(event_word_t.LINKED_Mask | 7, w.Read());
            Assert.Equal(7u, w.TakeLINK(event_word_t.LINKED_Mask));          // clear_linked returns the old LINK
            Assert.Equal(0u, w.Read());
            Assert.Equal(WordRangeUpdate.RequirementLost, w.TrySetLINK(9, event_word_t.LINKED_Mask, event_word_t.BUSY_Mask, 4));
            Assert.Equal(0u, w.Read());                                      // BUSY released, nothing written

            w.SetPENDING();
            w.SetMASKED();
            uint before = w.ClearMASKED();                                    // returns the word before the clear
            Assert.Equal(event_word_t.PENDING_Mask | event_word_t.MASKED_Mask, before);
            Assert.Equal(event_word_t.PENDING_Mask, w.Read());
            Assert.True(w.TestAndClearPENDING());
            Assert.Equal(0x1FFFFu, event_word_t.LINK_Mask);
        }
    }
}
