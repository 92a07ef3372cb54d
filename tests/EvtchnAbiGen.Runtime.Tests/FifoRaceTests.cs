using System.Threading;
using Xen.Evtchn;
using Xen.Evtchn.X86_64;
using Xunit;

namespace EvtchnAbiGen.Runtime.Tests
{
    /// <summary>The guest's unmask racing Xen's set_link on the same event word.</summary>
    public class FifoRaceTests
    {
        [Fact]
        public unsafe void Guarded_unmask_keeps_set_link_bounded_and_exact()
        {
            // One word, LINKED, as a queue tail. Xen rewrites LINK over and over (set_link); the guest
            // masks and unmasks it as fast as it can. With the BUSY rule Xen never gives up, every LINK
            // it wrote is intact, and MASKED/BUSY end up exactly as the two sides left them.
            var w = new event_word_t(event_word_t.LINKED_Mask);
            event_word_t* word = &w;
            const int Links = 300_000;
            int giveUps = 0, lost = 0, toggles = 0;
            bool stop = false;
            var guest = new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                {
                    word->SetMASKED();
                    word->ClearMASKED();
                    toggles++;
                }
            });
            guest.Start();
            for (uint i = 1; i <= Links; i++)
            {
                uint link = i & event_word_t.LINK_Mask;
                var r = word->TrySetLINK(link, event_word_t.LINKED_Mask, event_word_t.BUSY_Mask, 4);
                if (r == WordRangeUpdate.GaveUp) giveUps++;
                else if (word->GetLINK() != link && r == WordRangeUpdate.Updated) lost++;
            }
            Volatile.Write(ref stop, true);
            guest.Join();
            Assert.Equal(0, giveUps);
            Assert.Equal(0, lost);
            Assert.True(toggles > 0);
            uint final = word->Read();
            Assert.Equal(0u, final & event_word_t.BUSY_Mask);
            Assert.Equal(0u, final & event_word_t.MASKED_Mask);
            Assert.Equal(event_word_t.LINKED_Mask, final & event_word_t.LINKED_Mask);
            Assert.Equal((uint)Links & event_word_t.LINK_Mask, word->GetLINK());
        }

        [Theory]
        [InlineData(Abis.X86_32)]
        [InlineData(Abis.X86_64)]
        public void Engine_unmask_racing_link_loses_nothing(string abi)
        {
            if (abi == Abis.X86_32) UnmaskRacingLink<X86_32Abi>();
            else UnmaskRacingLink<X86_64Abi>();
        }

        private static void UnmaskRacingLink<TAbi>() where TAbi : struct, IEventAbi
        {
            // Port 5 is raised first so it is the queue tail when port 6 links behind it; a guest
            // thread masks and unmasks port 5 all the while.
            const long rounds = 200_000;
            using var e = new FifoEngine<TAbi>(1024);
            var ledger = new Ledger(1024);
            e.GuestUnmask(5);
            e.GuestUnmask(6);
            var handler = new LedgerHandler { Ledger = ledger };
            bool stop = false;
            var guest = new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                {
                    e.Mask(5);
                    e.GuestUnmask(5);
                }
            });
            guest.Start();
            try
            {
                Stress.Run(1, rounds, 100,
                    (_, n) =>
                    {
                        for (long i = 0; i < n; i++)
                        {
                            int p = (i & 1) == 0 ? 5 : 6;
                            Interlocked.Increment(ref ledger.Sent[p]);
                            e.Raise(p);
                        }
                    },
                    () => e.UpcallPending(0), () => e.Upcall(0, ref handler), () => { });
            }
            finally
            {
                Volatile.Write(ref stop, true);
                guest.Join();
            }
            e.Upcall(0, ref handler);
            ledger.AssertNothingLost(rounds);
            Assert.Equal(0, e.LinkGiveUps);
        }
    }
}
