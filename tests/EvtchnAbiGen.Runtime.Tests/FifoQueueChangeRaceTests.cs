using System;
using System.Linq;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>The race Xen fixed in 71ac522909: two raises of one port while its priority (or vcpu)
    /// changes, each locking the queues it read before the other moved the port. A few hot ports, more
    /// producers than cores (a producer preempted between reading the port's queue facts and locking is
    /// what opens the window), priority changes and mask/unmask on the port just raised, and a consumer
    /// whose handler does a little work. The queues are walked while the producers run, so a corrupted
    /// queue is found in the epoch in which it forms, and every epoch ends drained and checked.</summary>
    [Trait("Category", "Stress")]
    public class FifoQueueChangeRaceTests
    {
        private readonly ITestOutputHelper _out;

        public FifoQueueChangeRaceTests(ITestOutputHelper output) => _out = output;

        private static int Producers => 2 * Environment.ProcessorCount + 1;

        private const int Epochs = 200;

        [Theory]
        [InlineData(Abis.X86_32)]
        [InlineData(Abis.X86_64)]
        public void Hot_ports_changing_priority_lose_nothing_and_corrupt_no_queue(string abi)
            => Run(abi, vcpus: 1, hotPorts: 4, seed: 700);

        [Theory]
        [InlineData(Abis.X86_32)]
        [InlineData(Abis.X86_64)]
        public void Hot_ports_moving_between_vcpus_and_priorities_lose_nothing_and_corrupt_no_queue(string abi)
            => Run(abi, vcpus: 2, hotPorts: 6, seed: 800);

        private void Run(string abi, int vcpus, int hotPorts, int seed)
        {
            if (abi == Abis.X86_32) Run<X86_32Abi>(vcpus, hotPorts, seed);
            else Run<X86_64Abi>(vcpus, hotPorts, seed);
        }

        private void Run<TAbi>(int vcpus, int hotPorts, int seed) where TAbi : struct, IEventAbi
        {
            const int capacity = 1024;
            using var e = new FifoEngine<TAbi>(capacity, vcpus);
            var ledger = new Ledger(capacity);
            var hot = Enumerable.Range(0, hotPorts).Select(i => 3 + 97 * i).ToArray();
            foreach (var p in hot) e.GuestUnmask(p); // new event-array pages start masked
            var handler = new LedgerHandler { Ledger = ledger };
            long checks = 0;

            void CheckQueues(bool drained)
            {
                var report = e.CheckQueues(expectEmpty: drained);
                checks++;
                Assert.True(report.IsHealthy, (drained ? "after the drain: " : "while raising: ") + report);
            }

            var time = Stress.Run(Producers, Stress.Raises, Epochs,
                (id, n) =>
                {
                    var rng = new Random(seed + id);
                    for (long i = 0; i < n; i++)
                    {
                        int p = hot[rng.Next(hot.Length)];
                        Interlocked.Increment(ref ledger.Sent[p]);
                        e.Raise(p);
                        switch (rng.Next(8))
                        {
                            case 0: e.SetPriority(p, rng.Next(FifoFacts.MaxQueues)); break;
                            case 1: e.Mask(p); e.GuestUnmask(p); break;
                            case 2: if (vcpus > 1) e.BindVcpu(p, rng.Next(vcpus)); break;
                        }
                    }
                },
                () => Enumerable.Range(0, vcpus).Any(e.UpcallPending),
                () =>
                {
                    for (int v = 0; v < vcpus; v++)
                        if (e.UpcallPending(v)) e.Upcall(v, ref handler);
                },
                () =>
                {
                    ledger.AssertCaughtUp();
                    CheckQueues(drained: true);
                },
                () => CheckQueues(drained: false));
            ledger.AssertNothingLost(Stress.Raises / Epochs * Epochs);
            Assert.Equal(0, e.LinkGiveUps);
            _out.WriteLine($"{Producers} producers, {hotPorts} hot ports, {vcpus} vcpu(s): {Stress.Raises:N0} raises, "
                + $"{ledger.Deliveries:N0} deliveries, {checks:N0} queue walks, {e.QueueRetries:N0} queue retries, "
                + $"{e.QueueRetryWarnings:N0} raises Xen would have dropped, {time.TotalMilliseconds:F0} ms");
        }
    }
}
