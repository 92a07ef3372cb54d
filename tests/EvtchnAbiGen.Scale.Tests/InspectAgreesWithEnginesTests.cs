using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Core.Spec;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Runtime;
using EvtchnAbiGen.TestSupport;
using Xunit;

namespace EvtchnAbiGen.Scale.Tests
{
    /// <summary>The inspectors read the bytes the engines wrote (the same bytes EvtchnScale dumps) and report
    /// what the engines' own accessors say: pending, masked, selectors, FIFO queues in link order.</summary>
    public unsafe class InspectAgreesWithEnginesTests
    {
        internal static AbiLayout Layout(string abi)
        {
            var specs = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "AbiSpecs"), "*.abi").OrderBy(p => p)
                .Select(p => Parser.Parse(p, File.ReadAllText(p))).ToList();
            return LayoutEngine.Run(specs, new[] { AbiTarget.Find(abi)! }).Abis.Single();
        }

        private static byte[] Bytes(void* p, int n) => new ReadOnlySpan<byte>(p, n).ToArray();

        /// <summary>Ports at word edges, some masked before their raise, some after, one vcpu each.</summary>
        private static (int[] Raised, int[] Masked) Scenario(int capacity, int wordBits)
        {
            var raised = new[] { 1, wordBits - 1, wordBits, wordBits + 5, 3 * wordBits + 1, capacity / 2, capacity - 1 };
            var masked = new[] { wordBits, capacity / 2, 7 };   // 7 masked and never raised
            return (raised, masked);
        }

        [Theory]
        [InlineData("x86_32")]
        [InlineData("x86_64")]
        public void Two_level(string abi)
        {
            if (abi == "x86_32") TwoLevel<X86_32Abi>();
            else TwoLevel<X86_64Abi>();
        }

        private static void TwoLevel<TAbi>() where TAbi : struct, IEventAbi
        {
            using var e = new TwoLevelEngine<TAbi>();
            int cap = TwoLevelEngine<TAbi>.Capacity, w = TwoLevelEngine<TAbi>.WordBits;
            var (raised, masked) = Scenario(cap, w);
            foreach (var p in masked) e.Mask(p);
            foreach (var p in raised) e.SetPending(p % 2, p);     // odd ports on vcpu 1
            var report = SharedInfoInspector.Inspect(SharedInfoGeometry.From(Layout(TAbi.Name)), Bytes(e.SharedInfo, TAbi.SharedInfoSize));
            Assert.Equal(EnginePorts(cap / w, w, e.PendingWord), report.Pending.Select(p => (int)p).ToArray());
            Assert.Equal(EnginePorts(cap / w, w, e.MaskWord), report.Masked.Select(p => (int)p).ToArray());
            Assert.Equal(raised.OrderBy(p => p).ToArray(), report.Pending.Select(p => (int)p).ToArray());
            foreach (int v in new[] { 0, 1 })
            {
                var vcpu = report.Vcpus.Single(x => x.Vcpu == v);
                Assert.Equal(e.Selector(v), vcpu.Selector);
                Assert.Equal(e.UpcallPending(v), vcpu.UpcallPending != 0);
            }
            Assert.False(report.HasErrors, string.Join("; ", report.Problems));
        }

        [Theory]
        [InlineData("x86_32")]
        [InlineData("x86_64")]
        public void Three_level(string abi)
        {
            if (abi == "x86_32") ThreeLevel<X86_32Abi>();
            else ThreeLevel<X86_64Abi>();
        }

        private static void ThreeLevel<TAbi>() where TAbi : struct, IEventAbi
        {
            using var e = new ThreeLevelEngine<TAbi>();
            int cap = ThreeLevelEngine<TAbi>.Capacity, w = ThreeLevelEngine<TAbi>.WordBits;
            var (raised, masked) = Scenario(cap, w);
            foreach (var p in masked) e.Mask(p);
            foreach (var p in raised) e.SetPending(0, p);
            var report = ThreeLevelInspector.Inspect(ThreeLevelGeometry.From(Layout(TAbi.Name)),
                Bytes(e.PendingBitmap, TAbi.ThreeLevelBitmapSize), Bytes(e.MaskBitmap, TAbi.ThreeLevelBitmapSize),
                Bytes(e.L2Selector(0), TAbi.ThreeLevelSelectorSize), Bytes(e.SharedInfo, TAbi.SharedInfoSize));
            Assert.Equal(EnginePorts(cap / w, w, e.PendingWord), report.Pending.Select(p => (int)p).ToArray());
            Assert.Equal(EnginePorts(cap / w, w, e.MaskWord), report.Masked.Select(p => (int)p).ToArray());
            var v0 = report.Vcpus.Single(x => x.Vcpu == 0);
            Assert.Equal(e.Selector(0), v0.Selector);
            var l2 = Enumerable.Range(0, cap / w / w).SelectMany(i => Bits(e.L2Word(0, i)).Select(b => i * w + b)).ToArray();
            Assert.Equal(l2, v0.L2Bits!.Value.ToArray());
            Assert.False(report.HasErrors, string.Join("; ", report.Problems));
        }

        [Theory]
        [InlineData("x86_32")]
        [InlineData("x86_64")]
        public void Fifo_queues(string abi)
        {
            if (abi == "x86_32") Fifo<X86_32Abi>();
            else Fifo<X86_64Abi>();
        }

        private static void Fifo<TAbi>() where TAbi : struct, IEventAbi
        {
            const int capacity = 4096, vcpus = 2;
            using var e = new FifoEngine<TAbi>(capacity, vcpus);
            // Raise order per (vcpu, priority) is the queue's link order.
            var order = new Dictionary<uint, int>();
            var rng = new Random(5);
            foreach (int p in Enumerable.Range(1, 300).Select(i => i * 13 % (capacity - 1) + 1).Distinct())
            {
                e.SetPriority(p, rng.Next(16));
                e.BindVcpu(p, rng.Next(vcpus));
                if (p % 7 == 0) continue;                 // stays masked (new pages start masked), never raised
                e.GuestUnmask(p);
                e.Raise(p);
                order[(uint)p] = order.Count;
                if (p % 11 == 0) e.Mask(p);               // masked while queued: still linked and pending
            }
            var o = FifoEngine<TAbi>.RegionOffsets(capacity, vcpus);
            byte* region = (byte*)e.EventArray;
            var report = FifoInspector.Inspect(FifoGeometry.From(Layout(TAbi.Name)), Bytes(region + o.Array, o.Control - o.Array),
                Bytes(region + o.Control, o.SharedInfo - o.Control), vcpus);
            Assert.False(report.HasErrors, string.Join("; ", report.Problems));
            var pending = Enumerable.Range(0, capacity).Where(p => (((uint*)e.EventArray)[p] & Xen.Evtchn.X86_64.event_word_t.PENDING_Mask) != 0).Select(p => (uint)p);
            var maskedPorts = Enumerable.Range(0, capacity).Where(p => (((uint*)e.EventArray)[p] & Xen.Evtchn.X86_64.event_word_t.MASKED_Mask) != 0).Select(p => (uint)p);
            Assert.Equal(pending.ToArray(), report.Pending.ToArray());
            Assert.Equal(maskedPorts.ToArray(), report.Masked.ToArray());
            // The engine's own walk: every queued port, and the inspector's queues hold exactly those, each queue
            // in the order the ports were raised.
            var check = e.CheckQueues();
            Assert.True(check.IsHealthy, check.ToString());
            Assert.Equal(check.QueuedPorts, report.Queues.Sum(q => q.Ports.Count));
            Assert.Equal(order.Count, check.QueuedPorts);
            foreach (var q in report.Queues)
            {
                Assert.Equal(e.ControlBlock(q.Vcpu).head[q.Priority].Read(), q.Head);
                Assert.Equal(q.Ports.OrderBy(p => order[p]).ToArray(), q.Ports.ToArray());
            }
        }

        private static int[] EnginePorts(int words, int wordBits, Func<int, ulong> word)
            => Enumerable.Range(0, words).SelectMany(i => Bits(word(i)).Select(b => i * wordBits + b)).ToArray();

        private static IEnumerable<int> Bits(ulong v)
        {
            for (int b = 0; v != 0; b++, v >>= 1)
                if ((v & 1) != 0) yield return b;
        }
    }
}
