using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Runtime;

// A backend domain (dom0) owns one event channel per guest device: here each guest has a block, a net
// and a console backend, so 3 ports in dom0 per guest. Guests notify their ports from 2 threads; dom0's
// vcpu 0 runs the upcall. The ABI's channel count decides how many guests one backend can serve.
int wanted = args.Length > 0 && int.TryParse(args[0], out int g) ? g : 20_000;
const int PortsPerGuest = 3;
const int NotifyRounds = 20;
Console.WriteLine($"{wanted:N0} guests wanted, {PortsPerGuest} backend ports each, {NotifyRounds} notification rounds\n");
Console.WriteLine($"{"ABI",-8} {"channels",9} {"guests served",14} {"notifications",14} {"delivered",10} {"lost",5} {"M events/s",11}");

Run("2-level", TwoLevelEngine.Capacity - 1, 1, (e, p) => ((TwoLevelEngine)e).SetPendingUnchecked(0, p),
    e => ((TwoLevelEngine)e).UpcallPending(0), (e, h) => { var x = new CounterHandler { C = h }; ((TwoLevelEngine)e).Upcall(0, ref x); }, () => new TwoLevelEngine());
Run("3-level", ThreeLevelEngine.Capacity - 1, 1, (e, p) => ((ThreeLevelEngine)e).SetPendingUnchecked(0, p),
    e => ((ThreeLevelEngine)e).UpcallPending(0), (e, h) => { var x = new CounterHandler { C = h }; ((ThreeLevelEngine)e).Upcall(0, ref x); }, () => new ThreeLevelEngine());
Run("FIFO", Xen.Evtchn.X86_64.Constants.EVTCHN_FIFO_NR_CHANNELS - 1, 1, (e, p) => ((FifoEngine)e).RaiseUnchecked(p),
    e => ((FifoEngine)e).UpcallPending(0), (e, h) => { var x = new CounterHandler { C = h }; ((FifoEngine)e).Upcall(0, ref x); },
    () =>
    {
        var f = new FifoEngine();
        for (int p = 1; p < f.Capacity; p++) f.GuestUnmask(p); // dom0 binds and unmasks its ports
        return f;
    });

void Run(string abi, int usablePorts, int firstPort, Func<IDisposable, int, bool> raise, Func<IDisposable, bool> pending,
    Action<IDisposable, Counter> upcall, Func<IDisposable> create)
{
    using var engine = create();
    int guests = Math.Min(wanted, usablePorts / PortsPerGuest);   // port 0 is reserved
    int ports = guests * PortsPerGuest;
    var counter = new Counter(ports + firstPort);
    long notifications = (long)ports * NotifyRounds;
    var sw = Stopwatch.StartNew();
    int producersLeft = 2;
    var producers = Enumerable.Range(0, 2).Select(t => new Thread(() =>
    {
        for (int r = 0; r < NotifyRounds; r++)
            for (int i = t; i < ports; i += 2)
            {
                int port = firstPort + i;
                Interlocked.Increment(ref counter.Sent[port]);
                raise(engine, port);
            }
        Interlocked.Decrement(ref producersLeft);
    })).ToList();
    producers.ForEach(t => t.Start());
    var spin = new SpinWait();
    while (Volatile.Read(ref producersLeft) > 0 || pending(engine))
    {
        if (pending(engine)) upcall(engine, counter);
        else spin.SpinOnce(-1);
    }
    producers.ForEach(t => t.Join());
    upcall(engine, counter);
    sw.Stop();
    long lost = Enumerable.Range(firstPort, ports).Count(p => counter.Seen[p] != counter.Sent[p]);
    Console.WriteLine($"{abi,-8} {usablePorts + 1,9:N0} {guests,14:N0} {notifications,14:N0} {counter.Delivered,10:N0} {lost,5} {notifications / sw.Elapsed.TotalSeconds / 1e6,11:F1}");
    if (guests < wanted) Console.WriteLine($"{"",-8} {"",9} -> {wanted - guests:N0} guests do not fit: {abi} has {usablePorts + 1:N0} channels");
}

/// <summary>Per-port raise counts and what each delivery saw (events merge while pending; none may be lost).</summary>
sealed class Counter
{
    public readonly long[] Sent, Seen;
    public long Delivered;

    public Counter(int n)
    {
        Sent = new long[n];
        Seen = new long[n];
    }

    public void Handle(int port)
    {
        Seen[port] = Volatile.Read(ref Sent[port]);
        Delivered++;
    }
}

struct CounterHandler : IPortHandler
{
    public Counter C;

    public void Handle(int port) => C.Handle(port);
}
