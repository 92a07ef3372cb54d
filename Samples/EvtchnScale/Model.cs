using System;
using System.Collections.Generic;

namespace EvtchnScale
{
    public enum Mechanism { TwoLevel, ThreeLevel, Fifo }

    /// <summary>What each guest's backend channels are for: console, xenstore, then its vifs and vbds.</summary>
    public enum PortKind { Console, Xenstore, Vif, Vbd }

    /// <summary>One backend configuration: a mechanism on a backend of some word size.</summary>
    public readonly record struct Config(Mechanism Mechanism, int WordBits)
    {
        public string MechanismName => Mechanism switch { Mechanism.TwoLevel => "2l", Mechanism.ThreeLevel => "3l", _ => "fifo" };

        public string Label => $"{Mechanism switch { Mechanism.TwoLevel => "2L", Mechanism.ThreeLevel => "3L", _ => "FIFO" }} {WordBits}-bit";

        public static IReadOnlyList<Config> All { get; } = new[]
        {
            new Config(Mechanism.TwoLevel, 32), new Config(Mechanism.TwoLevel, 64),
            new Config(Mechanism.ThreeLevel, 32), new Config(Mechanism.ThreeLevel, 64),
            new Config(Mechanism.Fifo, 32), new Config(Mechanism.Fifo, 64),
        };
    }

    /// <summary>The seed's arithmetic: a backend spends 1 + vifs + vbds + 1 channels on each guest (console,
    /// xenstore, vifs, vbds), keeps <see cref="Reserve"/> for its own IPIs and VIRQs, and can never use port 0
    /// (Xen reserves it on every ABI).</summary>
    public readonly record struct PortPlan(int Channels, int Reserve, int Vifs, int Vbds)
    {
        public int PerGuest => 2 + Vifs + Vbds;

        /// <summary>The most guests whose channels fit: (channels - 1 - reserve) / per-guest.</summary>
        public int MaxGuests => Math.Max(0, (Channels - 1 - Reserve) / PerGuest);

        public int FirstPort(int guest) => 1 + Reserve + guest * PerGuest;

        public int GuestOf(int port) => (port - 1 - Reserve) / PerGuest;

        public PortKind KindOf(int port)
        {
            int slot = (port - 1 - Reserve) % PerGuest;
            return slot == 0 ? PortKind.Console : slot == 1 ? PortKind.Xenstore : slot < 2 + Vifs ? PortKind.Vif : PortKind.Vbd;
        }

        /// <summary>One past the highest port used by <paramref name="guests"/> guests.</summary>
        public int PortLimit(int guests) => FirstPort(guests);
    }
}
