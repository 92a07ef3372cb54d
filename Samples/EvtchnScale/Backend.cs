using System;
using System.Diagnostics;
using System.Threading;
using EvtchnAbiGen.Runtime;

namespace EvtchnScale
{
    /// <summary>The backend domain's process: maps the shared file, binds its ports, and takes upcalls until
    /// the hypervisor says stop. Cross-process upcall: this vcpu polls evtchn_upcall_pending in the shared
    /// page (the flag Xen sets before it would kick the vcpu) with SpinWait backoff: spin, then yield, then
    /// sleep, as a vcpu blocked in SCHEDOP_block would be woken. No other channel exists between the two
    /// processes; everything else they know of each other is in the file.</summary>
    public static unsafe class Backend
    {
        public static int Run(string path)
        {
            using var file = SharedFile.Open(path);
            Header* h = file.Header;
            var config = new Config((Mechanism)h->Mechanism, h->WordBits);
            var plan = new PortPlan(SimEngines.Capacity(config), h->Reserve, h->Vifs, h->Vbds);
            using var engine = SimEngines.Map(config, file.Region, h->PortLimit, creator: false);
            for (int p = plan.FirstPort(0); p < h->PortLimit; p++) engine.GuestBind(p);
            var handler = new Handler(file, plan, h->WorkNs);
            Volatile.Write(ref h->BackendReady, 1);

            long upcalls = 0;
            var spin = new SpinWait();
            while (true)
            {
                if (Volatile.Read(ref h->Pause) != 0)
                {
                    Volatile.Write(ref h->Paused, 1);
                    while (Volatile.Read(ref h->Pause) != 0) Thread.Sleep(1);
                    Volatile.Write(ref h->Paused, 0);
                }
                if (engine.UpcallPending())
                {
                    engine.Upcall(ref handler);
                    upcalls++;
                    spin.Reset();
                }
                else if (Volatile.Read(ref h->Stop) != 0) break;
                else spin.SpinOnce(sleep1Threshold: 200);
            }

            h->Handled = handler.Handled;
            h->Spurious = handler.Spurious;
            h->Upcalls = upcalls;
            h->LatP50 = handler.All.Quantile(0.50);
            h->LatP99 = handler.All.Quantile(0.99);
            h->LatMax = handler.All.Max;
            h->ConsoleP50 = handler.Console.Quantile(0.50);
            h->ConsoleP99 = handler.Console.Quantile(0.99);
            h->ConsoleMax = handler.Console.Max;
            h->ConsoleAheadP50 = handler.ConsoleAhead.Quantile(0.50);
            h->ConsoleAheadP99 = handler.ConsoleAhead.Quantile(0.99);
            h->ConsoleAheadMax = handler.ConsoleAhead.Max;
            Volatile.Write(ref h->BackendDone, 1);
            return 0;
        }

        /// <summary>Per delivered port: latency since the raise's stamp, the guest's count, and the port's
        /// delivery sequence (which the hypervisor waits on before it raises the port again).</summary>
        private struct Handler : IPortHandler
        {
            private readonly uint* _raised, _seen;
            private readonly long* _stamp, _atRaise, _guestEvents, _delivered;
            private readonly PortPlan _plan;
            private readonly long _workTicks;
            private readonly double _nsPerTick;
            public LatencyHistogram All, Console, ConsoleAhead;
            public long Handled, Spurious;

            public Handler(SharedFile f, PortPlan plan, long workNs)
            {
                _raised = f.Raised;
                _seen = f.Seen;
                _stamp = f.Stamp;
                _atRaise = f.DeliveredAtRaise;
                _delivered = &f.Header->Delivered;
                _guestEvents = f.GuestEvents;
                _plan = plan;
                _nsPerTick = 1e9 / Stopwatch.Frequency;
                _workTicks = (long)(workNs / _nsPerTick);
                All = new LatencyHistogram();
                Console = new LatencyHistogram();
                ConsoleAhead = new LatencyHistogram();
                Handled = Spurious = 0;
            }

            public void Handle(int port)
            {
                long now = Stopwatch.GetTimestamp();
                uint raised = Volatile.Read(ref _raised[port]);
                if (raised == _seen[port])
                {
                    Spurious++;   // delivered with no raise since the last delivery
                    return;
                }
                long ns = (long)((now - _stamp[port]) * _nsPerTick);
                All.Add(ns);
                long delivered = *_delivered;
                if (_plan.KindOf(port) == PortKind.Console)
                {
                    Console.Add(ns);
                    ConsoleAhead.Add(delivered - _atRaise[port]);   // events the backend delivered since this raise
                }
                Volatile.Write(ref *_delivered, delivered + 1);
                _guestEvents[_plan.GuestOf(port)]++;
                Handled++;
                if (_workTicks > 0)
                {
                    long until = now + _workTicks;
                    while (Stopwatch.GetTimestamp() < until) { }
                }
                Volatile.Write(ref _seen[port], raised);
            }
        }
    }
}
