using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The FIFO ABI's constants. FIFO has one layout on every ABI (event words and control blocks are
    /// the same bytes; the layout tests check all four), so these come from the generated x86_64 constants.</summary>
    public static class FifoFacts
    {
        public const int MaxQueues = Constants.EVTCHN_FIFO_MAX_QUEUES;
        public const int DefaultPriority = Constants.EVTCHN_FIFO_PRIORITY_DEFAULT;
        public const int NrChannels = Constants.EVTCHN_FIFO_NR_CHANNELS;

        /// <summary>Event words per 4 KiB event-array page (EVTCHN_FIFO_EVENT_WORDS_PER_PAGE in Xen).</summary>
        public const int WordsPerPage = 4096 / event_word_t.SizeInBytes;
    }
}
