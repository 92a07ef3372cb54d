using System.Collections.Generic;
using EvtchnAbiGen.Core.Util;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Model;

namespace EvtchnAbiGen.Inspect
{
    /// <summary>The LINK graph of an event array: which LINKED word links to which. Building it reports the
    /// links no consistent state has (past the array, to a word that is not LINKED, two words to one port);
    /// walks are bounded by marking every port they visit, so a cycle ends them.</summary>
    internal sealed class FifoLinks
    {
        private readonly FifoGeometry _g;
        private readonly uint[] _words;
        private readonly int[] _pred;
        private readonly int[] _stamp;
        private int _walks;

        private FifoLinks(FifoGeometry g, uint[] words)
        {
            _g = g;
            _words = words;
            _pred = new int[words.Length];
            _stamp = new int[words.Length];
            System.Array.Fill(_pred, -1);
        }

        public int Count => _words.Length;

        public bool Linked(uint port) => port < _words.Length && _g.Has(_words[port], _g.Linked);

        public uint Next(uint port) => _g.LinkOf(_words[port]);

        /// <summary>The LINKED word whose LINK is <paramref name="port"/>, or -1.</summary>
        public int Pred(uint port) => _pred[port];

        public static FifoLinks Build(FifoGeometry g, uint[] words, List<InspectProblem> problems)
        {
            var links = new FifoLinks(g, words);
            for (uint p = 0; p < words.Length; p++)
            {
                if (!links.Linked(p)) continue;
                uint next = links.Next(p);
                if (next == 0) continue;
                if (next >= words.Length)
                    problems.Add(new InspectProblem(ProblemKind.LinkPastArray,
                        $"port {p} is LINKED with LINK {next}, past the {words.Length} ports of the event array (were all its pages given?)")
                    { Port = p, Link = next, Count = words.Length });
                else if (!links.Linked(next))
                    problems.Add(new InspectProblem(ProblemKind.LinkToUnlinked,
                        $"port {p} is LINKED with LINK {next}, but port {next} is not LINKED (Xen links only a port it has just marked LINKED, and the guest unlinks in queue order)")
                    { Port = p, Link = next });
                else if (links._pred[next] >= 0)
                    problems.Add(new InspectProblem(ProblemKind.SharedLink,
                        $"ports {links._pred[next]} and {p} are both LINKED with LINK {next}, but a port follows at most one port in its queue")
                    { Port = next, Ports = new[] { (uint)links._pred[next], p }.ToEquatableArray() });
                else links._pred[next] = (int)p;
            }
            return links;
        }

        /// <summary>Follows LINK from <paramref name="start"/> (a LINKED port) while the next word is in the array
        /// and LINKED, and stops before a port this walk has already visited: that port is returned as
        /// <paramref name="cycleTo"/> (with the port linking back to it last in the list). A bad link ends the walk
        /// silently: <see cref="Build"/> has reported it.</summary>
        public List<uint> Walk(uint start, out uint? cycleTo)
        {
            int id = ++_walks;
            var ports = new List<uint> { start };
            _stamp[start] = id;
            cycleTo = null;
            for (uint p = start; ;)
            {
                uint next = Next(p);
                if (next == 0 || !Linked(next)) return ports;
                if (_stamp[next] == id)
                {
                    cycleTo = next;
                    return ports;
                }
                _stamp[next] = id;
                ports.Add(next);
                p = next;
            }
        }

        /// <summary>The first port of the chain that <paramref name="port"/> is on, following predecessors back
        /// (bounded: a cycle ends it), and the ports from there up to <paramref name="port"/>, excluding it.</summary>
        public List<uint> Before(uint port)
        {
            int id = ++_walks;
            var before = new List<uint>();
            _stamp[port] = id;
            for (int q = _pred[port]; q >= 0 && _stamp[q] != id; q = _pred[q])
            {
                _stamp[q] = id;
                before.Add((uint)q);
            }
            before.Reverse();
            return before;
        }
    }
}
