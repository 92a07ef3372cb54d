using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Xen.Evtchn;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>Xen's view of the FIFO ABI: evtchn_fifo_set_pending, set_link, unmask, set_priority, bind_vcpu.</summary>
    public sealed unsafe partial class FifoEngine<TAbi>
    {
        private const int SetLinkRetries = 4;      // Xen: the guest can change a LINKED word at most 4 ways
        private const int XenQueueLockTries = 3;   // Xen 71ac522909: then "lost event (too many queue changes)"

        /// <summary>EVTCHNOP_set_priority: applies to future links.</summary>
        public void SetPriority(int port, int priority)
        {
            CheckPort(port);
            if ((uint)priority >= MaxQueues) throw new ArgumentOutOfRangeException(nameof(priority), priority, "0..15");
            Volatile.Write(ref _priority[port], (byte)priority);
        }

        /// <summary>EVTCHNOP_bind_vcpu: future links go to the vcpu's queues.</summary>
        public void BindVcpu(int port, int vcpu)
        {
            CheckPort(port);
            Volatile.Write(ref _boundVcpu[port], (byte)CheckVcpu(vcpu));
        }

        /// <summary>Xen's evtchn_fifo_set_pending. Returns true when this raise set the vcpu's upcall.</summary>
        public bool Raise(int port)
        {
            CheckPort(port);
            return RaiseUnchecked(port);
        }

        /// <summary><see cref="Raise"/> for a port the caller guarantees is 1..capacity-1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool RaiseUnchecked(int port)
        {
            var none = default(NoRaiseProbe);
            return RaiseCore(port, ref none);
        }

        /// <summary>The raise, with <paramref name="probe"/> called at the two points where another cpu's
        /// control operation can land. The public entry points pass an empty struct, which the JIT removes;
        /// tests pass one that replays a race deterministically.</summary>
        internal bool RaiseCore<TProbe>(int port, ref TProbe probe) where TProbe : struct, IRaiseProbe
        {
            // Lock the queue the port goes to and the queue it was last linked on, then re-read the facts
            // that chose them. The last queue changes only under both its locks, so once it is seen unchanged
            // under them it stays put. A priority or vcpu change after the check orders this raise before
            // that control operation. Xen gives up after 3 tries and drops the event; we retry until stable.
            int vcpu, prio, qi, oldQi;
            for (int tries = 1; ; tries++)
            {
                vcpu = Volatile.Read(ref _boundVcpu[port]);
                prio = Volatile.Read(ref _priority[port]);
                qi = vcpu * MaxQueues + prio;
                oldQi = Volatile.Read(ref _lastQueue[port]);
                probe.FactsRead(port);
                LockPair(qi, oldQi);
                if (Volatile.Read(ref _lastQueue[port]) == oldQi && Volatile.Read(ref _priority[port]) == prio
                    && Volatile.Read(ref _boundVcpu[port]) == vcpu)
                {
                    probe.Locked(port);
                    break;
                }
                UnlockPair(qi, oldQi);
                Interlocked.Increment(ref _queueRetries);
                if (tries == XenQueueLockTries) Interlocked.Increment(ref _queueRetryWarnings);
            }

            ref Queue q = ref _queues[qi];
            ref Queue oldQ = ref _queues[oldQi];
            ref event_word_t word = ref _words[port];
            bool linked = true;
            // PENDING, MASKED and LINKED are tested under the current queue's lock (Xen 71ac522909), so the
            // event is visibly queued before any other raise of this queue can wake the guest.
            word.SetPENDING();
            if (!word.TestMASKED() && !word.TestAndSetLINKED())
            {
                // If the port is still the old queue's tail, that queue is empty; forget it there, or a later
                // link onto the old queue would splice into this one (Xen e33d4257fc).
                if (oldQ.Tail == (uint)port) oldQ.Tail = 0;
                if (oldQi != qi)
                {
                    // Record the queue actually used, not a re-read priority (Xen 6f6f07b64c).
                    Volatile.Write(ref _lastQueue[port], qi);
                    oldQ.Lock.Exit();
                    oldQi = qi;
                }
                linked = q.Tail != 0 && SetLink(ref _words[q.Tail], (uint)port);
                if (!linked) _control[vcpu].head[prio].Write((uint)port);
                q.Tail = (uint)port;
            }
            UnlockPair(qi, oldQi);

            if (!linked && !_control[vcpu].ready.TestAndSetBit(prio))
                return TAbi.RaiseUpcall(_shared, vcpu);
            return false;
        }

        /// <summary>Both queues, in index order (Xen orders by address), so two raises never deadlock.</summary>
        private void LockPair(int qi, int oldQi)
        {
            if (oldQi == qi) _queues[qi].Lock.Enter();
            else if (oldQi < qi) { _queues[oldQi].Lock.Enter(); _queues[qi].Lock.Enter(); }
            else { _queues[qi].Lock.Enter(); _queues[oldQi].Lock.Enter(); }
        }

        private void UnlockPair(int qi, int oldQi)
        {
            if (oldQi != qi) _queues[oldQi].Lock.Exit();
            _queues[qi].Lock.Exit();
        }

        private bool SetLink(ref event_word_t tail, uint port)
        {
            switch (tail.TrySetLINK(port, event_word_t.LINKED_Mask, event_word_t.BUSY_Mask, SetLinkRetries))
            {
                case WordRangeUpdate.Updated:
                    return true;
                case WordRangeUpdate.RequirementLost:
                    return false; // the guest unlinked the tail: the port becomes the new head
                default:
                    Interlocked.Increment(ref _linkGiveUps);
                    return true;  // as Xen: warn and carry on
            }
        }

        /// <summary>EVTCHNOP_unmask: clear MASKED, and raise again if PENDING.</summary>
        public void Unmask(int port)
        {
            CheckPort(port);
            ref event_word_t word = ref _words[port];
            word.TestAndClearMASKED();
            if (word.TestPENDING()) RaiseUnchecked(port);
        }
    }

    /// <summary>Where a raise can be interleaved with another cpu's work: after it read the port's queue
    /// facts and before it locks, and once it holds the locks on facts it found stable.</summary>
    internal interface IRaiseProbe
    {
        void FactsRead(int port);

        void Locked(int port);
    }

    internal struct NoRaiseProbe : IRaiseProbe
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void FactsRead(int port) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Locked(int port) { }
    }
}
