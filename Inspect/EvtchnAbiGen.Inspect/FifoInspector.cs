using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using EvtchnAbiGen.Core.Util;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;

namespace EvtchnAbiGen.Inspect
{
    /// <summary>The FIFO view: the event words' PENDING/MASKED/LINKED bits, each vcpu's control block, every
    /// non-empty queue walked from its head along LINK, and what does not fit together (docs/inspect.md).</summary>
    public static class FifoInspector
    {
        /// <param name="eventArray">The event-array pages in port order (page k holds ports k×1024 ..), concatenated.</param>
        /// <param name="control">Bytes holding the control blocks of vcpus 0..vcpus-1, placed as <paramref name="placement"/> says.</param>
        /// <exception cref="InputSizeException">the array is not whole pages (1..128) or the control bytes are too short.</exception>
        public static FifoReport Inspect(FifoGeometry g, ReadOnlySpan<byte> eventArray, ReadOnlySpan<byte> control, int vcpus = 1, BlockPlacement? placement = null)
        {
            var at = placement ?? BlockPlacement.Default;
            at.Validate(g.ControlBlockSize);
            BlockPlacement.CheckVcpus(vcpus);
            InputSizeException.ThrowIf(g.CheckArrayLength(eventArray.Length), "event array", eventArray.Length);
            InputSizeException.ThrowIf(g.CheckControlLength(control.Length, vcpus, at), "control blocks", control.Length);

            var words = new uint[eventArray.Length / g.EventWordSize];
            for (int i = 0; i < words.Length; i++) words[i] = BinaryPrimitives.ReadUInt32LittleEndian(eventArray.Slice(i * g.EventWordSize));
            List<uint> With(Core.Layout.WordBitLayout bit) => Enumerable.Range(0, words.Length).Where(p => g.Has(words[p], bit)).Select(p => (uint)p).ToList();

            var problems = new List<InspectProblem>();
            var links = FifoLinks.Build(g, words, problems);
            var states = new List<FifoVcpu>();
            var queues = new List<FifoQueue>();
            var owner = new FifoQueue?[words.Length];
            for (int v = 0; v < vcpus; v++)
            {
                var block = control.Slice((int)at.Start(v, g.ControlBlockSize), g.ControlBlockSize);
                uint ready = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(g.ReadyOffset));
                var heads = new uint[g.QueueCount];
                for (int q = 0; q < heads.Length; q++) heads[q] = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(g.HeadOffset + q * 4));
                states.Add(new FifoVcpu(v, ready, Bitmaps.SetBits(ready).ToEquatableArray(), heads.ToEquatableArray()));
                for (int q = 0; q < heads.Length; q++)
                {
                    var queue = WalkQueue(g, links, v, q, heads[q], queues, problems);
                    if (queue == null) continue;
                    queues.Add(queue);
                    foreach (uint p in queue.Ports) owner[p] ??= queue;
                }
                ReadyChecks(g, links, v, ready, heads, queues, problems);
            }
            Orphans(links, owner, problems);
            var busy = With(g.Busy);
            if (busy.Count > 0)
                problems.Add(new InspectProblem(ProblemKind.BusySet,
                    $"{busy.Count} event word(s) have BUSY set (Xen sets it while it retries a LINK update and clears it after): {string.Join(" ", busy)}")
                { Count = busy.Count, Ports = busy.ToEquatableArray() });
            return new FifoReport(g.Abi, words.Length, eventArray.Length / XenPage.Size, With(g.Pending).ToEquatableArray(), With(g.Masked).ToEquatableArray(),
                With(g.Linked).ToEquatableArray(), states.ToEquatableArray(), queues.ToEquatableArray(), problems.ToEquatableArray());
        }

        /// <summary>The queue from <paramref name="head"/>, or null when it is empty: head 0, or a head word that is
        /// not LINKED (the guest has consumed it; Xen writes head only when it links into an empty queue).</summary>
        private static FifoQueue? WalkQueue(FifoGeometry g, FifoLinks links, int v, int q, uint head, List<FifoQueue> earlier, List<InspectProblem> problems)
        {
            if (head == 0) return null;
            if (head >= links.Count)
            {
                problems.Add(new InspectProblem(ProblemKind.HeadPastArray,
                    $"vcpu {v} queue {q}: head is port {head}, past the {links.Count} ports of the event array (were all its pages given?)")
                { Vcpu = v, Priority = q, Port = head, Count = links.Count });
                return null;
            }
            if (!links.Linked(head)) return null;
            var ports = links.Walk(head, out uint? cycleTo);
            if (cycleTo is uint back)
                problems.Add(new InspectProblem(ProblemKind.QueueCycle,
                    $"vcpu {v} queue {q}: port {ports[^1]} links back to port {back}, which the walk from head {head} has passed: the queue is a cycle")
                { Vcpu = v, Priority = q, Port = ports[^1], Link = back, Ports = ports.ToEquatableArray() });
            if (links.Pred(head) >= 0 && cycleTo != head)
            {
                var before = links.Before(head);
                problems.Add(new InspectProblem(ProblemKind.StaleHead,
                    $"vcpu {v} queue {q}: head port {head} is LINKED, but port {links.Pred(head)} links to it, so it is not the front of its queue: the head is stale "
                    + $"(the guest consumed past it and it was queued again); its chain starts at port {before[0]}")
                { Vcpu = v, Priority = q, Port = head, Ports = before.ToEquatableArray() });
            }
            else if (earlier.FirstOrDefault(e => e.Head == head) is FifoQueue same)
                problems.Add(new InspectProblem(ProblemKind.StaleHead,
                    $"vcpu {v} queue {q} and vcpu {same.Vcpu} queue {same.Priority} both have head port {head}: one of the heads is stale")
                { Vcpu = v, Priority = q, Port = head });
            return new FifoQueue(v, q, head, ports.ToEquatableArray());
        }

        private static void ReadyChecks(FifoGeometry g, FifoLinks links, int v, uint ready, uint[] heads, List<FifoQueue> queues, List<InspectProblem> problems)
        {
            foreach (int bit in Bitmaps.SetBits(ready).Where(b => b >= g.QueueCount))
                problems.Add(new InspectProblem(ProblemKind.ReadyUnknownBits,
                    $"vcpu {v}: ready bit {bit} is set, but there are only {g.QueueCount} queues (bits 0..{g.QueueCount - 1})")
                { Vcpu = v, Bit = bit });
            for (int q = 0; q < g.QueueCount; q++)
            {
                bool isReady = (ready >> q & 1) != 0;
                bool nonEmpty = queues.Any(x => x.Vcpu == v && x.Priority == q);
                if (isReady && heads[q] == 0)
                    problems.Add(new InspectProblem(ProblemKind.ReadyWithoutHead,
                        $"vcpu {v}: ready bit {q} is set, but head[{q}] is 0 (Xen sets the ready bit only after it writes a head)")
                    { Vcpu = v, Priority = q, Bit = q });
                else if (isReady && heads[q] < links.Count && !nonEmpty)
                    problems.Add(new InspectProblem(ProblemKind.ReadyStaleHead,
                        $"vcpu {v}: ready bit {q} is set, but head[{q}] = port {heads[q]} is not LINKED, so the queue is empty (the guest consumed it after Xen linked it and before Xen set the ready bit)")
                    { Vcpu = v, Priority = q, Bit = q, Port = heads[q] });
                else if (!isReady && nonEmpty)
                    problems.Add(new InspectProblem(ProblemKind.QueueNotReady,
                        $"vcpu {v}: queue {q} holds LINKED ports from head port {heads[q]}, but ready bit {q} is clear (normal while the guest consumes: it took the ready word; if it persists the queue is stuck, as Xen sets ready only for an empty queue)")
                    { Vcpu = v, Priority = q, Bit = q, Port = heads[q] });
            }
        }

        /// <summary>LINKED words that no queue walk reached, grouped into chains (from a word nothing links to)
        /// and, for what is left, cycles.</summary>
        private static void Orphans(FifoLinks links, FifoQueue?[] owner, List<InspectProblem> problems)
        {
            var done = new bool[links.Count];
            bool Orphan(uint p) => links.Linked(p) && owner[p] == null && !done[p];
            for (uint p = 0; p < links.Count; p++)
            {
                if (!Orphan(p) || links.Pred(p) >= 0) continue;
                var chain = new List<uint>();
                uint at = p;
                while (true)
                {
                    chain.Add(at);
                    done[at] = true;
                    uint next = links.Next(at);
                    if (next == 0 || !Orphan(next)) break;
                    at = next;
                }
                uint last = links.Next(chain[^1]);
                string into = last != 0 && last < links.Count && owner[last] is FifoQueue q
                    ? $"; it then links to port {last} of vcpu {q.Vcpu} queue {q.Priority}, whose head is stale" : "";
                problems.Add(new InspectProblem(ProblemKind.OrphanLinked,
                    $"port(s) {string.Join(" -> ", chain)} are LINKED, but no control-block head reaches them{into} (a guest's private queue head, as Linux keeps one, can: the guest was consuming this queue)")
                { Port = chain[0], Count = chain.Count, Ports = chain.ToEquatableArray() });
            }
            // What is left has a predecessor everywhere: cycles (and chains hanging off them).
            for (uint p = 0; p < links.Count; p++)
            {
                if (!Orphan(p)) continue;
                var ports = new List<uint>();
                uint? back = null;
                for (uint at = p; ;)
                {
                    ports.Add(at);
                    done[at] = true;
                    uint next = links.Next(at);
                    if (next == 0 || !links.Linked(next) || owner[next] != null) break;
                    if (done[next])
                    {
                        if (ports.Contains(next)) back = next;
                        break;
                    }
                    at = next;
                }
                problems.Add(back is uint b
                    ? new InspectProblem(ProblemKind.QueueCycle, $"ports {string.Join(" -> ", ports)} -> {b} are LINKED in a cycle that no control-block head reaches")
                    { Port = ports[^1], Link = b, Ports = ports.ToEquatableArray() }
                    : new InspectProblem(ProblemKind.OrphanLinked, $"port(s) {string.Join(" -> ", ports)} are LINKED, but no control-block head reaches them")
                    { Port = ports[0], Count = ports.Count, Ports = ports.ToEquatableArray() });
            }
        }
    }
}
