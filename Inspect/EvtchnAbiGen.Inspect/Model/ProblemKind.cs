using System;

namespace EvtchnAbiGen.Inspect.Model
{
    /// <summary>What an inspector found wrong. docs/inspect.md describes each kind and its numbers; the JSON
    /// name is <see cref="ProblemKinds.Name"/>. Never renumber or rename (scripts match on the names).</summary>
    public enum ProblemKind
    {
        // 2-level and 3-level selectors.
        SelectorWithoutPending,
        L2WithoutL1,

        // FIFO links.
        QueueCycle,
        LinkPastArray,
        HeadPastArray,
        LinkToUnlinked,
        SharedLink,
        OrphanLinked,
        StaleHead,

        // FIFO control block.
        ReadyWithoutHead,
        ReadyStaleHead,
        QueueNotReady,
        ReadyUnknownBits,
        BusySet,
    }

    /// <summary><see cref="Error"/>: no consistent snapshot of Xen's and a guest's protocol can hold this.
    /// <see cref="Warning"/>: it can hold for a moment (Xen in the middle of a raise, the guest in the middle
    /// of a scan or consume, or a dump taken while either ran); suspicious only if it persists.</summary>
    public enum ProblemSeverity { Warning, Error }

    public static class ProblemKinds
    {
        public static string Name(ProblemKind kind) => kind switch
        {
            ProblemKind.SelectorWithoutPending => "selector-without-pending",
            ProblemKind.L2WithoutL1 => "l2-without-l1",
            ProblemKind.QueueCycle => "queue-cycle",
            ProblemKind.LinkPastArray => "link-past-array",
            ProblemKind.HeadPastArray => "head-past-array",
            ProblemKind.LinkToUnlinked => "link-to-unlinked",
            ProblemKind.SharedLink => "shared-link",
            ProblemKind.OrphanLinked => "orphan-linked",
            ProblemKind.StaleHead => "stale-head",
            ProblemKind.ReadyWithoutHead => "ready-without-head",
            ProblemKind.ReadyStaleHead => "ready-stale-head",
            ProblemKind.QueueNotReady => "queue-not-ready",
            ProblemKind.ReadyUnknownBits => "ready-unknown-bits",
            ProblemKind.BusySet => "busy-set",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        public static ProblemSeverity Severity(ProblemKind kind) => kind switch
        {
            ProblemKind.QueueCycle or ProblemKind.LinkPastArray or ProblemKind.HeadPastArray or ProblemKind.LinkToUnlinked
                or ProblemKind.SharedLink or ProblemKind.ReadyWithoutHead or ProblemKind.ReadyUnknownBits => ProblemSeverity.Error,
            _ => ProblemSeverity.Warning,
        };

        public static string Name(ProblemSeverity severity) => severity == ProblemSeverity.Error ? "error" : "warning";
    }
}
