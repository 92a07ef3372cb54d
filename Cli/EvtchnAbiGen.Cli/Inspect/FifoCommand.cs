using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Reports;

namespace EvtchnAbiGen.Cli.Inspect
{
    /// <summary><c>evtchn-abi inspect fifo --array FILE[,FILE...] --control FILE [--offset N] [--stride N] [--vcpus N]
    /// [--abi ABI] [--format text|json]</c>: the FIFO view.</summary>
    internal static class FifoCommand
    {
        public static Command Create()
        {
            var array = new Option<string[]>("--array")
            {
                Description = "event-array pages in port order: files of whole 4096-byte pages, separated by commas or given as repeated --array",
                Required = true,
                AllowMultipleArgumentsPerToken = false,
                HelpName = "FILE[,FILE...]",
            };
            var control = InspectOptions.File("--control", "the control block(s): vcpu v's evtchn_fifo_control_block is at --offset + v × --stride", required: true);
            var offset = InspectOptions.Offset("--offset", "byte offset of vcpu 0's control block in --control");
            var stride = InspectOptions.Stride("--stride", "bytes from one vcpu's control block to the next (default: the block's size, 72; 4096 for one page per vcpu)");
            var vcpus = InspectOptions.Vcpus("how many vcpus' control blocks --control holds (default 1)");
            var abi = InspectOptions.Abi(required: false, defaultAbi: "x86_64");
            abi.Description = "the guest's ABI (the FIFO layout is the same on all four)";
            var format = InspectOptions.Format();
            var cmd = new Command("fifo", "The FIFO view: pending and masked ports, each vcpu's ready word and queues in link order")
                { array, control, offset, stride, vcpus, abi, format };
            cmd.SetAction(pr => Run(pr.GetValue(array)!, pr.GetValue(control)!, new BlockPlacement(pr.GetValue(offset), pr.GetValue(stride)),
                pr.GetValue(vcpus) ?? 1, pr.GetValue(abi)!, pr.GetValue(format)!));
            return cmd;
        }

        private static int Run(string[] arrayArgs, string control, BlockPlacement placement, int vcpus, string abi, string format) => InspectErrors.Guard(() =>
        {
            var g = FifoGeometry.From(InspectOptions.Layout(abi));
            if (placement.Problem(g.ControlBlockSize) is string bad) throw new InspectUsageException("--stride: " + bad);
            var files = InspectFiles.SplitList(arrayArgs);
            if (files.Count == 0) throw new InspectUsageException("--array names no file");
            long total = 0;
            foreach (var f in files)
            {
                long length = InspectFiles.Length(f);
                InspectFiles.Check(f, length, g.CheckArrayLength);
                total += length;
            }
            InspectFiles.Check(string.Join(" + ", files), total, g.CheckArrayLength);
            var pages = new MemoryStream();
            foreach (var f in files) pages.Write(InspectFiles.Read(f, g.CheckArrayLength));
            var cb = InspectFiles.Read(control, n => g.CheckControlLength(n, vcpus, placement));
            var report = FifoInspector.Inspect(g, pages.ToArray(), cb, vcpus, placement);
            return InspectOutput.Print(format, report.HasErrors, () => InspectJson.Write(report), () => InspectText.Write(report));
        });
    }
}
