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

        public static TheoryData<string, ScanAck> BitmapCases()
        {
            var d = new TheoryData<string, ScanAck>();
            foreach (var abi in Abis.Names)
                foreach (var ack in new[] { ScanAck.PerWord, ScanAck.PerPort }) d.Add(abi, ack);
            return d;
        }

        /// <summary>Ports at the word and selector edges of a bitmap ABI with W-bit words.</summary>
        private static int[] EdgePorts(int wordBits, int capacity)
            => new[] { 0, wordBits - 1, wordBits, wordBits * wordBits - 1, wordBits * wordBits, capacity - 1 }.Where(p => p < capacity).ToArray();

        [Theory]
        [MemberData(nameof(BitmapCases))]
        public void TwoLevel_never_loses_an_event(string abi, ScanAck ack)
        {
            if (abi == Abis.X86_32) TwoLevel<X86_32Abi>(ack);
            else TwoLevel<X86_64Abi>(ack);
        }

        private void TwoLevel<TAbi>(ScanAck ack) where TAbi : struct, IEventAbi
        {
            using var e = new TwoLevelEngine<TAbi>(ack);
            int capacity = TwoLevelEngine<TAbi>.Capacity, w = TwoLevelEngine<TAbi>.WordBits;
            var ports = Ports(capacity, capacity / 6, 1).Concat(EdgePorts(w, capacity)).Distinct().ToArray();
            BitmapScenario($"2L {TAbi.Name} {ack}", capacity, ports, 100, p => e.SetPending(0, p), e.Mask, p => e.Unmask(0, p),
                () => e.UpcallPending(0), ledger =>
                {
                    var h = new LedgerHandler { Ledger = ledger };
                    e.Upcall(0, ref h);
                }, () =>
                {
                    for (int i = 0; i < capacity / w; i++)
                        Assert.Equal(0ul, e.PendingWord(i) & ~e.MaskWord(i));
                    Assert.Equal(0ul, e.Selector(0));
                    Assert.False(e.UpcallPending(0));
                });
        }

        [Theory]
        [MemberData(nameof(BitmapCases))]
        public void ThreeLevel_never_loses_an_event(string abi, ScanAck ack)
        {
            if (abi == Abis.X86_32) ThreeLevel<X86_32Abi>(ack);
            else ThreeLevel<X86_64Abi>(ack);
        }

        private void ThreeLevel<TAbi>(ScanAck ack) where TAbi : struct, IEventAbi
        {
            using var e = new ThreeLevelEngine<TAbi>(ack);
            int capacity = ThreeLevelEngine<TAbi>.Capacity, w = ThreeLevelEngine<TAbi>.WordBits;
            var ports = Ports(capacity, 3000, 2).Concat(EdgePorts(w, capacity)).Distinct().ToArray();
            BitmapScenario($"3L {TAbi.Name} {ack}", capacity, ports, 200, p => e.SetPending(0, p), e.Mask, p => e.Unmask(0, p),
                () => e.UpcallPending(0), ledger =>
                {
                    var h = new LedgerHandler { Ledger = ledger };
                    e.Upcall(0, ref h);
                }, () =>
                {
                    for (int i = 0; i < capacity / w; i++)
                        Assert.Equal(0ul, e.PendingWord(i) & ~e.MaskWord(i));
                    for (int i = 0; i < capacity / w / w; i++)
                        Assert.Equal(0ul, e.L2Word(0, i));
                    Assert.Equal(0ul, e.Selector(0));
                    Assert.False(e.UpcallPending(0));
                });
        }

        [Theory]
        [InlineData(Abis.X86_32)]
        [InlineData(Abis.X86_64)]
        public void Fifo_never_loses_an_event(string abi)
        {
            if (abi == Abis.X86_32) Fifo<X86_32Abi>();
            else Fifo<X86_64Abi>();
        }

        private void Fifo<TAbi>() where TAbi : struct, IEventAbi
        {
            const int capacity = 8192;
            using var e = new FifoEngine<TAbi>(capacity);
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
            Report($"FIFO {TAbi.Name}", ledger, time);
        }
    }
}
