using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The FIFO ABI: an event array of event words (one per port), a control block per vcpu
    /// (READY bits, HEAD per priority), and 16 priority queues per vcpu. Xen's view raises with per-queue
    /// tails and the LINK protocol (set_link with BUSY and bounded retries); the guest's view consumes with
    /// local heads, priority order from READY, and clear_linked. Built only on the generated types.</summary>
    public sealed unsafe class FifoEngine : IDisposable
    {
        public const int MaxQueues = Constants.EVTCHN_FIFO_MAX_QUEUES;
        public const int DefaultPriority = Constants.EVTCHN_FIFO_PRIORITY_DEFAULT;
        private const int SetLinkRetries = 4; // Xen: the guest can change a LINKED word at most 4 ways

        private readonly int _capacity;
        private readonly int _vcpus;
        private event_word_t* _words;
        private evtchn_fifo_control_block* _control;
        private shared_info* _shared;
        private readonly Queue[] _queues;          // Xen private: [vcpu * 16 + prio]
        private readonly byte[] _priority;         // per port
        private readonly byte[] _boundVcpu;        // per port
        private readonly int[] _lastQueue;         // per port: queue index it was last linked on
        private readonly uint[] _localHead;        // guest private: [vcpu * 16 + prio]
        private long _linkGiveUps;

        private struct Queue
        {
            public QueueLock Lock;
            public uint Tail;
        }

        /// <param name="capacity">Ports in the event array (a multiple of 1024 words per page, at most 131072).</param>
        public FifoEngine(int capacity = Constants.EVTCHN_FIFO_NR_CHANNELS, int vcpus = 1)
        {
            if (capacity <= 0 || capacity > Constants.EVTCHN_FIFO_NR_CHANNELS)
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"1..{Constants.EVTCHN_FIFO_NR_CHANNELS}");
            if (vcpus <= 0 || vcpus > Constants.XEN_LEGACY_MAX_VCPUS) throw new ArgumentOutOfRangeException(nameof(vcpus));
            _capacity = capacity;
            _vcpus = vcpus;
            int pages = (capacity + 1023) / 1024;
            _words = NativePage.Alloc<event_word_t>(pages * 1024);
            // As Linux's expand: a new event-array page starts with every word MASKED.
            for (int i = 0; i < pages * 1024; i++) _words[i] = new event_word_t(event_word_t.MASKED_Mask);
            _control = NativePage.Alloc<evtchn_fifo_control_block>(vcpus);
            _shared = NativePage.Alloc<shared_info>();
            _queues = new Queue[vcpus * MaxQueues];
            _priority = new byte[capacity];
            _boundVcpu = new byte[capacity];
            _lastQueue = new int[capacity];
            _localHead = new uint[vcpus * MaxQueues];
            for (int p = 0; p < capacity; p++)
            {
                _priority[p] = DefaultPriority;
                _lastQueue[p] = DefaultPriority;
            }
        }

        public int Capacity => _capacity;

        /// <summary>Times Xen's set_link gave up after its bounded retries (each such event would be lost in Xen).</summary>
        public long LinkGiveUps => Interlocked.Read(ref _linkGiveUps);

        public ref event_word_t Word(int port)
        {
            CheckPort(port);
            return ref _words[port];
        }

        public ref evtchn_fifo_control_block ControlBlock(int vcpu) => ref _control[CheckVcpu(vcpu)];

        // ---------------- Xen's view ----------------

        /// <summary>EVTCHNOP_set_priority: applies to future links.</summary>
        public void SetPriority(int port, int priority)
        {
            CheckPort(port);
            if ((uint)priority >= MaxQueues) throw new ArgumentOutOfRangeException(nameof(priority), priority, "0..15");
            Volatile.Write(ref _priority[port], (byte)priority);
        }

        public void BindVcpu(int port, int vcpu)
        {
            CheckPort(port);
            Volatile.Write(ref _boundVcpu[port], (byte)CheckVcpu(vcpu));
        }

        /// <summary>Xen's evtchn_fifo_set_pending. Returns true when this raise set the vcpu's upcall.</summary>
        public bool Raise(int port)
        {
            CheckPort(port);
            return RaiseUnchecked(port);
        }

        /// <summary><see cref="Raise"/> for a port the caller guarantees is 1..capacity-1.</summary>
        public bool RaiseUnchecked(int port)
        {
            ref event_word_t word = ref _words[port];
            int vcpu = Volatile.Read(ref _boundVcpu[port]);
            int prio = Volatile.Read(ref _priority[port]);
            int qi = vcpu * MaxQueues + prio;
            int oldQi = Volatile.Read(ref _lastQueue[port]);
            ref Queue q = ref _queues[qi];
            ref Queue oldQ = ref _queues[oldQi];
            // Lock both queues in a fixed order, as Xen does by address.
            if (oldQi == qi) q.Lock.Enter();
            else if (oldQi < qi) { oldQ.Lock.Enter(); q.Lock.Enter(); }
            else { q.Lock.Enter(); oldQ.Lock.Enter(); }

            bool linked = true;
            word.SetPENDING();
            if (!word.TestMASKED() && !word.TestAndSetLINKED())
            {
                // The port may still be the tail of the queue it was last on.
                if (oldQ.Tail == (uint)port) oldQ.Tail = 0;
                if (oldQi != qi) Volatile.Write(ref _lastQueue[port], qi);
                linked = q.Tail != 0 && SetLink(ref _words[q.Tail], (uint)port);
                if (!linked) _control[vcpu].head[prio].Write((uint)port);
                q.Tail = (uint)port;
            }

            if (oldQi != qi) oldQ.Lock.Exit();
            q.Lock.Exit();

            if (!linked && !_control[vcpu].ready.TestAndSetBit(prio))
                return !(*_shared).vcpu_info[vcpu].evtchn_upcall_pending.TestAndSetBit(0);
            return false;
        }

        private bool SetLink(ref event_word_t tail, uint port)
        {
            switch (tail.TrySetLINK(port, event_word_t.LINKED_Mask, event_word_t.BUSY_Mask, SetLinkRetries))
            {
                case WordRangeUpdate.Updated:
                    return true;
                case WordRangeUpdate.RequirementLost:
                    return false; // the guest unlinked the tail: the port becomes the new head
                default:
                    Interlocked.Increment(ref _linkGiveUps);
                    return true;  // as Xen: warn and carry on
            }
        }

        /// <summary>EVTCHNOP_unmask: clear MASKED, and raise again if PENDING.</summary>
        public void Unmask(int port)
        {
            CheckPort(port);
            ref event_word_t word = ref _words[port];
            word.TestAndClearMASKED();
            if (word.TestPENDING()) RaiseUnchecked(port);
        }

        // ---------------- the guest's view ----------------

        public void Mask(int port) => Word(port).SetMASKED();

        /// <summary>The guest's unmask after XSA-332: if PENDING, let Xen do it (hypercall); otherwise clear
        /// MASKED with the compare-exchange that waits while Xen holds BUSY.</summary>
        public void GuestUnmask(int port)
        {
            ref event_word_t word = ref Word(port);
            if (word.TestPENDING())
            {
                Unmask(port);
                return;
            }
            uint before = word.ClearMASKED();
            if ((before & event_word_t.PENDING_Mask) != 0 && (before & event_word_t.MASKED_Mask) != 0) Unmask(port);
        }

        public bool UpcallPending(int vcpu) => (*_shared).vcpu_info[CheckVcpu(vcpu)].evtchn_upcall_pending.Read() != 0;

        public int Upcall<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
        {
            ref vcpu_info v = ref (*_shared).vcpu_info[CheckVcpu(vcpu)];
            int handled = 0;
            do
            {
                v.evtchn_upcall_pending.Write(0);
                handled += Consume(vcpu, ref handler);
            }
            while (v.evtchn_upcall_pending.Read() != 0);
            return handled;
        }

        /// <summary>Linux's handle_events: exchange READY with 0, consume one event from the highest-priority
        /// ready queue (lowest number), fold in newly ready queues, until none is ready.</summary>
        public int Consume<THandler>(int vcpu, ref THandler handler) where THandler : struct, IPortHandler
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

        private void CheckPort(int port)
        {
            // Port 0 is never a valid event channel: LINK 0 and HEAD 0 mean 'none'.
            if (port <= 0 || port >= _capacity) throw new ArgumentOutOfRangeException(nameof(port), port, $"FIFO ports are 1..{_capacity - 1}");
        }

        private int CheckVcpu(int vcpu)
        {
            if ((uint)vcpu >= (uint)_vcpus) throw new ArgumentOutOfRangeException(nameof(vcpu), vcpu, $"vcpus are 0..{_vcpus - 1}");
            return vcpu;
        }

        public void Dispose()
        {
            NativePage.Free(_words);
            NativePage.Free(_control);
            NativePage.Free(_shared);
            _words = null;
            _control = null;
            _shared = null;
        }
    }
}
