using System.Runtime.CompilerServices;
using System.Threading;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>Xen's per-queue spinlock (q->lock in event_fifo.c): FIFO raises serialise per queue.</summary>
    internal struct QueueLock
    {
        private int _held;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Enter()
        {
            if (Interlocked.CompareExchange(ref _held, 1, 0) == 0) return;
            var spin = new SpinWait();
            do spin.SpinOnce(sleep1Threshold: -1);
            while (Volatile.Read(ref _held) != 0 || Interlocked.CompareExchange(ref _held, 1, 0) != 0);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Exit() => Volatile.Write(ref _held, 0);
    }
}
