using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Inspect.Geometry
{
    /// <summary>The FIFO ABI as the inspector reads it, all from the layout model: the event word's bits
    /// (event_word_t), the event array's pages, and evtchn_fifo_control_block (ready, head[]). The FIFO
    /// layout is the same on every ABI.</summary>
    /// <param name="WordsPerPage">Event words per 4 KiB page: 1024.</param>
    /// <param name="MaxPages">EVTCHN_FIFO_NR_CHANNELS / WordsPerPage: 128.</param>
    /// <param name="QueueCount">EVTCHN_FIFO_MAX_QUEUES, the length of head[]: 16.</param>
    public sealed record FifoGeometry(string Abi, int EventWordSize, int WordsPerPage, int MaxPages,
        WordBitLayout Pending, WordBitLayout Masked, WordBitLayout Linked, WordBitLayout Busy, WordBitLayout Link,
        int ControlBlockSize, int ReadyOffset, int HeadOffset, int QueueCount)
    {
        public int MaxPorts => MaxPages * WordsPerPage;

        public static FifoGeometry From(AbiLayout abi)
        {
            var word = LayoutLookup.Word(abi, "event_word_t");
            if (word.Size != 4) throw new InspectLayoutException($"event_word_t on {abi.Target.Name} has {word.Size} bytes; the inspector reads 4-byte words");
            var cb = LayoutLookup.Record(abi, "evtchn_fifo_control_block");
            var ready = LayoutLookup.IntegerMember(abi, cb, "ready", 4);
            var head = LayoutLookup.IntegerMember(abi, cb, "head", 4);
            int queues = (int)LayoutLookup.Constant(abi, "EVTCHN_FIFO_MAX_QUEUES");
            long channels = LayoutLookup.Constant(abi, "EVTCHN_FIFO_NR_CHANNELS");
            int perPage = XenPage.Size / word.Size;
            var link = LayoutLookup.Bits(word, "LINK");
            if (head.Field.ElementCount != queues || channels % perPage != 0 || channels != 1L << link.Width)
                throw new InspectLayoutException($"the FIFO layout on {abi.Target.Name} does not add up: head[{head.Field.ElementCount}] "
                    + $"(EVTCHN_FIFO_MAX_QUEUES = {queues}), EVTCHN_FIFO_NR_CHANNELS = {channels}, LINK is {link.Width} bits");
            return new FifoGeometry(abi.Target.Name, word.Size, perPage, (int)(channels / perPage),
                LayoutLookup.Bits(word, "PENDING"), LayoutLookup.Bits(word, "MASKED"), LayoutLookup.Bits(word, "LINKED"),
                LayoutLookup.Bits(word, "BUSY"), link, cb.Size, ready.Offset, head.Offset, queues);
        }

        /// <summary>Null when event-array bytes of <paramref name="length"/> are whole pages, at least one
        /// and at most <see cref="MaxPages"/>; otherwise what they should be.</summary>
        public string? CheckArrayLength(long length)
            => length > 0 && length % XenPage.Size == 0 && length / XenPage.Size <= MaxPages ? null
                : $"a non-zero multiple of {XenPage.Size} (whole event-array pages of {WordsPerPage} event words), at most {(long)MaxPages * XenPage.Size} ({MaxPages} pages: EVTCHN_FIFO_NR_CHANNELS words)";

        /// <summary>Null when <paramref name="length"/> bytes hold <paramref name="vcpus"/> control blocks placed as
        /// <paramref name="placement"/> says; otherwise what they should be.</summary>
        public string? CheckControlLength(long length, int vcpus, BlockPlacement placement)
            => placement.CheckLength(length, vcpus, ControlBlockSize, "evtchn_fifo_control_block");

        public bool Has(uint word, WordBitLayout b) => (word & b.Mask) != 0;

        public uint LinkOf(uint word) => (uint)((word & Link.Mask) >> Link.Low);
    }
}
