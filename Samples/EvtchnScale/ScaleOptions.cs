using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace EvtchnScale
{
    /// <summary>Everything a run is told.</summary>
    public sealed record Settings(IReadOnlyList<Config> Configs, PortPlanTemplate Plan, IReadOnlyList<int>? Guests, int MaxGuests,
        TimeSpan PointDuration, long WorkNs, bool Quick, bool Priorities, string? OutDir, string? DumpDir);

    /// <summary>The plan before a configuration's channel count is known.</summary>
    public readonly record struct PortPlanTemplate(int Reserve, int Vifs, int Vbds)
    {
        public PortPlan For(Config c) => new(SimEngines.Capacity(c), Reserve, Vifs, Vbds);
    }

    public sealed class ScaleOptions
    {
        private readonly Option<bool> _quick = new("--quick") { Description = "A few seconds: two guest counts per configuration, short runs (CI)." };
        private readonly Option<string> _mechanisms = new("--mechanisms") { Description = "Comma-separated: 2l, 3l, fifo.", DefaultValueFactory = _ => "2l,3l,fifo" };
        private readonly Option<string> _wordBits = new("--word-bits") { Description = "Backend word sizes, comma-separated: 32, 64.", DefaultValueFactory = _ => "32,64" };
        private readonly Option<string?> _guests = new("--guests") { Description = "Guest counts to run, comma-separated (default: 16, 64, 256, ... and each configuration's maximum)." };
        private readonly Option<int> _maxGuests = new("--max-guests") { Description = "Cap on guests per run (0: none).", DefaultValueFactory = _ => 0 };
        private readonly Option<int> _reserve = new("--reserve") { Description = "Channels the backend keeps for its own IPIs and VIRQs.", DefaultValueFactory = _ => 64 };
        private readonly Option<int> _vifs = new("--vifs") { Description = "Network backends (vif) per guest.", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _vbds = new("--vbds") { Description = "Block backends (vbd) per guest.", DefaultValueFactory = _ => 1 };
        private readonly Option<double> _seconds = new("--seconds") { Description = "Raising time per run, in seconds.", DefaultValueFactory = _ => 0.4 };
        private readonly Option<long> _workNs = new("--work-ns") { Description = "Busy work per delivered event in the backend, in ns.", DefaultValueFactory = _ => 0 };
        private readonly Option<bool> _noPriorities = new("--no-priorities") { Description = "Skip the FIFO priority comparison." };
        private readonly Option<string?> _out = new("--out") { Description = "Write DIR/results.json and the charts DIR/throughput.png, DIR/latency.png." };
        private readonly Option<string?> _dump = new("--dump") { Description = "Write each configuration's shared structures, mid-run, for evtchn-abi inspect." };

        public RootCommand Command()
        {
            var root = new RootCommand("EvtchnScale: how many guests fit on one backend with 2-level, 3-level and FIFO event channels, on 32- and 64-bit backends, measured with two processes on shared memory.");
            foreach (var o in new Option[] { _quick, _mechanisms, _wordBits, _guests, _maxGuests, _reserve, _vifs, _vbds, _seconds, _workNs, _noPriorities, _out, _dump })
                root.Options.Add(o);
            return root;
        }

        public Settings? Bind(ParseResult r, out string? error)
        {
            error = null;
            bool quick = r.GetValue(_quick);
            var mechanisms = Split(r.GetValue(_mechanisms)).Select(m => m.ToLowerInvariant() switch
            {
                "2l" => (Mechanism?)Mechanism.TwoLevel,
                "3l" => Mechanism.ThreeLevel,
                "fifo" => Mechanism.Fifo,
                _ => null,
            }).ToList();
            if (mechanisms.Count == 0 || mechanisms.Any(m => m == null)) return Fail("--mechanisms takes 2l, 3l and/or fifo, comma-separated", out error);
            var bits = Split(r.GetValue(_wordBits)).Select(b => b == "32" ? 32 : b == "64" ? 64 : 0).ToList();
            if (bits.Count == 0 || bits.Contains(0)) return Fail("--word-bits takes 32 and/or 64, comma-separated", out error);
            List<int>? guests = null;
            if (r.GetValue(_guests) is { } g)
            {
                guests = new List<int>();
                foreach (var s in Split(g))
                {
                    if (!int.TryParse(s, out int n) || n <= 0) return Fail($"--guests: '{s}' is not a positive whole number", out error);
                    guests.Add(n);
                }
            }
            int reserve = r.GetValue(_reserve), vifs = r.GetValue(_vifs), vbds = r.GetValue(_vbds), maxGuests = r.GetValue(_maxGuests);
            if (reserve < 0) return Fail("--reserve must be 0 or more", out error);
            if (vifs < 0 || vbds < 0) return Fail("--vifs and --vbds must be 0 or more", out error);
            if (maxGuests < 0) return Fail("--max-guests must be 0 or more", out error);
            double seconds = r.GetValue(_seconds);
            if (!(seconds > 0 && seconds <= 3600)) return Fail("--seconds must be more than 0 and at most 3600", out error);
            long work = r.GetValue(_workNs);
            if (work < 0 || work > 10_000_000) return Fail("--work-ns must be 0..10000000", out error);
            if (quick && r.GetResult(_seconds) is null or { Implicit: true }) seconds = 0.05;
            var configs = Config.All.Where(c => mechanisms.Contains(c.Mechanism) && bits.Contains(c.WordBits)).ToList();
            return new Settings(configs, new PortPlanTemplate(reserve, vifs, vbds), guests, maxGuests, TimeSpan.FromSeconds(seconds), work,
                quick, !r.GetValue(_noPriorities) && mechanisms.Contains(Mechanism.Fifo), r.GetValue(_out), r.GetValue(_dump));
        }

        private static Settings? Fail(string message, out string? error)
        {
            error = message;
            return null;
        }

        private static IEnumerable<string> Split(string? s)
            => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
