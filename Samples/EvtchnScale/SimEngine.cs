using System;
using EvtchnAbiGen.Runtime;

namespace EvtchnScale
{
    /// <summary>The engines behind one interface, so the hypervisor and backend loops are written once. Each
    /// wraps a Runtime engine mapped onto the shared region; the per-event work stays inside the engine
    /// (one virtual call per raise and per upcall, none per delivered port).</summary>
    public interface ISimEngine : IDisposable
    {
        /// <summary>Xen's side: raise the port on vcpu 0. True when it raised the upcall.</summary>
        bool Raise(int port);

        bool UpcallPending();

        int Upcall<THandler>(ref THandler handler) where THandler : struct, IPortHandler;

        /// <summary>The guest's set-up when it binds a port (FIFO: unmask, as new event-array pages start masked).</summary>
        void GuestBind(int port);

        /// <summary>Xen's side: EVTCHNOP_set_priority (FIFO only; the bitmap ABIs have none).</summary>
        void SetPriority(int port, int priority);
    }

    public static unsafe class SimEngines
    {
        public static int Capacity(Config c) => (c.Mechanism, c.WordBits) switch
        {
            (Mechanism.TwoLevel, 32) => TwoLevelEngine<X86_32Abi>.Capacity,
            (Mechanism.TwoLevel, _) => TwoLevelEngine<X86_64Abi>.Capacity,
            (Mechanism.ThreeLevel, 32) => ThreeLevelEngine<X86_32Abi>.Capacity,
            (Mechanism.ThreeLevel, _) => ThreeLevelEngine<X86_64Abi>.Capacity,
            _ => FifoFacts.NrChannels,
        };

        /// <summary>Bytes of ABI structures for <paramref name="portLimit"/> ports: FIFO maps only the event-array
        /// pages it needs (Linux expands the array on demand); the bitmap ABIs map their fixed pages.</summary>
        public static long RegionBytes(Config c, int portLimit) => (c.Mechanism, c.WordBits) switch
        {
            (Mechanism.TwoLevel, 32) => TwoLevelEngine<X86_32Abi>.SharedBytes,
            (Mechanism.TwoLevel, _) => TwoLevelEngine<X86_64Abi>.SharedBytes,
            (Mechanism.ThreeLevel, 32) => ThreeLevelEngine<X86_32Abi>.SharedBytes,
            (Mechanism.ThreeLevel, _) => ThreeLevelEngine<X86_64Abi>.SharedBytes,
            (_, 32) => FifoEngine<X86_32Abi>.SharedBytes(portLimit, 1),
            _ => FifoEngine<X86_64Abi>.SharedBytes(portLimit, 1),
        };

        /// <param name="creator">True on the side that made the memory (FIFO masks every new event word).</param>
        public static ISimEngine Map(Config c, byte* region, int portLimit, bool creator) => (c.Mechanism, c.WordBits) switch
        {
            (Mechanism.TwoLevel, 32) => new TwoLevel<X86_32Abi>(new TwoLevelEngine<X86_32Abi>(region)),
            (Mechanism.TwoLevel, _) => new TwoLevel<X86_64Abi>(new TwoLevelEngine<X86_64Abi>(region)),
            (Mechanism.ThreeLevel, 32) => new ThreeLevel<X86_32Abi>(new ThreeLevelEngine<X86_32Abi>(region)),
            (Mechanism.ThreeLevel, _) => new ThreeLevel<X86_64Abi>(new ThreeLevelEngine<X86_64Abi>(region)),
            (_, 32) => new Fifo<X86_32Abi>(new FifoEngine<X86_32Abi>(region, portLimit, 1, creator)),
            _ => new Fifo<X86_64Abi>(new FifoEngine<X86_64Abi>(region, portLimit, 1, creator)),
        };

        private sealed class TwoLevel<TAbi>(TwoLevelEngine<TAbi> e) : ISimEngine where TAbi : struct, IEventAbi
        {
            public bool Raise(int port) => e.SetPendingUnchecked(0, port);
            public bool UpcallPending() => e.UpcallPending(0);
            public int Upcall<THandler>(ref THandler handler) where THandler : struct, IPortHandler => e.Upcall(0, ref handler);
            public void GuestBind(int port) { }
            public void SetPriority(int port, int priority) { }
            public void Dispose() => e.Dispose();
        }

        private sealed class ThreeLevel<TAbi>(ThreeLevelEngine<TAbi> e) : ISimEngine where TAbi : struct, IEventAbi
        {
            public bool Raise(int port) => e.SetPendingUnchecked(0, port);
            public bool UpcallPending() => e.UpcallPending(0);
            public int Upcall<THandler>(ref THandler handler) where THandler : struct, IPortHandler => e.Upcall(0, ref handler);
            public void GuestBind(int port) { }
            public void SetPriority(int port, int priority) { }
            public void Dispose() => e.Dispose();
        }

        private sealed class Fifo<TAbi>(FifoEngine<TAbi> e) : ISimEngine where TAbi : struct, IEventAbi
        {
            public bool Raise(int port) => e.RaiseUnchecked(port);
            public bool UpcallPending() => e.UpcallPending(0);
            public int Upcall<THandler>(ref THandler handler) where THandler : struct, IPortHandler => e.Upcall(0, ref handler);
            public void GuestBind(int port) => e.GuestUnmask(port);
            public void SetPriority(int port, int priority) => e.SetPriority(port, priority);
            public void Dispose() => e.Dispose();
        }
    }
}
