using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;
using Xunit;
using static EvtchnAbiGen.Core.Tests.Inspect.FifoPages;

namespace EvtchnAbiGen.Core.Tests.Inspect
{
    public class FifoInspectorTests
    {
        private static readonly FifoGeometry G = FifoGeometry.From(BuiltInLayout.For("x86_64"));

        private static FifoReport Inspect(FifoPages pages, uint ready, Dictionary<int, uint> heads)
            => FifoInspector.Inspect(G, pages.Array(), Control(ready, heads));

        private static InspectProblem One(FifoReport r, ProblemKind kind) => Assert.Single(r.Problems, p => p.Kind == kind);

        [Fact]
        public void Queues_are_walked_in_link_order()
        {
            var pages = new FifoPages(2).Chain(7, 3, 1500).Chain(9).Word(4, MASKED | PENDING);
            var r = Inspect(pages, (1 << 3) | (1 << 0), new() { [3] = 7, [0] = 9, [5] = 4 });   // head[5] = 4: consumed, not LINKED
            Assert.Equal((2048, 2), (r.PortCount, r.Pages));
            Assert.Equal(new uint[] { 3, 4, 7, 9, 1500 }, r.Pending);
            Assert.Equal(new uint[] { 4 }, r.Masked);
            Assert.Equal(new uint[] { 3, 7, 9, 1500 }, r.Linked);
            Assert.Equal(new[] { new FifoQueue(0, 0, 9, new uint[] { 9 }.ToEquatable()), new FifoQueue(0, 3, 7, new uint[] { 7, 3, 1500 }.ToEquatable()) }, r.Queues);
            Assert.Equal(new[] { 0, 3 }, r.Vcpus.Single().ReadyBits);
            Assert.Empty(r.Problems);
        }

        [Fact]
        public void A_cycle_ends_the_walk_and_is_an_error()
        {
            var pages = new FifoPages().Chain(20, 21, 22).Word(22, PENDING | LINKED | 20);
            var r = Inspect(pages, 1 << 5, new() { [5] = 20 });
            Assert.Equal(new uint[] { 20, 21, 22 }, r.Queues.Single().Ports);
            var p = One(r, ProblemKind.QueueCycle);
            Assert.Equal((0, 5, 22u, 20u, ProblemSeverity.Error), (p.Vcpu, p.Priority, p.Port, p.Link, p.Severity));
            Assert.True(r.HasErrors);
            Assert.DoesNotContain(r.Problems, x => x.Kind == ProblemKind.StaleHead);   // the head closes the cycle: not "stale"
        }

        [Fact]
        public void A_cycle_no_head_reaches_is_found_too()
        {
            var r = Inspect(new FifoPages().Chain(30, 31).Word(31, LINKED | 30), 0, new());
            var p = One(r, ProblemKind.QueueCycle);
            Assert.Null(p.Vcpu);
            Assert.Equal(new uint[] { 30, 31 }, p.Ports);
        }

        [Fact]
        public void An_orphan_linked_chain_is_a_warning_with_its_ports_in_link_order()
        {
            var r = Inspect(new FifoPages().Chain(7, 3).Chain(50, 12, 40), 1 << 3, new() { [3] = 7 });
            var p = One(r, ProblemKind.OrphanLinked);
            Assert.Equal((50u, 3, ProblemSeverity.Warning), (p.Port, p.Count, p.Severity));
            Assert.Equal(new uint[] { 50, 12, 40 }, p.Ports);
            Assert.False(r.HasErrors);
        }

        [Fact]
        public void A_link_past_the_array_is_an_error()
        {
            var r = Inspect(new FifoPages().Chain(7).Word(7, PENDING | LINKED | 5000), 1 << 1, new() { [1] = 7 });
            var p = One(r, ProblemKind.LinkPastArray);
            Assert.Equal((7u, 5000u, 1024), (p.Port, p.Link, p.Count));
            Assert.Equal(new uint[] { 7 }, r.Queues.Single().Ports);
            var head = One(Inspect(new FifoPages(), 1 << 1, new() { [1] = 1024 }), ProblemKind.HeadPastArray);
            Assert.Equal((0, 1, 1024u), (head.Vcpu, head.Priority, head.Port));
        }

        [Fact]
        public void Ready_and_head_disagreements_are_classified()
        {
            var pages = new FifoPages().Chain(8).Word(6, PENDING);
            var r = Inspect(pages, (1u << 2) | (1u << 4) | (1u << 20), new() { [4] = 6, [9] = 8 });
            Assert.Equal(ProblemSeverity.Error, One(r, ProblemKind.ReadyWithoutHead).Severity);        // ready 2, head[2] = 0
            Assert.Equal(ProblemSeverity.Warning, One(r, ProblemKind.ReadyStaleHead).Severity);        // ready 4, head 6 not LINKED
            Assert.Equal((9, 8u), (One(r, ProblemKind.QueueNotReady).Priority, One(r, ProblemKind.QueueNotReady).Port)); // queue 9 without ready
            Assert.Equal(20, One(r, ProblemKind.ReadyUnknownBits).Bit);
        }

        [Fact]
        public void Linux_mid_consume_with_a_requeued_head_has_warnings_only()
        {
            // Queue 3 was 5 -> 6 -> 7; the guest consumed 5 (its private head is now 6), then Xen queued 5 again
            // behind 7. The control block's head is still 5.
            var r = Inspect(new FifoPages().Chain(6, 7, 5), 1 << 3, new() { [3] = 5 });
            Assert.Equal(new uint[] { 5 }, r.Queues.Single().Ports);
            var stale = One(r, ProblemKind.StaleHead);
            Assert.Equal(new uint[] { 6, 7 }, stale.Ports);
            Assert.Equal(new uint[] { 6, 7 }, One(r, ProblemKind.OrphanLinked).Ports);
            Assert.False(r.HasErrors);
        }

        [Fact]
        public void Two_words_linking_to_one_port_and_a_link_to_an_unlinked_word_are_errors()
        {
            var pages = new FifoPages().Chain(1, 2, 3).Word(9, PENDING | LINKED | 2).Word(4, PENDING | LINKED | 11);
            var r = Inspect(pages, 1, new() { [0] = 1, [1] = 9, [2] = 4 });
            Assert.Equal(2u, One(r, ProblemKind.SharedLink).Port);
            Assert.Equal((4u, 11u), (One(r, ProblemKind.LinkToUnlinked).Port, One(r, ProblemKind.LinkToUnlinked).Link));
        }

        [Fact]
        public void Several_vcpus_at_a_stride_and_busy_words()
        {
            var cb = new byte[4096 + 72];
            Control(1 << 7, new Dictionary<int, uint> { [7] = 2 }).CopyTo(cb, 0);
            Control(1 << 0, new Dictionary<int, uint> { [0] = 3 }).CopyTo(cb, 4096);
            var pages = new FifoPages().Chain(2).Chain(3).Word(3, PENDING | LINKED | BUSY);
            var r = FifoInspector.Inspect(G, pages.Array(), cb, vcpus: 2, new BlockPlacement(0, 4096));
            Assert.Equal(new[] { (0, 7, 2u), (1, 0, 3u) }, r.Queues.Select(q => (q.Vcpu, q.Priority, q.Head)));
            Assert.Equal(new uint[] { 3 }, One(r, ProblemKind.BusySet).Ports);
        }

        [Fact]
        public void Wrong_lengths_throw_with_the_expected_size()
        {
            Assert.Contains("multiple of 4096", Assert.Throws<InputSizeException>(() => FifoInspector.Inspect(G, new byte[4000], new byte[72])).Expected);
            var ex = Assert.Throws<InputSizeException>(() => FifoInspector.Inspect(G, new byte[4096], new byte[100], vcpus: 2));
            Assert.Equal((100L, "control blocks"), (ex.Actual, ex.Input));
            Assert.StartsWith("at least 144", ex.Expected);
        }
    }

    internal static class EquatableExtensions
    {
        public static Core.Util.EquatableArray<T> ToEquatable<T>(this T[] items) where T : System.IEquatable<T> => new Core.Util.EquatableArray<T>(items);
    }
}
