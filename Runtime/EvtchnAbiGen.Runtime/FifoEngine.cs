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
    public sealed unsafe partial class FifoEngine<TAbi> : IDisposable where TAbi : struct, IEventAbi
    {
        public const int MaxQueues = FifoFacts.MaxQueues;
        public const int DefaultPriority = FifoFacts.DefaultPriority;

        private readonly int _capacity;
        private readonly int _vcpus;
        private event_word_t* _words;
        private evtchn_fifo_control_block* _control;
        private void* _shared;                     // shared_info of TAbi: the upcall flags
        private byte* _owned;
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

        /// <summary>Bytes of shared memory for <paramref name="capacity"/> ports and <paramref name="vcpus"/> vcpus,
        /// in the order the mapping constructor takes them: the event-array pages, the control blocks (one per
        /// vcpu, back to back, from the next page), then shared_info (from the next page).</summary>
        public static int SharedBytes(int capacity, int vcpus) => RegionOffsets(capacity, vcpus).SharedInfo + TAbi.SharedInfoSize;

        /// <summary>Offsets in that region: the event array, vcpu 0's control block (vcpu n's follows at
        /// n × sizeof(evtchn_fifo_control_block)), shared_info.</summary>
        public static (int Array, int Control, int SharedInfo) RegionOffsets(int capacity, int vcpus)
        {
            int control = Pages(capacity) * NativePage.Size;
            int controlPages = (vcpus * sizeof(evtchn_fifo_control_block) + NativePage.Size - 1) / NativePage.Size;
            return (0, control, control + controlPages * NativePage.Size);
        }

        private static int Pages(int capacity) => (capacity + FifoFacts.WordsPerPage - 1) / FifoFacts.WordsPerPage;

        /// <param name="capacity">Ports in the event array (at most 131072; whole pages of 1024 words are allocated).</param>
        public FifoEngine(int capacity = FifoFacts.NrChannels, int vcpus = 1)
            : this(null, capacity, vcpus, initialize: true)
        {
        }

        /// <summary>An engine over memory the caller maps (e.g. a file shared with another process):
        /// <see cref="SharedBytes"/> bytes at <paramref name="region"/>, page-aligned, laid out as
        /// <see cref="RegionOffsets"/> says. The side that creates the memory passes <paramref name="initialize"/>
        /// to mask every event word, as Linux does for a new event-array page; the other side maps it as it is.
        /// Xen's private state (queues, priorities, bindings) and the guest's (local heads) stay in each
        /// process's engine. Not freed by Dispose.</summary>
        public FifoEngine(void* region, int capacity, int vcpus, bool initialize)
        {
            if (capacity <= 0 || capacity > FifoFacts.NrChannels)
                throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"1..{FifoFacts.NrChannels}");
            if (vcpus <= 0 || vcpus > TAbi.MaxVcpus) throw new ArgumentOutOfRangeException(nameof(vcpus), vcpus, $"1..{TAbi.MaxVcpus}");
            _capacity = capacity;
            _vcpus = vcpus;
            byte* mem = (byte*)region;
            if (mem == null) mem = _owned = NativePage.Alloc<byte>(SharedBytes(capacity, vcpus));
            var (array, control, shared) = RegionOffsets(capacity, vcpus);
            _words = (event_word_t*)(mem + array);
            _control = (evtchn_fifo_control_block*)(mem + control);
            _shared = mem + shared;
            // As Linux's expand: a new event-array page starts with every word MASKED.
            if (initialize)
                for (int i = 0; i < Pages(capacity) * FifoFacts.WordsPerPage; i++) _words[i] = new event_word_t(event_word_t.MASKED_Mask);
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

        /// <summary>The shared structures: the event array (cast to <c>event_word_t*</c>), vcpu's control block,
        /// and shared_info (cast to the ABI's generated <c>shared_info*</c>).</summary>
        public void* EventArray => _words;

        public void* ControlBlockAddress(int vcpu) => _control + CheckVcpu(vcpu);

        public void* SharedInfo => _shared;

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
            NativePage.Free(_owned);
            _owned = null;
            _words = null;
            _control = null;
            _shared = null;
        }
    }
}
