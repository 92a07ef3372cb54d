using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace EvtchnAbiGen.Scale.Tests
{
    /// <summary>'EvtchnScale --quick' as CI runs it: capacities by the ABI constants and the 4-channels-per-guest
    /// arithmetic, nothing lost, valid charts.</summary>
    public class ScaleResultsTests : IClassFixture<ScaleRun>
    {
        private readonly ScaleRun _run;

        public ScaleResultsTests(ScaleRun run) => _run = run;

        private JsonElement Root
        {
            get
            {
                Assert.True(_run.Code == 0, $"EvtchnScale exited {_run.Code}: {_run.Stderr}");
                Assert.NotNull(_run.Results);
                return _run.Results!.RootElement;
            }
        }

        private IEnumerable<JsonElement> Runs => Root.GetProperty("runs").EnumerateArray();

        // Channels per ABI from the fact sheet (xen-evtchn-abi.md): 2L = W², 3L = W³ (our reconstruction), FIFO 2^17.
        public static TheoryData<string, int, int> Capacities => new()
        {
            { "2l", 32, 1024 }, { "2l", 64, 4096 }, { "3l", 32, 32768 }, { "3l", 64, 262144 }, { "fifo", 32, 131072 }, { "fifo", 64, 131072 },
        };

        [Theory]
        [MemberData(nameof(Capacities))]
        public void Each_mechanism_and_word_size_fits_the_guests_its_channels_allow(string mechanism, int wordBits, int channels)
        {
            var run = Runs.Single(r => r.GetProperty("mechanism").GetString() == mechanism && r.GetProperty("word_bits").GetInt32() == wordBits);
            var model = Root.GetProperty("model");
            int perGuest = model.GetProperty("channels_per_guest").GetInt32(), reserve = model.GetProperty("reserve").GetInt32();
            Assert.Equal(4, perGuest);   // console, xenstore, one vif, one vbd
            Assert.Equal(channels, run.GetProperty("channels").GetInt32());
            Assert.Equal((channels - 1 - reserve) / 4, run.GetProperty("max_guests").GetInt32());   // port 0 is never usable
            Assert.Equal(run.GetProperty("max_guests").GetInt32(), run.GetProperty("guests").GetInt32());
        }

        [Fact]
        public void A_2_level_backend_holds_fewer_than_1024_guests_and_fewer_than_256_on_32_bit()
        {
            int Max(int bits) => Runs.Single(r => r.GetProperty("mechanism").GetString() == "2l" && r.GetProperty("word_bits").GetInt32() == bits)
                .GetProperty("max_guests").GetInt32();
            Assert.InRange(Max(64), 900, 1023);
            Assert.InRange(Max(32), 200, 255);
            Assert.True(Runs.Where(r => r.GetProperty("mechanism").GetString() != "2l").All(r => r.GetProperty("max_guests").GetInt32() > 8000));
        }

        [Fact]
        public void Two_processes_shared_the_memory_and_every_run_delivered_without_loss()
        {
            Assert.Equal(2, Root.GetProperty("processes").GetInt32());
            Assert.Equal(6, Runs.Count());
            foreach (var run in Runs)
            {
                string name = $"{run.GetProperty("mechanism")} {run.GetProperty("word_bits")}";
                Assert.True(run.GetProperty("events").GetInt64() > 0, name);
                Assert.Equal(0, run.GetProperty("lost").GetInt64());
                Assert.True(run.GetProperty("throughput_per_s").GetDouble() > 0, name);
                var lat = run.GetProperty("latency_ns");
                long p50 = lat.GetProperty("p50").GetInt64(), p99 = lat.GetProperty("p99").GetInt64(), max = lat.GetProperty("max").GetInt64();
                Assert.True(0 < p50 && p50 <= p99 && p99 <= max, $"{name}: {p50} {p99} {max}");
                Assert.InRange(run.GetProperty("jain").GetDouble(), 0.5, 1.0);
                foreach (var point in run.GetProperty("points").EnumerateArray()) Assert.Equal(0, point.GetProperty("lost").GetInt64());
            }
            Assert.Equal(0, Root.GetProperty("priorities").GetProperty("lost").GetInt64());
        }

        [Fact]
        public void Fifo_priorities_move_the_console_ahead_of_bulk_traffic()
        {
            // Judged by the console's place in line (events delivered between its raise and its delivery), not by
            // wall-clock latency, which a loaded CI machine's scheduling can swamp. Without priorities a console
            // waits behind the bulk ports queued before it (hundreds); at priority 0 it waits for the one event
            // being handled.
            var p = Root.GetProperty("priorities");
            long without = p.GetProperty("console_events_ahead_without_priorities").GetProperty("p50").GetInt64();
            long with = p.GetProperty("console_events_ahead_with_priorities").GetProperty("p50").GetInt64();
            Assert.True(with * 4 < without, $"console p50 {with} events ahead with priorities, {without} without");
        }

        [Theory]
        [InlineData("throughput.png")]
        [InlineData("latency.png")]
        public void The_charts_are_png_images_a_person_can_open(string name)
        {
            Assert.Equal(0, _run.Code);
            byte[] png = File.ReadAllBytes(Path.Combine(_run.OutDir, name));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png.Take(8).ToArray());
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
            int width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            int height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
            Assert.True(width >= 400 && height >= 300, $"{width}x{height}");
            Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
            Assert.True(png.Length > 10_000, "a chart with lines, not an empty image");
        }

        [Fact]
        public void The_dump_writes_the_structures_and_the_inspect_commands()
        {
            Assert.Equal(0, _run.Code);
            Assert.Equal(3136, new FileInfo(Path.Combine(_run.DumpDir, "2l-64-shared-info.bin")).Length);   // sizeof(shared_info), x86_64
            Assert.Equal(2344, new FileInfo(Path.Combine(_run.DumpDir, "2l-32-shared-info.bin")).Length);   // i386
            string commands = File.ReadAllText(Path.Combine(_run.DumpDir, "inspect-commands.txt"));
            Assert.Equal(6, commands.Split('\n').Count(l => l.StartsWith("evtchn-abi inspect ", StringComparison.Ordinal)));
        }

        [Theory]
        [InlineData("x86_32", 32)]
        [InlineData("x86_64", 64)]
        public void Inspect_reads_every_dump_and_finds_a_consistent_state(string abi, int bits)
        {
            // The backend was paused between upcalls and the hypervisor had stopped raising: no error may show.
            Assert.Equal(0, _run.Code);
            string F(string name) => Path.Combine(_run.DumpDir, $"{name}.bin");
            var layout = InspectAgreesWithEnginesTests.Layout(abi);
            var l2 = EvtchnAbiGen.Inspect.SharedInfoInspector.Inspect(EvtchnAbiGen.Inspect.Geometry.SharedInfoGeometry.From(layout), File.ReadAllBytes(F($"2l-{bits}-shared-info")));
            Assert.False(l2.HasErrors, string.Join("; ", l2.Problems));
            var l3 = EvtchnAbiGen.Inspect.ThreeLevelInspector.Inspect(EvtchnAbiGen.Inspect.Geometry.ThreeLevelGeometry.From(layout),
                File.ReadAllBytes(F($"3l-{bits}-pending")), File.ReadAllBytes(F($"3l-{bits}-mask")), File.ReadAllBytes(F($"3l-{bits}-l2")),
                File.ReadAllBytes(F($"3l-{bits}-shared-info")));
            Assert.False(l3.HasErrors, string.Join("; ", l3.Problems));
            var fifo = EvtchnAbiGen.Inspect.FifoInspector.Inspect(EvtchnAbiGen.Inspect.Geometry.FifoGeometry.From(layout),
                File.ReadAllBytes(F($"fifo-{bits}-array")), File.ReadAllBytes(F($"fifo-{bits}-control")));
            Assert.False(fifo.HasErrors, string.Join("; ", fifo.Problems));
            Assert.Contains(0u, fifo.Masked);   // port 0 is never unmasked
        }
    }

    public class ScaleOptionsTests
    {
        [Theory]
        [InlineData("--no-such-flag")]
        [InlineData("--mechanisms", "4l")]
        [InlineData("--word-bits", "16")]
        [InlineData("--seconds", "-1")]
        [InlineData("--guests", "ten")]
        [InlineData("--reserve", "many")]
        public void A_bad_flag_gets_one_line_and_exit_code_2(params string[] args)
        {
            var (code, stdout, stderr) = Scale.Run(args);
            Assert.Equal(2, code);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.StartsWith("EvtchnScale: ", stderr);
            Assert.DoesNotContain("   at ", stderr + stdout);
        }
    }
}
