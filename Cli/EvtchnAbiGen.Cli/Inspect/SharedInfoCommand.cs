using System.CommandLine;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;
using EvtchnAbiGen.Inspect.Reports;

namespace EvtchnAbiGen.Cli.Inspect
{
    /// <summary><c>evtchn-abi inspect shared-info FILE --abi ABI [--vcpus N] [--format text|json]</c>: the 2-level view.</summary>
    internal static class SharedInfoCommand
    {
        public static Command Create()
        {
            var file = new Argument<string>("FILE") { Description = "a dump of shared_info: sizeof(shared_info) bytes, or its whole 4096-byte page" };
            var abi = InspectOptions.Abi(required: true);
            var vcpus = InspectOptions.Vcpus("vcpu_info slots to report, from vcpu 0 (default: all, XEN_LEGACY_MAX_VCPUS: 32 on x86, 1 on ARM)");
            var format = InspectOptions.Format();
            var cmd = new Command("shared-info", "The 2-level view of shared_info: pending and masked ports, per vcpu the upcall flag and selector") { file, abi, vcpus, format };
            cmd.SetAction(pr => Run(pr.GetValue(file)!, pr.GetValue(abi)!, pr.GetValue(vcpus), pr.GetValue(format)!));
            return cmd;
        }

        private static int Run(string file, string abi, int? vcpus, string format) => InspectErrors.Guard(() =>
        {
            var g = SharedInfoGeometry.From(InspectOptions.Layout(abi));
            if (vcpus > g.VcpuCount)
                throw new InspectUsageException($"--vcpus is {vcpus}, but shared_info on {abi} has {g.VcpuCount} vcpu_info slot(s) (XEN_LEGACY_MAX_VCPUS)");
            var bytes = InspectFiles.Read(file, g.CheckLength);
            var report = SharedInfoInspector.Inspect(g, bytes, vcpus);
            return InspectOutput.Print(format, report.HasErrors, () => InspectJson.Write(report), () => InspectText.Write(report));
        });
    }
}
