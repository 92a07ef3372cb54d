using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spectre.Console;

namespace EvtchnScale
{
    /// <summary>Runs every configuration's guest counts (each a fresh pair of processes on a fresh shared file),
    /// then the FIFO priority comparison; shows progress, a table, and writes results.json and charts.</summary>
    public static class Simulation
    {
        public const string UpcallMethod = "backend polls evtchn_upcall_pending in the shared page with SpinWait backoff (spin, yield, sleep)";

        public static int Run(Settings s)
        {
            var plans = s.Configs.Select(c => (Config: c, Plan: s.Plan.For(c))).ToList();
            var work = plans.Select(p => (p.Config, p.Plan, Guests: GuestCounts(s, p.Plan))).ToList();
            var byConfig = new Dictionary<Config, List<PointResult>>();
            PriorityEffect? priorities = null;
            try
            {
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .Start(ctx =>
                    {
                        foreach (var (config, plan, guests) in work)
                        {
                            var task = ctx.AddTask($"{config.Label}: up to {guests.DefaultIfEmpty(0).Max():N0} guests", maxValue: Math.Max(1, guests.Count));
                            var results = byConfig[config] = new List<PointResult>();
                            foreach (int g in guests)
                            {
                                string? dump = s.DumpDir != null && g == guests.Max() ? s.DumpDir : null;
                                results.Add(Hypervisor.Run(new PointSpec(config, plan, g, s.PointDuration, s.WorkNs, false, 0, dump), BackendCommand.Create));
                                task.Increment(1);
                            }
                        }
                        if (s.Priorities)
                        {
                            var task = ctx.AddTask("FIFO console priority", maxValue: 2);
                            priorities = PriorityRun(s, () => task.Increment(1));
                        }
                    });
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"EvtchnScale: {e.Message}");
                return 1;
            }

            var runs = work.Select(w => Results.ToRun(w.Config, w.Plan.MaxGuests, byConfig[w.Config])).ToList();
            var results = new Results(2, UpcallMethod, new Model(s.Plan.For(Config.All[0]).PerGuest, s.Plan.Vifs, s.Plan.Vbds, s.Plan.Reserve), runs, priorities);
            Report.Print(results);
            if (s.OutDir != null)
            {
                Directory.CreateDirectory(s.OutDir);
                results.Write(Path.Combine(s.OutDir, "results.json"));
                Charts.Write(runs, results.Model.ChannelsPerGuest, Path.Combine(s.OutDir, "throughput.png"), Path.Combine(s.OutDir, "latency.png"));
                AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(Path.Combine(s.OutDir, "results.json"))}[/], throughput.png and latency.png");
            }
            long lost = runs.Sum(r => r.Lost) + (priorities?.Lost ?? 0);
            if (lost != 0)
            {
                Console.Error.WriteLine($"EvtchnScale: {lost} event(s) lost");
                return 1;
            }
            return 0;
        }

        /// <summary>16, 64, 256, ... below the configuration's maximum, then the maximum (or --guests, capped).</summary>
        public static List<int> GuestCounts(Settings s, PortPlan plan)
        {
            int max = plan.MaxGuests;
            if (s.MaxGuests > 0) max = Math.Min(max, s.MaxGuests);
            IEnumerable<int> counts = s.Guests ?? (s.Quick ? new[] { 16 } : Enumerable.Range(0, 10).Select(i => 16 << (2 * i)).TakeWhile(n => n < max));
            return counts.Select(n => Math.Min(n, max)).Append(s.Guests == null ? max : 0).Where(n => n > 0).Distinct().OrderBy(n => n).ToList();
        }

        /// <summary>FIFO on a 64-bit backend: bulk vif and vbd ports raised as fast as the backend takes them,
        /// one guest's console (in turn) every 8 events' worth of work, and 2 µs of work per event, so the bulk queues build; console latency with every port
        /// at the default priority, then with the consoles at priority 0.</summary>
        private static PriorityEffect PriorityRun(Settings s, Action step)
        {
            var config = new Config(Mechanism.Fifo, 64);
            var plan = s.Plan.For(config);
            int guests = Math.Min(256, plan.MaxGuests);
            long work = s.WorkNs > 0 ? s.WorkNs : 2000;
            var duration = s.Quick ? TimeSpan.FromSeconds(0.2) : TimeSpan.FromSeconds(1);
            var off = Hypervisor.Run(new PointSpec(config, plan, guests, duration, work, false, 8 * work, null), BackendCommand.Create);
            step();
            var on = Hypervisor.Run(new PointSpec(config, plan, guests, duration, work, true, 8 * work, null), BackendCommand.Create);
            step();
            return new PriorityEffect(64, guests, work,
                new Latency(off.ConsoleP50, off.ConsoleP99, off.ConsoleMax), new Latency(on.ConsoleP50, on.ConsoleP99, on.ConsoleMax),
                new Latency(off.ConsoleAheadP50, off.ConsoleAheadP99, off.ConsoleAheadMax), new Latency(on.ConsoleAheadP50, on.ConsoleAheadP99, on.ConsoleAheadMax),
                new Latency(off.P50, off.P99, off.Max), new Latency(on.P50, on.P99, on.Max), off.Lost + on.Lost);
        }
    }
}
