using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using EvtchnAbiGen.Runtime;
using Xen.Evtchn.X86_64;

// The benchmarks re-arm pending state with plain stores on purpose (single-threaded set-up, as the C does).
#pragma warning disable EAG1001

namespace EvtchnAbiGen.Bench
{
    public struct CountingHandler : IPortHandler
    {
        public long Sum;

        public void Handle(int port) => Sum += port;
    }

    /// <summary>Uncontended bit operations on a 4096-bit bitmap (the 2-level pending bitmap), cycling ports.</summary>
    public unsafe class BitOps
    {
        private const int Ops = 4096;
        private TwoLevelEngine<X86_64Abi> _e = null!;
        public long Sink;

        [GlobalSetup] public void Setup() => _e = new TwoLevelEngine<X86_64Abi>();

        [GlobalCleanup] public void Cleanup() => _e.Dispose();

        [Benchmark(OperationsPerInvoke = Ops)]
        public void set_bit()
        {
            ref var bm = ref ((shared_info*)_e.SharedInfo)->evtchn_pending;
            for (int i = 0; i < Ops; i++) bm.SetBitUnchecked(i);
        }

        [Benchmark(OperationsPerInvoke = Ops)]
        public void clear_bit()
        {
            ref var bm = ref ((shared_info*)_e.SharedInfo)->evtchn_pending;
            for (int i = 0; i < Ops; i++) bm.ClearBitUnchecked(i);
        }

        [Benchmark(OperationsPerInvoke = Ops)]
        public void test_and_set_bit()
        {
            ref var bm = ref ((shared_info*)_e.SharedInfo)->evtchn_pending;
            long n = 0;
            for (int i = 0; i < Ops; i++) n += bm.TestAndSetBitUnchecked(i) ? 1 : 0;
            Sink += n;
        }
    }

    /// <summary>Two threads setting bits of the same 64-bit word (a shared selector under fire).</summary>
    public unsafe class Contended
    {
        private const int PerThread = 2_000_000;
        private TwoLevelEngine<X86_64Abi> _e = null!;

        [GlobalSetup] public void Setup() => _e = new TwoLevelEngine<X86_64Abi>();

        [GlobalCleanup] public void Cleanup() => _e.Dispose();

        private int _ready, _go;
        private Thread _a = null!, _b = null!;

        // Threads are created and checked in before the timed part (as in bench/c): a staggered start
        // would let one thread run alone and look faster.
        [IterationSetup(Target = nameof(contended_set_2t))]
        public void StartThreads()
        {
            _ready = 0;
            _go = 0;
            _a = new Thread(() => Hammer(0));
            _b = new Thread(() => Hammer(1));
            _a.Start();
            _b.Start();
            while (Volatile.Read(ref _ready) < 2) Thread.Yield();
        }

        [Benchmark(OperationsPerInvoke = PerThread)]
        public void contended_set_2t()
        {
            Volatile.Write(ref _go, 1);
            _a.Join();
            _b.Join();
        }

        // Fully optimised from the first call: each worker runs it once, too few times for tiering.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private void Hammer(int cpu)
        {
            Pin(cpu);
            Interlocked.Increment(ref _ready);
            while (Volatile.Read(ref _go) == 0) Thread.Yield();
            ref var bm = ref ((shared_info*)_e.SharedInfo)->evtchn_pending;
            for (int i = 0; i < PerThread; i++) bm.SetBitUnchecked(1);
        }

        // One thread per CPU, so the two really contend (bench/c does the same with pthread_setaffinity_np).
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
        private static extern int SchedSetAffinity(int pid, nuint size, ref ulong mask);

        private static void Pin(int cpu)
        {
            if (!OperatingSystem.IsLinux() || cpu >= Environment.ProcessorCount) return;
            ulong mask = 1UL << cpu;
            SchedSetAffinity(0, sizeof(ulong), ref mask); // pid 0: the calling thread
        }
    }

    /// <summary>The guest's scans, re-armed with plain stores before each one: Linux's per-port acknowledgement
    /// (compared with the C reference, which does the same) and the word-at-once one ("_wordack", compared with
    /// the same per-port C scan on the same workload).</summary>
    public unsafe class Scans
    {
        private TwoLevelEngine<X86_64Abi> _l2 = null!, _l2w = null!;
        private ThreeLevelEngine<X86_64Abi> _l3 = null!, _l3w = null!;
        private Arm _l2Half = null!, _l3Sparse = null!, _l3Half = null!;
        public long Sink;

        [GlobalSetup]
        public void Setup()
        {
            _l2 = new TwoLevelEngine<X86_64Abi>(ScanAck.PerPort);
            _l3 = new ThreeLevelEngine<X86_64Abi>(ScanAck.PerPort);
            _l2w = new TwoLevelEngine<X86_64Abi>(ScanAck.PerWord);
            _l3w = new ThreeLevelEngine<X86_64Abi>(ScanAck.PerWord);
            _l2Half = new Arm(4096, 0.5);
            _l3Sparse = new Arm(262144, 0.001);
            _l3Half = new Arm(262144, 0.5);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _l2.Dispose();
            _l3.Dispose();
            _l2w.Dispose();
            _l3w.Dispose();
        }

        public static unsafe int ScanTwoLevel(TwoLevelEngine<X86_64Abi> e, Arm a)
        {
            ref shared_info s = ref *(shared_info*)e.SharedInfo;
            int[] wi = a.WordIndex;
            ulong[] wv = a.WordValue;
            for (int k = 0; k < wi.Length; k++) s.evtchn_pending[wi[k]] = wv[k];
            s.vcpu_info[0].evtchn_pending_sel.Write(a.Sel2L);
            var h = new CountingHandler();
            return e.Scan(0, ref h);
        }

        public static unsafe int ScanThreeLevel(ThreeLevelEngine<X86_64Abi> e, Arm a)
        {
            ref var pending = ref *(evtchn_3l_bitmap*)e.PendingBitmap;
            ref var l2 = ref *(evtchn_3l_l2_selector*)e.L2Selector(0);
            int[] wi = a.WordIndex, li = a.L2Index;
            ulong[] wv = a.WordValue, lv = a.L2Value;
            for (int k = 0; k < wi.Length; k++) pending.bits[wi[k]] = wv[k];
            for (int k = 0; k < li.Length; k++) l2.sel[li[k]] = lv[k];
            ((shared_info*)e.SharedInfo)->vcpu_info[0].evtchn_pending_sel.Write(a.L1);
            var h = new CountingHandler();
            return e.Scan(0, ref h);
        }

        [Benchmark(OperationsPerInvoke = 2048)]
        public int scan_2l_4096_50pct() => ScanTwoLevel(_l2, _l2Half);

        [Benchmark(OperationsPerInvoke = 262)]
        public int scan_3l_262144_0_1pct() => ScanThreeLevel(_l3, _l3Sparse);

        [Benchmark(OperationsPerInvoke = 131072)]
        public int scan_3l_262144_50pct() => ScanThreeLevel(_l3, _l3Half);

        [Benchmark(OperationsPerInvoke = 2048)]
        public int scan_2l_4096_50pct_wordack() => ScanTwoLevel(_l2w, _l2Half);

        [Benchmark(OperationsPerInvoke = 262)]
        public int scan_3l_262144_0_1pct_wordack() => ScanThreeLevel(_l3w, _l3Sparse);

        [Benchmark(OperationsPerInvoke = 131072)]
        public int scan_3l_262144_50pct_wordack() => ScanThreeLevel(_l3w, _l3Half);
    }

    /// <summary>Scan cost per delivered port against ports and pending density, 2-level against 3-level.</summary>
    public class ScanScaling
    {
        private TwoLevelEngine<X86_64Abi> _l2 = null!;
        private ThreeLevelEngine<X86_64Abi> _l3 = null!;
        private Arm _arm = null!;
        private bool _twoLevel;

        [Params("2l_4096", "3l_4096", "3l_32768", "3l_262144")]
        public string Abi = "";

        [Params("0.1pct", "1pct", "10pct", "50pct")]
        public string Density = "";

        public static double DensityValue(string d) => d switch { "0.1pct" => 0.001, "1pct" => 0.01, "10pct" => 0.1, _ => 0.5 };

        public static int Ports(string abi) => int.Parse(abi.Substring(3), System.Globalization.CultureInfo.InvariantCulture);

        [GlobalSetup]
        public void Setup()
        {
            _l2 = new TwoLevelEngine<X86_64Abi>(ScanAck.PerPort);
            _l3 = new ThreeLevelEngine<X86_64Abi>(ScanAck.PerPort);
            _arm = new Arm(Ports(Abi), DensityValue(Density));
            _twoLevel = Abi.StartsWith("2l", System.StringComparison.Ordinal);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _l2.Dispose();
            _l3.Dispose();
        }

        /// <summary>One scan; divide by the pending count for ns per port (done by Program).</summary>
        [Benchmark]
        public int scale() => _twoLevel ? Scans.ScanTwoLevel(_l2, _arm) : Scans.ScanThreeLevel(_l3, _arm);
    }

    /// <summary>FIFO: Xen raises 512 ports over 4 priorities, then the guest consumes them all.</summary>
    public class Fifo
    {
        private const int Ports = 512;
        private FifoEngine<X86_64Abi> _e = null!;
        public long Sink;

        [GlobalSetup]
        public void Setup()
        {
            _e = new FifoEngine<X86_64Abi>(8192);
            for (int k = 1; k <= Ports; k++)
            {
                _e.SetPriority(k * 8, k % 4);
                _e.GuestUnmask(k * 8);
            }
        }

        [GlobalCleanup] public void Cleanup() => _e.Dispose();

        [Benchmark(OperationsPerInvoke = Ports)]
        public int fifo_raise_consume()
        {
            for (int k = 1; k <= Ports; k++) _e.RaiseUnchecked(k * 8);
            var h = new CountingHandler();
            return _e.Consume(0, ref h);
        }
    }
}
