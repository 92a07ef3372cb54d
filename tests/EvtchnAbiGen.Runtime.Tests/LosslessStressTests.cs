using System;
using System.Linq;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>Several producer threads (Xen raising, and now and then the guest masking and unmasking)
    /// against one consumer (the guest's upcall), over at least a million raises per ABI, checked in 500
    /// epochs. Events may merge while pending; none may be lost. Each epoch ends drained: nothing pending
    /// and unmasked, no selector bit, no upcall flag (and for FIFO, no LINKED port); FIFO queues are also
    /// walked while the producers run.</summary>
    [Trait("Category", "Stress")]
    public class LosslessStressTests
    {
        private readonly ITestOutputHelper _out;

        public LosslessStressTests(ITestOutputHelper output) => _out = output;

        private const int Producers = 3;
        private const int Epochs = 500;

        private static int[] Ports(int capacity, int count, int seed, int min = 0)
        {
            var rng = new Random(seed);
            return Enumerable.Range(0, count).Select(_ => rng.Next(min, capacity)).Distinct().ToArray();
        }

        /// <summary>Half the raises hit 8 hot ports (so raises race deliveries), half spread out.</summary>
        private static int Pick(int[] ports, Random rng, long i) => ports[(i & 1) == 0 ? rng.Next(ports.Length) : rng.Next(8)];

        private void Report(string abi, Ledger ledger, TimeSpan time)
            => _out.WriteLine($"{abi}: {Stress.Raises:N0} raises, {ledger.Deliveries:N0} deliveries, {Epochs} checks, {time.TotalMilliseconds:F0} ms");

        /// <summary>The bitmap ABIs share one scenario: raise, sometimes mask+unmask, consume on vcpu 0.</summary>
        private void BitmapScenario(string abi, int capacity, int[] ports, int seed, Func<int, bool> setPending, Action<int> mask,
            Action<int> unmask, Func<bool> upcallPending, Action<Ledger> upcall, Action assertDrained)
        {
            var ledger = new Ledger(capacity);
            var time = Stress.Run(Producers, Stress.Raises, Epochs,
                (id, n) =>
                {
                    var rng = new Random(seed + id);
                    for (long i = 0; i < n; i++)
                    {
                        int p = Pick(ports, rng, i);
                        Interlocked.Increment(ref ledger.Sent[p]);
                        setPending(p);
                        if ((i & 63) == 5)
                        {
                            mask(p);
                            unmask(p);
                        }
                    }
                },
                upcallPending, () => upcall(ledger), () =>
                {
                    ledger.AssertCaughtUp();
                    assertDrained();
                });
            ledger.AssertNothingLost(Stress.Raises / Epochs * Epochs);
            Report(abi, ledger, time);
        }

        [Theory]
        [InlineData(ScanAck.PerWord)]
        [InlineData(ScanAck.PerPort)]
        public void TwoLevel_never_loses_an_event(ScanAck ack)
        {
            using var e = new TwoLevelEngine(ack);
            var ports = Ports(TwoLevelEngine.Capacity, 700, 1).Concat(new[] { 0, 63, 64, 4095 }).Distinct().ToArray();
            BitmapScenario($"2L {ack}", TwoLevelEngine.Capacity, ports, 100, p => e.SetPending(0, p), e.Mask, p => e.Unmask(0, p),
                () => e.UpcallPending(0), ledger =>
                {
                    var h = new LedgerHandler { Ledger = ledger };
                    e.Upcall(0, ref h);
                }, () =>
                {
                    ref var s = ref e.Shared;
                    for (int w = 0; w < TwoLevelEngine.Capacity / TwoLevelEngine.WordBits; w++)
                        Assert.Equal(0ul, s.evtchn_pending.ReadWord(w) & ~s.evtchn_mask.ReadWord(w));
                    Assert.Equal(0ul, s.vcpu_info[0].evtchn_pending_sel.Read());
                    Assert.Equal(0, s.vcpu_info[0].evtchn_upcall_pending.Read());
                });
        }

        [Theory]
        [InlineData(ScanAck.PerWord)]
        [InlineData(ScanAck.PerPort)]
        public void ThreeLevel_never_loses_an_event(ScanAck ack)
        {
            using var e = new ThreeLevelEngine(ack);
            var ports = Ports(ThreeLevelEngine.Capacity, 3000, 2).Concat(new[] { 0, 4095, 4096, 262143 }).Distinct().ToArray();
            BitmapScenario($"3L {ack}", ThreeLevelEngine.Capacity, ports, 200, p => e.SetPending(0, p), e.Mask, p => e.Unmask(0, p),
                () => e.UpcallPending(0), ledger =>
                {
                    var h = new LedgerHandler { Ledger = ledger };
                    e.Upcall(0, ref h);
                }, () =>
                {
                    for (int w = 0; w < ThreeLevelEngine.Capacity / 64; w++)
                        Assert.Equal(0ul, e.Pending.bits.ReadWord(w) & ~e.MaskBitmap.bits.ReadWord(w));
                    for (int w = 0; w < ThreeLevelEngine.Capacity / 64 / 64; w++)
                        Assert.Equal(0ul, e.L2Selector(0).sel.ReadWord(w));
                    Assert.Equal(0ul, e.VcpuInfo(0).evtchn_pending_sel.Read());
                    Assert.Equal(0, e.VcpuInfo(0).evtchn_upcall_pending.Read());
                });
        }

        [Fact]
        public void Fifo_never_loses_an_event()
        {
            const int capacity = 8192;
            using var e = new FifoEngine(capacity);
            var ledger = new Ledger(capacity);
            var ports = Ports(capacity, 700, 3, min: 1);
            var prio = new Random(4);
            foreach (var p in ports)
            {
                e.SetPriority(p, prio.Next(0, 16));
                e.GuestUnmask(p); // new event-array pages start masked
            }
            var handler = new LedgerHandler { Ledger = ledger };
            var time = Stress.Run(Producers, Stress.Raises, Epochs,
                (id, n) =>
                {
                    var rng = new Random(300 + id);
                    for (long i = 0; i < n; i++)
                    {
                        int p = Pick(ports, rng, i);
                        Interlocked.Increment(ref ledger.Sent[p]);
                        e.Raise(p);
                        if ((i & 63) == 5)
                        {
                            e.Mask(p);
                            e.GuestUnmask(p);
                            if ((i & 1023) == 5) e.SetPriority(p, rng.Next(0, 16)); // moves the port between queues
                        }
                    }
                },
                () => e.UpcallPending(0), () => e.Upcall(0, ref handler), () =>
                {
                    ledger.AssertCaughtUp();
                    var drained = e.CheckQueues(expectEmpty: true);
                    Assert.True(drained.IsHealthy, "after the drain: " + drained);
                },
                () =>
                {
                    var report = e.CheckQueues();
                    Assert.True(report.IsHealthy, "while raising: " + report);
                }, checkEvery: 64);
            ledger.AssertNothingLost(Stress.Raises / Epochs * Epochs);
            Assert.Equal(0, e.LinkGiveUps);
            foreach (var p in ports)
                Assert.Equal(0u, e.Word(p).Read() & (Xen.Evtchn.X86_64.event_word_t.LINKED_Mask | Xen.Evtchn.X86_64.event_word_t.PENDING_Mask));
            Report("FIFO", ledger, time);
        }
    }
}
