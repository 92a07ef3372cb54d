using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>Counts raises and deliveries per port. A delivery records the number of raises it has
    /// seen; since the engine clears PENDING before the handler, the last delivery of a port must have
    /// seen its last raise, or an event was lost.</summary>
    public sealed class Ledger
    {
        public readonly long[] Sent;
        public readonly long[] Seen;
        public long Deliveries;

        public Ledger(int capacity)
        {
            Sent = new long[capacity];
            Seen = new long[capacity];
        }

        public void AssertNothingLost(long raises)
        {
            Assert.Equal(raises, Sent.Sum());
            AssertCaughtUp();
        }

        public void AssertCaughtUp()
        {
            var lost = Enumerable.Range(0, Sent.Length).Where(p => Seen[p] != Sent[p]).Take(10).ToList();
            Assert.True(lost.Count == 0, "lost events on ports: " + string.Join(", ", lost.Select(p => $"{p} (raised {Sent[p]}, last delivery saw {Seen[p]})")));
            Assert.True(Deliveries > 0 && Deliveries <= Sent.Sum(), $"deliveries {Deliveries} vs raises {Sent.Sum()}");
        }
    }

    public struct LedgerHandler : IPortHandler
    {
        public Ledger Ledger;

        public void Handle(int port)
        {
            Ledger.Seen[port] = Volatile.Read(ref Ledger.Sent[port]);
            Ledger.Deliveries++;
            Thread.SpinWait(4); // a little handler work, as a real driver does after the ack
        }
    }

    public static class Stress
    {
        /// <summary>Raises in the default run; EVTCHNABIGEN_SOAK=N multiplies them (long soak).</summary>
        public static long Raises => 1_000_000L * Math.Max(1, int.TryParse(Environment.GetEnvironmentVariable("EVTCHNABIGEN_SOAK"), out int n) ? n : 1);

        /// <summary>Producers raise concurrently while this thread consumes. The run is cut into epochs: at
        /// the end of each, producers stop, the consumer drains, and <paramref name="verify"/> checks that
        /// every raise so far was delivered. Checking often is what makes a lost final raise visible.
        /// <paramref name="checkWhileRunning"/>, if given, runs on the consumer's thread after every
        /// <paramref name="checkEvery"/>-th consume while producers are still raising, so an invariant
        /// (a queue walk) is checked in the epoch in which it breaks.</summary>
        public static TimeSpan Run(int producers, long raises, int epochs, Action<int, long> produce, Func<bool> upcallPending,
            Action consume, Action verify, Action? checkWhileRunning = null, int checkEvery = 16)
        {
            var sw = Stopwatch.StartNew();
            int finished = 0, epoch = 0;
            bool abort = false;
            long perEpoch = raises / epochs;
            var threads = Enumerable.Range(0, producers).Select(i => new Thread(() =>
            {
                for (int e = 0; e < epochs; e++)
                {
                    var spin = new SpinWait();
                    while (Volatile.Read(ref epoch) != e)
                    {
                        if (Volatile.Read(ref abort)) return;
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                    long share = perEpoch / producers + (i < perEpoch % producers ? 1 : 0);
                    produce(i, share);
                    Interlocked.Increment(ref finished);
                }
            })).ToList();
            foreach (var t in threads) t.Start();
            try
            {
                long consumes = 0;
                for (int e = 0; e < epochs; e++)
                {
                    var spin = new SpinWait();
                    while (Volatile.Read(ref finished) < producers * (e + 1) || upcallPending())
                    {
                        if (upcallPending())
                        {
                            consume();
                            if (checkWhileRunning != null && ++consumes % checkEvery == 0) checkWhileRunning();
                        }
                        else spin.SpinOnce(sleep1Threshold: -1);
                    }
                    // No extra consume here: with the producers done and no upcall pending, the engine must
                    // already have delivered everything, or a wake-up was lost.
                    checkWhileRunning?.Invoke();
                    verify();
                    Volatile.Write(ref epoch, e + 1);
                }
            }
            finally
            {
                Volatile.Write(ref abort, true);
                foreach (var t in threads) t.Join();
            }
            return sw.Elapsed;
        }
    }
}
