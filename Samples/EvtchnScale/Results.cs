using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvtchnScale
{
    public sealed record Latency(long P50, long P99, long Max);

    public sealed record Point(int Guests, long Events, long Lost, double ThroughputPerS, Latency LatencyNs, double Jain);

    /// <summary>One mechanism on one backend word size: its capacity, and the run at its most guests
    /// (events, lost, throughput, latency, fairness), with every point of the sweep in <see cref="Points"/>.</summary>
    public sealed record Run(string Mechanism, int WordBits, int Channels, int MaxGuests, int Guests, long Events, long Lost,
        double ThroughputPerS, Latency LatencyNs, double Jain, IReadOnlyList<Point> Points);

    /// <summary>FIFO console latency under bulk vif/vbd traffic, with every port at the default priority and
    /// with the consoles at priority 0 (the highest).</summary>
    /// <summary>Console latencies in ns; "events ahead" counts the events the backend delivered between a console
    /// raise and its delivery (its place in line, which scheduling noise on a busy machine does not blur).</summary>
    public sealed record PriorityEffect(int WordBits, int Guests, long WorkNs, Latency ConsoleWithoutPriorities, Latency ConsoleWithPriorities,
        Latency ConsoleEventsAheadWithoutPriorities, Latency ConsoleEventsAheadWithPriorities,
        Latency AllWithoutPriorities, Latency AllWithPriorities, long Lost);

    public sealed record Model(int ChannelsPerGuest, int Vifs, int Vbds, int Reserve);

    public sealed record Results(int Processes, string Upcall, Model Model, IReadOnlyList<Run> Runs, PriorityEffect? Priorities)
    {
        public static readonly JsonSerializerOptions Json = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

        public static Run ToRun(Config c, int maxGuests, IReadOnlyList<PointResult> points)
        {
            var top = points.OrderBy(p => p.Guests).LastOrDefault();
            if (top == null) return new Run(c.MechanismName, c.WordBits, SimEngines.Capacity(c), maxGuests, 0, 0, 0, 0, new Latency(0, 0, 0), 0, new List<Point>());
            return new Run(c.MechanismName, c.WordBits, top.Channels, maxGuests, top.Guests, top.Events, points.Sum(p => p.Lost),
                top.ThroughputPerSecond, new Latency(top.P50, top.P99, top.Max), top.Jain,
                points.OrderBy(p => p.Guests).Select(p => new Point(p.Guests, p.Events, p.Lost, p.ThroughputPerSecond,
                    new Latency(p.P50, p.P99, p.Max), p.Jain)).ToList());
        }
    }
}
