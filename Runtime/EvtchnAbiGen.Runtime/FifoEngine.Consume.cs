using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The guest's view of the FIFO ABI (Linux's events_fifo.c): mask, unmask, upcall, consume.</summary>
    public sealed unsafe partial class FifoEngine<TAbi>
    {
        public void Mask(int port) => Word(port).SetMASKED();

        /// <summary>The guest's unmask, as Linux's clear_masked_cond (f01337197419, part of XSA-332): if the
        /// port is PENDING, leave MASKED set and let Xen unmask and link it (EVTCHNOP_unmask), so it is never
        /// unmasked twice; otherwise clear MASKED with a compare-exchange that expects BUSY clear, so it
        /// waits while Xen's set_link holds the word.</summary>
        public void GuestUnmask(int port)
        {
            ref event_word_t word = ref Word(port);
            uint seen = word.Read();
            var spin = new SpinWait();
            while (true)
            {
                if ((seen & event_word_t.MASKED_Mask) == 0) return;
                if ((seen & event_word_t.PENDING_Mask) != 0)
                {
                    Unmask(port);
                    return;
                }
                uint expected = seen & ~event_word_t.BUSY_Mask;
                seen = word.CompareExchange(expected & ~event_word_t.MASKED_Mask, expected);
                if (seen == expected) return;
                if ((seen & event_word_t.BUSY_Mask) != 0) spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        public bool UpcallPending(int vcpu) => TAbi.UpcallPending(_shared, CheckVcpu(vcpu));

        public int Upcall<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => UpcallLoop.Run<TAbi, Pass, THandler>(_shared, CheckVcpu(vcpu), new Pass { Engine = this }, ref handler);

        private struct Pass : IUpcallPass
        {
            public FifoEngine<TAbi> Engine;

            public int Run<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler => Engine.ConsumeUnchecked(vcpu, ref handler);
        }

        /// <summary>Linux's handle_events: exchange READY with 0, consume one event from the highest-priority
        /// ready queue (lowest number), fold in newly ready queues, until none is ready.</summary>
        public int Consume<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
            => ConsumeUnchecked(CheckVcpu(vcpu), ref handler);

        /// <summary><see cref="Consume"/> for a vcpu already checked (the upcall loop's passes).</summary>
        private int ConsumeUnchecked<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
        {
            ref evtchn_fifo_control_block cb = ref _control[vcpu];
            uint ready = cb.ready.Exchange(0);
            int handled = 0;
            while (ready != 0)
            {
                int q = BitOperations.TrailingZeroCount(ready);
                handled += ConsumeOne(vcpu, q, ref ready, ref handler);
                ready |= cb.ready.Exchange(0);
            }
            return handled;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int ConsumeOne<THandler>(int vcpu, int q, ref uint ready, ref THandler handler) where THandler : struct, IPortHandler
        {
            ref uint localHead = ref _localHead[vcpu * MaxQueues + q];
            uint port = localHead;
            if (port == 0) port = _control[vcpu].head[q].Read();   // volatile read: Linux's rmb()
            if (port == 0)
            {
                ready &= ~(1u << q);
                return 0;
            }
            ref event_word_t word = ref _words[port];
            uint next = word.TakeLINK(event_word_t.LINKED_Mask);     // clear_linked
            if (next == 0) ready &= ~(1u << q);
            localHead = next;
            uint w = word.Read();
            if ((w & (event_word_t.PENDING_Mask | event_word_t.MASKED_Mask)) != event_word_t.PENDING_Mask) return 0;
            word.ClearPENDING();                                      // ack, before the handler
            handler.Handle((int)port);
            return 1;
        }
    }
}
