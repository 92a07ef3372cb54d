using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace EvtchnScale
{
    /// <summary>What one run of one configuration at one guest count measured.</summary>
    public sealed record PointResult(Config Config, int Guests, int Channels, long Events, long Lost, long Spurious,
        double Seconds, double ThroughputPerSecond, long P50, long P99, long Max, double Jain,
        long ConsoleP50, long ConsoleP99, long ConsoleMax, long ConsoleAheadP50, long ConsoleAheadP99, long ConsoleAheadMax);

    /// <summary>One point's settings.</summary>
    public sealed record PointSpec(Config Config, PortPlan Plan, int Guests, TimeSpan Duration, long WorkNs, bool ConsolePriority,
        long ConsoleIntervalNs, string? DumpDir);

    /// <summary>The hypervisor's process: makes the shared file, starts the backend domain as a second OS
    /// process on it, and raises events for every guest. Each port has at most one raise in flight: it is
    /// raised again only once the backend has seen the last one (like a device that waits for its ring to
    /// be consumed), so an event the engines lost would leave its port stuck, and is counted.</summary>
    public static unsafe class Hypervisor
    {
        public static PointResult Run(PointSpec spec, Func<ProcessStartInfo> backendCommand)
        {
            var (config, plan, guests) = (spec.Config, spec.Plan, spec.Guests);
            int limit = plan.PortLimit(guests);
            string path = SharedFile.NewPath();
            try
            {
                using var file = SharedFile.Create(path, limit, guests, SimEngines.RegionBytes(config, limit));
                Header* h = file.Header;
                h->Mechanism = (int)config.Mechanism;
                h->WordBits = config.WordBits;
                h->Guests = guests;
                h->Reserve = plan.Reserve;
                h->Vifs = plan.Vifs;
                h->Vbds = plan.Vbds;
                h->PortLimit = limit;
                h->WorkNs = spec.WorkNs;
                using var engine = SimEngines.Map(config, file.Region, limit, creator: true);
                int first = plan.FirstPort(0);
                if (spec.ConsolePriority)
                    for (int g = 0; g < guests; g++) engine.SetPriority(plan.FirstPort(g), 0);   // 0 is FIFO's highest
                Volatile.Write(ref h->Magic, Header.MagicValue);

                using var backend = Process.Start(backendCommand().WithArgument(path))
                    ?? throw new InvalidOperationException("could not start the backend process");
                WaitFor(ref h->BackendReady, backend, TimeSpan.FromSeconds(30), "the backend to map the file");

                var clock = Stopwatch.StartNew();
                Raise(spec, file, engine, first, limit);
                if (spec.DumpDir != null) Dump(spec, file, h, backend);

                // Drain: every port's last raise must reach the backend.
                var drain = Stopwatch.StartNew();
                long lost;
                while ((lost = Outstanding(file, first, limit)) > 0 && drain.Elapsed < TimeSpan.FromSeconds(5) && !backend.HasExited)
                    Thread.Yield();
                double seconds = clock.Elapsed.TotalSeconds;
                Volatile.Write(ref h->Stop, 1);
                WaitFor(ref h->BackendDone, backend, TimeSpan.FromSeconds(30), "the backend to stop");
                backend.WaitForExit();
                lost = Outstanding(file, first, limit);

                return new PointResult(config, guests, SimEngines.Capacity(config), h->Handled, lost, h->Spurious, seconds,
                    h->Handled / seconds, h->LatP50, h->LatP99, h->LatMax, Jain(file.GuestEvents, guests),
                    h->ConsoleP50, h->ConsoleP99, h->ConsoleMax, h->ConsoleAheadP50, h->ConsoleAheadP99, h->ConsoleAheadMax);
            }
            finally
            {
                File.Delete(path);
            }
        }

        /// <summary>Round-robin over every guest's ports for the run's duration, raising each port whose last
        /// event the backend has seen. With a <see cref="PointSpec.ConsoleIntervalNs"/>, consoles are light interactive
        /// traffic beside the bulk vif/vbd ports: one guest's console (the next in turn) per interval.</summary>
        private static void Raise(PointSpec spec, SharedFile file, ISimEngine engine, int first, int limit)
        {
            uint* raised = file.Raised, seen = file.Seen;
            long* stamp = file.Stamp, atRaise = file.DeliveredAtRaise;
            ref long delivered = ref file.Header->Delivered;
            int perGuest = spec.Plan.PerGuest;
            long end = Stopwatch.GetTimestamp() + (long)(spec.Duration.TotalSeconds * Stopwatch.Frequency);
            bool light = spec.ConsoleIntervalNs > 0;
            long interval = (long)(spec.ConsoleIntervalNs * (Stopwatch.Frequency / 1e9)), nextConsole = 0;
            int turn = 0;
            for (int pass = 0; ; pass++)
            {
                int console = -1;
                if (light && Stopwatch.GetTimestamp() >= nextConsole)
                {
                    console = first + turn++ % spec.Guests * perGuest;
                    nextConsole = Stopwatch.GetTimestamp() + interval;
                }
                for (int p = first; p < limit; p++)
                {
                    if (light && p != console && (p - first) % perGuest == 0) continue;
                    if (Volatile.Read(ref seen[p]) != raised[p]) continue;   // still in flight
                    stamp[p] = Stopwatch.GetTimestamp();
                    atRaise[p] = Volatile.Read(ref delivered);
                    Volatile.Write(ref raised[p], raised[p] + 1);
                    engine.Raise(p);
                }
                if (Stopwatch.GetTimestamp() >= end) return;
            }
        }

        private static long Outstanding(SharedFile file, int first, int limit)
        {
            long n = 0;
            for (int p = first; p < limit; p++)
                if (Volatile.Read(ref file.Seen[p]) != Volatile.Read(ref file.Raised[p])) n++;
            return n;
        }

        /// <summary>Jain's fairness index over the guests' delivered events: (Σx)² / (n·Σx²), 1 when equal.</summary>
        public static double Jain(long* perGuest, int guests)
        {
            double sum = 0, squares = 0;
            for (int g = 0; g < guests; g++)
            {
                sum += perGuest[g];
                squares += (double)perGuest[g] * perGuest[g];
            }
            return squares == 0 ? 0 : sum * sum / (guests * squares);
        }

        /// <summary>Pauses the backend with events in flight and writes the ABI structures as the files
        /// <c>evtchn-abi inspect</c> reads (docs/inspect.md).</summary>
        private static void Dump(PointSpec spec, SharedFile file, Header* h, Process backend)
        {
            Volatile.Write(ref h->Pause, 1);
            WaitFor(ref h->Paused, backend, TimeSpan.FromSeconds(30), "the backend to pause");
            Dumps.Write(spec.DumpDir!, spec.Config, file.Region, h->PortLimit);
            Volatile.Write(ref h->Pause, 0);
        }

        private static void WaitFor(ref int flag, Process backend, TimeSpan timeout, string what)
        {
            var sw = Stopwatch.StartNew();
            while (Volatile.Read(ref flag) == 0)
            {
                if (backend.HasExited) throw new InvalidOperationException($"the backend process exited with code {backend.ExitCode} while waiting for {what}");
                if (sw.Elapsed > timeout) throw new TimeoutException($"timed out waiting for {what}");
                Thread.Sleep(1);
            }
        }

        private static ProcessStartInfo WithArgument(this ProcessStartInfo psi, string arg)
        {
            psi.ArgumentList.Add(arg);
            return psi;
        }
    }
}
