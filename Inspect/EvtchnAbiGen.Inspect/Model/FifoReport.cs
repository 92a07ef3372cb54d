using System.Linq;
using EvtchnAbiGen.Core.Util;

namespace EvtchnAbiGen.Inspect.Model
{
    /// <summary>The FIFO view of an event array and the vcpus' control blocks. Port lists are ascending,
    /// except a queue's, which is in link order.</summary>
    /// <param name="PortCount">Event words in the array: pages × 1024.</param>
    /// <param name="Queues">Every non-empty queue, by vcpu then priority: walked from its control-block head
    /// along LINK while the words are LINKED.</param>
    public sealed record FifoReport(string Abi, int PortCount, int Pages, EquatableArray<uint> Pending, EquatableArray<uint> Masked,
        EquatableArray<uint> Linked, EquatableArray<FifoVcpu> Vcpus, EquatableArray<FifoQueue> Queues, EquatableArray<InspectProblem> Problems)
    {
        public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
    }

    /// <summary>One vcpu's control block: the ready word, its set bits, and head[] as stored.</summary>
    public sealed record FifoVcpu(int Vcpu, uint Ready, EquatableArray<int> ReadyBits, EquatableArray<uint> Heads);

    /// <summary>A non-empty queue. <paramref name="Ports"/> starts with <paramref name="Head"/>.</summary>
    public sealed record FifoQueue(int Vcpu, int Priority, uint Head, EquatableArray<uint> Ports);
}
