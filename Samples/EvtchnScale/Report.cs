using System.Globalization;
using Spectre.Console;

namespace EvtchnScale
{
    /// <summary>The results table printed at the end.</summary>
    public static class Report
    {
        public static void Print(Results r)
        {
            // Redirected output (CI logs) gets Spectre's default 80 columns, too narrow for the table.
            if (System.Console.IsOutputRedirected && AnsiConsole.Profile.Width < 140) AnsiConsole.Profile.Width = 140;
            var t = new Table().Title($"[bold]One backend, {r.Model.ChannelsPerGuest} channels per guest, {r.Model.Reserve} reserved; {r.Processes} processes on shared memory[/]");
            foreach (var h in new[] { "ABI", "bits", "channels", "max guests", "events", "lost", "Mev/s", "p50 µs", "p99 µs", "max µs", "Jain" })
                t.AddColumn(new TableColumn(h).RightAligned());
            foreach (var run in r.Runs)
                t.AddRow(run.Mechanism, run.WordBits.ToString(CultureInfo.InvariantCulture), N(run.Channels), N(run.MaxGuests), N(run.Events),
                    run.Lost == 0 ? "0" : $"[red]{run.Lost}[/]", F(run.ThroughputPerS / 1e6, 2), Us(run.LatencyNs.P50), Us(run.LatencyNs.P99),
                    Us(run.LatencyNs.Max), F(run.Jain, 3));
            AnsiConsole.Write(t);
            if (r.Priorities is { } p)
            {
                AnsiConsole.MarkupLine($"FIFO, {p.Guests} guests, {p.WorkNs} ns of work per event: console latency " +
                    $"p50 {Us(p.ConsoleWithoutPriorities.P50)} µs, p99 {Us(p.ConsoleWithoutPriorities.P99)} µs with every port at the default priority; " +
                    $"p50 {Us(p.ConsoleWithPriorities.P50)} µs, p99 {Us(p.ConsoleWithPriorities.P99)} µs with the consoles at priority 0 " +
                    $"(events delivered ahead of a console event, p50: {N(p.ConsoleEventsAheadWithoutPriorities.P50)} without, {N(p.ConsoleEventsAheadWithPriorities.P50)} with).");
            }
        }

        private static string Us(long ns) => F(ns / 1000.0, ns < 10_000 ? 1 : 0);

        private static string F(double v, int digits) => v.ToString("N" + digits, CultureInfo.InvariantCulture);

        private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    }
}
