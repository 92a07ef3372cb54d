using System;
using System.Threading;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The FIFO ABI: an event array of event words (one per port), a control block per vcpu
    /// (READY bits, HEAD per priority), and 16 priority queues per vcpu. Xen's view raises with per-queue
    /// tails and the LINK protocol (FifoEngine.Raise.cs); the guest's view consumes with local heads,
    /// priority order from READY, and clear_linked (FifoEngine.Consume.cs); <see cref="CheckQueues"/> walks
    /// the queues and reports any corruption (FifoEngine.Check.cs). Built only on the generated types.</summary>
    public sealed unsafe partial class FifoEngine : IDisposable
    {
        public const int MaxQueues = Constants.EVTCHN_FIFO_MAX_QUEUES;
        public const int DefaultPriority = Constants.EVTCHN_FIFO_PRIORITY_DEFAULT;

        private readonly int _capacity;
        private readonly int _vcpus;
        private event_word_t* _words;
        private evtchn_fifo_control_block* _control;
        private shared_info* _shared;
        private readonly Queue[] _queues;          // Xen private: [vcpu * 16 + prio]
        private readonly byte[] _priority;         // per port (Xen's evtchn->priority)
        private readonly byte[] _boundVcpu;        // per port (Xen's evtchn->notify_vcpu_id)
        private readonly int[] _lastQueue;         // per port: the queue it was last linked on (Xen's fifo_lastq);
                                                   // written only with that queue's lock and the new one held
        private readonly uint[] _localHead;        // guest private: [vcpu * 16 + prio]
        private long _linkGiveUps;
        private long _queueRetries;
        private long _queueRetryWarnings;

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

        public int Vcpus => _vcpus;

        /// <summary>Times Xen's set_link gave up after its bounded retries (each such event would be lost in Xen).
        /// Zero while the guest honours BUSY (unmasks with the guarded clear).</summary>
        public long LinkGiveUps => Interlocked.Read(ref _linkGiveUps);

        /// <summary>Times a raise found, after taking the queue locks, that the port's last queue, priority or
        /// bound vcpu had changed since it read them, and so unlocked and tried again.</summary>
        public long QueueRetries => Interlocked.Read(ref _queueRetries);

        /// <summary>Raises that needed more than Xen's 3 attempts to lock stable queues. Xen drops each such
        /// event with the warning "port N lost event (too many queue changes)"; this engine keeps trying and
        /// delivers it, and counts it here where Xen would warn.</summary>
        public long QueueRetryWarnings => Interlocked.Read(ref _queueRetryWarnings);

        public ref event_word_t Word(int port)
        {
            CheckPort(port);
            return ref _words[port];
        }

        public ref evtchn_fifo_control_block ControlBlock(int vcpu) => ref _control[CheckVcpu(vcpu)];

        private void CheckPort(int port)
        {
            // Port 0 is never a valid event channel: LINK 0 and HEAD 0 mean 'none'.
            if (port <= 0 || port >= _capacity) throw new ArgumentOutOfRangeException(nameof(port), port, $"FIFO ports are 1..{_capacity - 1}");
        }

        private int CheckVcpu(int vcpu) => VcpuIndex.Check(vcpu, _vcpus);

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
