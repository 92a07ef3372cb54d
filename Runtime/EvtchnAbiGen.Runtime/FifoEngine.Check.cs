using System;
using System.Collections.Generic;
using Xen.Evtchn.X86_64;

namespace EvtchnAbiGen.Runtime
{
    /// <summary>The queue invariant, checked by walking every queue (see docs/atomics-and-engines.md).</summary>
    public sealed unsafe partial class FifoEngine<TAbi>
    {
        private const int MaxReportedProblems = 16;
        private int[]? _walkOwner; // scratch for CheckQueues; the queue locks it holds make it exclusive

        /// <summary>Walks every queue of every vcpu from its start (the guest's local head, else the control
        /// block's HEAD when it is a port still linked on that queue) along LINK, holding all queue locks so
        /// that no raise moves a tail or a port meanwhile. Call it only while no <see cref="Consume"/> runs,
        /// e.g. from the consumer's own thread between upcalls. Finds cycles, ports reached from two queues or
        /// from a queue that is not their last one, LINKED ports no queue reaches, and tails left on a queue
        /// the port has moved from. With <paramref name="expectEmpty"/> (after a drain with no raise in
        /// flight) it also requires that no port is LINKED and no unmasked port is PENDING.</summary>
        public FifoQueueReport CheckQueues(bool expectEmpty = false)
        {
            for (int qi = 0; qi < _queues.Length; qi++) _queues[qi].Lock.Enter();
            try
            {
                return Walk(expectEmpty);
            }
            finally
            {
                for (int qi = _queues.Length - 1; qi >= 0; qi--) _queues[qi].Lock.Exit();
            }
        }

        private FifoQueueReport Walk(bool expectEmpty)
        {
            var problems = new List<FifoQueueProblem>();
            void Report(FifoQueueFault fault, int port, int qi, int otherQi)
            {
                if (problems.Count < MaxReportedProblems) problems.Add(new FifoQueueProblem(fault, port, qi, otherQi));
            }
            int[] owner = _walkOwner ??= new int[_capacity];
            owner.AsSpan().Fill(-1);
            int queued = 0;
            for (int qi = 0; qi < _queues.Length; qi++)
            {
                uint start = _localHead[qi];
                if (start != 0 && (start >= _capacity || !Linked(start) || _lastQueue[start] != qi))
                {
                    Report(FifoQueueFault.BadLocalHead, (int)start, qi, start < _capacity ? _lastQueue[start] : -1);
                    start = 0;
                }
                else if (start == 0)
                {
                    uint head = _control[qi / MaxQueues].head[qi % MaxQueues].Read();
                    // A HEAD no longer linked, or linked on another queue, is stale: the guest consumed it.
                    if (head != 0 && head < _capacity && Linked(head) && _lastQueue[head] == qi) start = head;
                }
                uint last = 0;
                for (uint p = start; p != 0; p = _words[p].Read() & event_word_t.LINK_Mask)
                {
                    if (p >= _capacity) { Report(FifoQueueFault.LinkOutOfRange, (int)p, qi, -1); break; }
                    if (owner[p] == qi) { Report(FifoQueueFault.Cycle, (int)p, qi, qi); break; }
                    if (owner[p] >= 0) { Report(FifoQueueFault.InTwoQueues, (int)p, qi, owner[p]); break; }
                    if (!Linked(p)) { Report(FifoQueueFault.LinkToUnlinked, (int)p, qi, -1); break; }
                    owner[p] = qi;
                    queued++;
                    if (_lastQueue[p] != qi) Report(FifoQueueFault.WrongQueue, (int)p, qi, _lastQueue[p]);
                    last = p;
                }
                uint tail = _queues[qi].Tail;
                if (tail == 0) continue;
                if (_lastQueue[tail] != qi) Report(FifoQueueFault.StaleTail, (int)tail, qi, _lastQueue[tail]);
                else if (Linked(tail) && last != tail) Report(FifoQueueFault.TailNotLast, (int)tail, qi, -1);
            }
            int linked = 0;
            for (int p = 1; p < _capacity; p++)
            {
                uint w = _words[p].Read();
                if ((w & event_word_t.LINKED_Mask) != 0)
                {
                    linked++;
                    if (expectEmpty) Report(FifoQueueFault.LinkedAfterDrain, p, _lastQueue[p], -1);
                    else if (owner[p] < 0) Report(FifoQueueFault.Stranded, p, _lastQueue[p], -1);
                }
                if (expectEmpty && (w & (event_word_t.PENDING_Mask | event_word_t.MASKED_Mask)) == event_word_t.PENDING_Mask)
                    Report(FifoQueueFault.PendingAfterDrain, p, _lastQueue[p], -1);
            }
            return new FifoQueueReport(problems.ToArray(), linked, queued);
        }

        private bool Linked(uint port) => (_words[port].Read() & event_word_t.LINKED_Mask) != 0;
    }

    public enum FifoQueueFault
    {
        /// <summary>A queue's LINK chain comes back to a port it already passed.</summary>
        Cycle,
        /// <summary>Two queues' chains reach the same port.</summary>
        InTwoQueues,
        /// <summary>A queue reaches a port whose last queue is another one.</summary>
        WrongQueue,
        /// <summary>A LINKED port that no queue reaches: its event is lost.</summary>
        Stranded,
        /// <summary>A queue's tail is a port that has since moved to another queue (Xen e33d4257fc).</summary>
        StaleTail,
        /// <summary>A queue's LINKED tail is not the last port its chain reaches.</summary>
        TailNotLast,
        /// <summary>The guest's local head is not a port LINKED on that queue.</summary>
        BadLocalHead,
        /// <summary>A LINK leads to a port that is not LINKED.</summary>
        LinkToUnlinked,
        /// <summary>A LINK beyond the event array.</summary>
        LinkOutOfRange,
        /// <summary>After a drain, a port is still LINKED.</summary>
        LinkedAfterDrain,
        /// <summary>After a drain, an unmasked port is still PENDING.</summary>
        PendingAfterDrain,
    }

    /// <summary>One broken invariant: the port, the queue (vcpu * 16 + priority) where it was found, and the
    /// other queue involved (-1 if none).</summary>
    public readonly record struct FifoQueueProblem(FifoQueueFault Fault, int Port, int Queue, int OtherQueue)
    {
        public override string ToString()
            => $"{Fault}: port {Port} on {Name(Queue)}" + (OtherQueue >= 0 ? $" (other: {Name(OtherQueue)})" : "");

        private static string Name(int queue) => queue < 0 ? "no queue" : $"vcpu {queue / FifoFacts.MaxQueues} priority {queue % FifoFacts.MaxQueues}";
    }

    /// <summary>What <see cref="FifoEngine{TAbi}.CheckQueues"/> found: the first problems (at most 16), the LINKED
    /// ports, and how many of them the queue walks reached.</summary>
    public sealed class FifoQueueReport
    {
        public FifoQueueReport(IReadOnlyList<FifoQueueProblem> problems, int linkedPorts, int queuedPorts)
        {
            Problems = problems;
            LinkedPorts = linkedPorts;
            QueuedPorts = queuedPorts;
        }

        public IReadOnlyList<FifoQueueProblem> Problems { get; }
        public int LinkedPorts { get; }
        public int QueuedPorts { get; }
        public bool IsHealthy => Problems.Count == 0;

        public override string ToString()
            => IsHealthy
                ? $"queues healthy: {QueuedPorts} of {LinkedPorts} LINKED ports queued"
                : $"{Problems.Count} queue problem(s): " + string.Join("; ", Problems);
    }
}
