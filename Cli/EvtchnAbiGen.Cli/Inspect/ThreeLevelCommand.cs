using System;
using System.CommandLine;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Reports;

namespace EvtchnAbiGen.Cli.Inspect
{
    /// <summary><c>evtchn-abi inspect 3l --pending FILE --mask FILE --abi ABI [--shared-info FILE] [--l2 FILE
    /// [--l2-offset N] [--l2-stride N]] [--vcpus N] [--format text|json]</c>: the 3-level view.</summary>
    internal static class ThreeLevelCommand
    {
        public static Command Create()
        {
            var pending = InspectOptions.File("--pending", "the pending bitmap: one evtchn_3l_bitmap (4096 bytes on x86_32, 32768 elsewhere)", required: true);
            var mask = InspectOptions.File("--mask", "the mask bitmap, as --pending", required: true);
            var abi = InspectOptions.Abi(required: true);
            var sharedInfo = InspectOptions.File("--shared-info", "shared_info (or its page): each vcpu's upcall flag and L1 selector, evtchn_pending_sel", required: false);
            var l2 = InspectOptions.File("--l2", "the L2 selectors: vcpu v's evtchn_3l_l2_selector is at --l2-offset + v × --l2-stride", required: false);
            var l2Offset = InspectOptions.Offset("--l2-offset", "byte offset of vcpu 0's L2 selector in --l2");
            var l2Stride = InspectOptions.Stride("--l2-stride", "bytes from one vcpu's L2 selector to the next (default: its size, 128 on x86_32, 512 elsewhere)");
            var vcpus = InspectOptions.Vcpus("how many vcpus to report (default 1)");
            var format = InspectOptions.Format();
            var cmd = new Command("3l", "The 3-level view (our reconstruction): pending and masked ports, L1/L2 selectors per vcpu")
                { pending, mask, abi, sharedInfo, l2, l2Offset, l2Stride, vcpus, format };
            cmd.SetAction(pr => Run(pr.GetValue(pending)!, pr.GetValue(mask)!, pr.GetValue(abi)!, pr.GetValue(sharedInfo), pr.GetValue(l2),
                new BlockPlacement(pr.GetValue(l2Offset), pr.GetValue(l2Stride)), pr.GetValue(vcpus) ?? 1, pr.GetValue(format)!));
            return cmd;
        }

        private static int Run(string pendingFile, string maskFile, string abi, string? sharedInfoFile, string? l2File, BlockPlacement placement,
            int vcpus, string format) => InspectErrors.Guard(() =>
        {
            var g = ThreeLevelGeometry.From(InspectOptions.Layout(abi));
            if (placement.Problem(g.L2SelectorSize) is string bad) throw new InspectUsageException("--l2-stride: " + bad);
            if (sharedInfoFile != null && vcpus > g.SharedInfo.VcpuCount)
                throw new InspectUsageException($"--vcpus is {vcpus}, but shared_info on {abi} has {g.SharedInfo.VcpuCount} vcpu_info slot(s) (XEN_LEGACY_MAX_VCPUS)");
            var pending = InspectFiles.Read(pendingFile, g.CheckBitmapLength);
            var mask = InspectFiles.Read(maskFile, g.CheckBitmapLength);
            byte[] si = sharedInfoFile != null ? InspectFiles.Read(sharedInfoFile, g.SharedInfo.CheckLength) : Array.Empty<byte>();
            byte[] l2 = l2File != null ? InspectFiles.Read(l2File, n => g.CheckL2Length(n, vcpus, placement)) : Array.Empty<byte>();
            var report = ThreeLevelInspector.Inspect(g, pending, mask, l2, si, vcpus, placement);
            return InspectOutput.Print(format, report.HasErrors, () => InspectJson.Write(report), () => InspectText.Write(report));
        });
    }
}
