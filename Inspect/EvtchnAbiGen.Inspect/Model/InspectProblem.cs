using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Inspect.Model
{
    /// <summary>One inconsistency: its kind, the numbers that locate it (only those that apply to the kind are
    /// set; docs/inspect.md lists them per kind) and a sentence for people.</summary>
    public sealed record InspectProblem(ProblemKind Kind, string Message)
    {
        public ProblemSeverity Severity => ProblemKinds.Severity(Kind);

        public string Name => ProblemKinds.Name(Kind);

        public int? Vcpu { get; init; }

        /// <summary>FIFO: the queue's priority (0 highest .. 15 lowest).</summary>
        public int? Priority { get; init; }

        /// <summary>2L/3L: the selector level, 1 (evtchn_pending_sel) or 2 (the 3-level L2 selector).</summary>
        public int? Level { get; init; }

        /// <summary>A bit of a selector or of the FIFO ready word.</summary>
        public int? Bit { get; init; }

        public uint? Port { get; init; }

        /// <summary>FIFO: a LINK value (the next port).</summary>
        public uint? Link { get; init; }

        /// <summary>A count: the ports the event array holds, or the ports in <see cref="Ports"/>.</summary>
        public int? Count { get; init; }

        /// <summary>Ports in order (a chain in link order, or a set in ascending order).</summary>
        public EquatableArray<uint>? Ports { get; init; }

        public override string ToString() => $"{ProblemKinds.Name(Severity)} {Name}: {Message}";
    }
}
