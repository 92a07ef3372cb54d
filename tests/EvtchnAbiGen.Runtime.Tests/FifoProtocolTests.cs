using System;
using System.Collections.Generic;
using System.Threading;
using Xen.Evtchn.X86_64;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>Single-threaded replays of the FIFO cases that Xen and Linux fixed, each failing without the fix
    /// (docs/atomics-and-engines.md, "Review against Xen and Linux").</summary>
    public class FifoProtocolTests
    {
        private struct Recorder : IPortHandler
        {
            public List<int> Ports;

            public void Handle(int port) => Ports.Add(port);
        }

        private static List<int> Drain(FifoEngine<X86_64Abi> e, int vcpu = 0)
        {
            var r = new Recorder { Ports = new List<int>() };
            while (e.UpcallPending(vcpu)) e.Upcall(vcpu, ref r);
            return r.Ports;
        }

        /// <summary>Runs another cpu's work at one of the raise's two interleaving points, for the first
        /// <see cref="Times"/> calls there.</summary>
        private struct Interleave : IRaiseProbe
        {
            public Action<int>? AfterFactsRead;
            public Action<int>? WhileLocked;
            public int Times;
            private int _factsCalls, _lockedCalls;

            public void FactsRead(int port)
            {
                if (AfterFactsRead != null && _factsCalls++ < Times) AfterFactsRead(port);
            }

            public void Locked(int port)
            {
                if (WhileLocked != null && _lockedCalls++ < Times) WhileLocked(port);
            }
        }

        /// <summary>The guest drains exactly <paramref name="ports"/>, in order, and the engine is then empty.</summary>
        private static void AssertDrainsTo(FifoEngine<X86_64Abi> e, int[] ports, int vcpu = 0)
        {
            Assert.Equal(ports, Drain(e, vcpu));
            AssertHealthy(e, drained: true);
        }

        /// <summary>A one-page engine with <paramref name="ports"/> unmasked (new pages start masked).</summary>
        private static FifoEngine<X86_64Abi> Unmasked(int vcpus, params int[] ports)
        {
            var e = new FifoEngine<X86_64Abi>(1024, vcpus);
            foreach (var p in ports) e.GuestUnmask(p);
            return e;
        }

        private static void AssertHealthy(FifoEngine<X86_64Abi> e, bool drained = false)
        {
            var report = e.CheckQueues(drained);
            Assert.True(report.IsHealthy, report.ToString());
        }

        [Fact]
        public void A_port_that_moved_queues_is_no_longer_the_old_queues_tail()
        {
            // Xen e33d4257fc: P is the (consumed) tail of priority 7 when it is raised on priority 3. Unless
            // priority 7 forgets P as its tail, R (priority 7) links behind P on queue 3, and T (priority 3)
            // then overwrites P's LINK: R is stranded.
            const int P = 5, R = 6, T = 7;
            using var e = Unmasked(1, P, R, T);
            e.Raise(P);
            Assert.Equal(new[] { P }, Drain(e));
            e.SetPriority(P, 3);
            e.SetPriority(T, 3);
            e.Raise(P);
            AssertHealthy(e);
            e.Raise(R);
            AssertHealthy(e);
            e.Raise(T);
            AssertHealthy(e);
            Assert.Equal(new[] { P, T, R }, Drain(e)); // priority 3 before 7, FIFO within a queue
            AssertHealthy(e, drained: true);
        }

        [Fact]
        public void Priority_changes_apply_to_the_next_link_and_a_linked_event_stays_on_its_queue()
        {
            // Xen's set_priority: "a pending or in-flight event stays on the old queue".
            using var e = Unmasked(1, 10, 11, 12);
            e.Raise(10);
            e.Raise(11);
            e.SetPriority(11, 0);          // 11 is already linked on priority 7
            e.Raise(11);                   // merges: still one event, still on priority 7
            e.SetPriority(12, 0);
            e.Raise(12);
            AssertHealthy(e);
            Assert.Equal(new[] { 12, 10, 11 }, Drain(e));
            e.Raise(11);                   // now linked on priority 0
            e.Raise(10);
            AssertDrainsTo(e, new[] { 11, 10 });
        }

        [Fact]
        public void A_raise_whose_port_moved_before_it_locked_retries_on_the_new_queue()
        {
            // Xen 71ac522909: raise A reads P's queue facts (priority 3, last queue 7), then, before A locks,
            // raise B links P on priority 3 and the guest consumes it. Locking on what it read, A would find
            // P as priority 3's tail, not invalidate it, and link P behind itself: a cycle.
            const int P = 5;
            using var e = Unmasked(1, P);
            e.Raise(P);
            Assert.Equal(new[] { P }, Drain(e));
            e.SetPriority(P, 3);
            var other = new Interleave { Times = 1, AfterFactsRead = port =>
            {
                e.Raise(port);
                Assert.Equal(new[] { port }, Drain(e));
            } };
            e.RaiseCore(P, ref other);
            AssertHealthy(e);
            Assert.Equal(1, e.QueueRetries);
            Assert.Equal(0, e.QueueRetryWarnings);
            AssertDrainsTo(e, new[] { P });
        }

        [Fact]
        public void A_raise_retries_until_its_queues_are_stable_and_never_drops_the_event()
        {
            // Xen gives up after 3 tries ("lost event (too many queue changes)"); the engine keeps going and
            // counts the raise where Xen would have warned.
            const int P = 5, Moves = 5;
            using var e = Unmasked(1, P);
            int priority = 0;
            var other = new Interleave { Times = Moves, AfterFactsRead = port =>
            {
                e.SetPriority(port, priority++);
                e.Raise(port);
                Assert.Equal(new[] { port }, Drain(e));
            } };
            e.RaiseCore(P, ref other);
            AssertHealthy(e);
            Assert.Equal(Moves, e.QueueRetries);
            Assert.Equal(1, e.QueueRetryWarnings);
            AssertDrainsTo(e, new[] { P });
        }

        [Fact]
        public void The_last_queue_recorded_is_the_queue_the_port_was_linked_on()
        {
            // Xen 6f6f07b64c: a priority change that lands while the raise holds its locks must not be
            // recorded as the port's last queue, or the queue really holding it keeps a stale tail.
            const int P = 5, R = 6;
            using var e = Unmasked(1, P, R);
            e.SetPriority(P, 3);
            var other = new Interleave { Times = 1, WhileLocked = port => e.SetPriority(port, 9) };
            e.RaiseCore(P, ref other);
            AssertHealthy(e);
            Assert.Equal(new[] { P }, Drain(e));
            e.SetPriority(R, 3);
            e.Raise(P);                     // priority 9 now
            e.Raise(R);                     // priority 3: must not link behind P
            AssertHealthy(e);
            AssertDrainsTo(e, new[] { R, P });
        }

        [Fact]
        public void A_raise_that_locks_after_set_priority_returns_uses_the_new_priority()
        {
            // The priority is re-read under the locks (as Xen does): a priority set before the raise takes its
            // locks applies to it.
            const int P = 5, R = 6;
            using var e = Unmasked(1, P, R);
            e.SetPriority(R, 3);
            e.Raise(R);
            var other = new Interleave { Times = 1, AfterFactsRead = port => e.SetPriority(port, 0) };
            e.RaiseCore(P, ref other);
            Assert.Equal(1, e.QueueRetries);
            AssertDrainsTo(e, new[] { P, R });
        }

        [Fact]
        public void A_raise_that_locks_after_bind_vcpu_returns_goes_to_the_new_vcpu()
        {
            const int P = 5;
            using var e = Unmasked(2, P);
            var other = new Interleave { Times = 1, AfterFactsRead = port => e.BindVcpu(port, 1) };
            e.RaiseCore(P, ref other);
            Assert.Equal(1, e.QueueRetries);
            Assert.False(e.UpcallPending(0));
            AssertDrainsTo(e, new[] { P }, vcpu: 1);
        }

        [Fact]
        public void Guest_unmask_waits_while_xen_holds_busy()
        {
            // XSA-332 (Linux clear_masked_cond): the guest must not clear MASKED while BUSY is set, or Xen's
            // set_link compare-exchange could fail without bound.
            using var e = new FifoEngine<X86_64Abi>(1024);
            const int port = 9;
            ref event_word_t w = ref e.Word(port);
            w = new event_word_t(event_word_t.MASKED_Mask | event_word_t.LINKED_Mask | event_word_t.BUSY_Mask);
            using var started = new ManualResetEventSlim();
            var guest = new Thread(() =>
            {
                started.Set();
                e.GuestUnmask(port);
            });
            guest.Start();
            started.Wait();
            Assert.False(guest.Join(100), "the guest cleared MASKED while BUSY was set");
            Assert.True(e.Word(port).TestMASKED());
            e.Word(port).ClearBUSY();       // Xen's set_link finishes
            Assert.True(guest.Join(10_000));
            Assert.Equal(event_word_t.LINKED_Mask, e.Word(port).Read());
        }

        [Fact]
        public void Guest_unmask_of_a_pending_port_leaves_masked_to_xen()
        {
            // Linux f01337197419: a PENDING port is unmasked by Xen (EVTCHNOP_unmask), which clears MASKED and
            // links it; the guest does not clear MASKED itself as well.
            using var e = new FifoEngine<X86_64Abi>(1024);
            const int port = 9;
            e.Raise(port);                   // masked (new pages start masked): pending, not linked
            Assert.Equal(event_word_t.PENDING_Mask | event_word_t.MASKED_Mask, e.Word(port).Read());
            Assert.False(e.UpcallPending(0));
            e.GuestUnmask(port);
            Assert.Equal(event_word_t.PENDING_Mask | event_word_t.LINKED_Mask, e.Word(port).Read());
            Assert.True(e.UpcallPending(0));
            Assert.Equal(new[] { port }, Drain(e));
            e.GuestUnmask(port);             // already unmasked: nothing to do
            Assert.Equal(0u, e.Word(port).Read());
            AssertHealthy(e, drained: true);
        }

        [Fact]
        public void The_queue_walk_reports_what_it_finds()
        {
            // The checker itself must be able to fail: corrupt a queue by hand and read the report.
            using var e = Unmasked(1, 20, 21, 22);
            e.Raise(20);
            e.Raise(21);
            AssertHealthy(e);
            e.Word(21).TrySetLINK(20, event_word_t.LINKED_Mask, event_word_t.BUSY_Mask, 4); // 20 -> 21 -> 20
            var cycle = e.CheckQueues();
            Assert.Contains(cycle.Problems, x => x.Fault == FifoQueueFault.Cycle && x.Port == 20);
            e.Word(21).TakeLINK(event_word_t.LINKED_Mask);   // 21 unlinked behind Xen's back
            Assert.Contains(e.CheckQueues().Problems, x => x.Fault == FifoQueueFault.LinkToUnlinked && x.Port == 21);
            e.Word(22).SetLINKED();                          // LINKED, but on no queue
            Assert.Contains(e.CheckQueues().Problems, x => x.Fault == FifoQueueFault.Stranded && x.Port == 22);
            var drained = e.CheckQueues(expectEmpty: true);
            Assert.Contains(drained.Problems, x => x.Fault == FifoQueueFault.LinkedAfterDrain && x.Port == 20);
            Assert.Contains(drained.Problems, x => x.Fault == FifoQueueFault.PendingAfterDrain && x.Port == 21);
            Assert.Contains("LinkedAfterDrain: port 20 on vcpu 0 priority 7", drained.ToString());
        }
    }
}
