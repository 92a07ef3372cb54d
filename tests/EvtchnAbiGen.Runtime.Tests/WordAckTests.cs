using System.Collections.Generic;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>Acknowledging a whole word at once keeps Linux's guarantees: every acknowledged port is handled,
    /// masked or unseen pending bits stay, and a raise after the acknowledgement is delivered again.</summary>
    public class WordAckTests
    {
        private struct Recorder : IPortHandler
        {
            public List<int> Ports;
            public TwoLevelEngine? Raise;   // raises RaisePort once, while handling the first port
            public int RaisePort;

            public void Handle(int port)
            {
                Ports.Add(port);
                if (Raise != null && Ports.Count == 1)
                {
                    Raise.SetPending(0, RaisePort);
                    Raise = null;
                }
            }
        }

        [Theory]
        [InlineData(ScanAck.PerWord)]
        [InlineData(ScanAck.PerPort)]
        public void Masked_pending_ports_stay_pending_and_a_raise_during_the_handlers_is_delivered_again(ScanAck ack)
        {
            using var e = new TwoLevelEngine(ack);
            e.Mask(2);
            e.Mask(70);
            foreach (var p in new[] { 1, 2, 3, 70, 130 }) e.SetPending(0, p);
            var h = new Recorder { Ports = new List<int>(), Raise = e, RaisePort = 3 };
            int handled = e.Upcall(0, ref h);
            // Per word: 3 was acknowledged with its word before the raise, so it is delivered again. Per port: the
            // raise lands before 3's own acknowledgement and merges; 3's one delivery comes after the raise.
            var expected = ack == ScanAck.PerWord ? new[] { 1, 3, 130, 3 } : new[] { 1, 3, 130 };
            Assert.Equal(expected, h.Ports);
            Assert.Equal(expected.Length, handled);
            ref var s = ref e.Shared;
            Assert.Equal((1UL << 2), s.evtchn_pending.ReadWord(0));      // masked port 2 still pending
            Assert.Equal((1UL << (70 - 64)), s.evtchn_pending.ReadWord(1)); // masked port 70 still pending
            Assert.Equal(0UL, s.evtchn_pending.ReadWord(2));
            Assert.Equal(0UL, s.vcpu_info[0].evtchn_pending_sel.Read());
        }

        [Theory]
        [InlineData(ScanAck.PerWord)]
        [InlineData(ScanAck.PerPort)]
        public void The_next_scan_resumes_just_after_the_last_port_handled(ScanAck ack)
        {
            // The fair resume point, at word granularity: after 10, 20, 30 and 100 the next scan starts at 101,
            // takes the rest of that word in circular order (101, then 99), then the later words and wraps.
            // (Linux would take 99 last; the issue asks for word granularity at least.)
            using var e = new TwoLevelEngine(ack);
            foreach (var p in new[] { 30, 10, 100, 20 }) e.SetPending(0, p);
            var h = new Recorder { Ports = new List<int>() };
            e.Upcall(0, ref h);
            Assert.Equal(new[] { 10, 20, 30, 100 }, h.Ports);
            foreach (var p in new[] { 5, 99, 101, 4000 }) e.SetPending(0, p);
            h.Ports.Clear();
            e.Upcall(0, ref h);
            Assert.Equal(new[] { 101, 99, 4000, 5 }, h.Ports);
            foreach (var p in new[] { 3, 7 }) e.SetPending(0, p);   // the last port handled was 5: resume at 6
            h.Ports.Clear();
            e.Upcall(0, ref h);
            Assert.Equal(new[] { 7, 3 }, h.Ports);
        }

        [Fact]
        public void Three_level_word_ack_clears_exactly_the_delivered_bits()
        {
            using var e = new ThreeLevelEngine(ScanAck.PerWord);
            e.Mask(4100);
            foreach (var p in new[] { 4096, 4100, 4101, 262143 }) e.SetPending(0, p);
            var h = new Recorder { Ports = new List<int>() };
            e.Upcall(0, ref h);
            Assert.Equal(new[] { 4096, 4101, 262143 }, h.Ports);
            Assert.Equal(1UL << 4, e.Pending.bits.ReadWord(64));
            Assert.Equal(0UL, e.Pending.bits.ReadWord(262143 / 64));
        }
    
        [Fact]
        public void Every_engine_checks_the_vcpu_of_its_upcall_entry_points()
        {
            using var l2 = new TwoLevelEngine();
            using var l3 = new ThreeLevelEngine();
            using var fifo = new FifoEngine(1024, vcpus: 2);
            var h = new Recorder { Ports = new List<int>() };
            Assert.Throws<System.ArgumentOutOfRangeException>(() => l2.UpcallPending(32));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => l3.UpcallPending(-1));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => fifo.UpcallPending(2));
            Assert.Throws<System.ArgumentOutOfRangeException>(() => { var r = h; l2.Scan(32, ref r); });
            Assert.Throws<System.ArgumentOutOfRangeException>(() => { var r = h; l3.Upcall(32, ref r); });
            Assert.Throws<System.ArgumentOutOfRangeException>(() => { var r = h; fifo.Consume(2, ref r); });
            Assert.False(fifo.UpcallPending(1));
        }
    }
}
