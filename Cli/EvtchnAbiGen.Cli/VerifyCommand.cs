using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Layout;
using EvtchnAbiGen.Verifier;
using EvtchnAbiGen.Verifier.Reports;

namespace EvtchnAbiGen.Cli
{
    /// <summary><c>evtchn-abi verify</c>: compare the specs with Xen's C headers through libclang.
    /// Exit codes: 0 match, 1 drift, 2 usage or setup error.</summary>
    internal static class VerifyCommand
    {
        public const string DefaultHeaders = "/usr/include/xen";

        public static Command Create()
        {
            var headers = new Option<string[]>("--headers")
            {
                Description = "[LABEL=]DIR: a folder of Xen's public headers (event_channel.h, xen.h, arch-x86/, ...); repeat it to check several releases, e.g. --headers 4.14=DIR --headers 4.20=DIR",
                DefaultValueFactory = _ => new[] { DefaultHeaders },
                AllowMultipleArgumentsPerToken = false,
            };
            var abi = CommonArguments.Abi();
            var format = new Option<string>("--format") { Description = "text, json or sarif", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var output = new Option<string?>("--output", "-o") { Description = "write the report to this file instead of stdout" };
            var libclang = new Option<string?>("--libclang") { Description = "path of the libclang shared library to use" };
            var clangArgs = new Option<string[]>("--clang-arg") { Description = "extra argument for clang (repeatable), e.g. -resource-dir DIR", AllowMultipleArgumentsPerToken = false };
            var baselines = new Option<string[]>("--baseline") { Description = "a file of known differences (repeatable); *.baseline files beside the specs are read too", AllowMultipleArgumentsPerToken = false };
            var noBaseline = new Option<bool>("--no-baseline") { Description = "read no baseline: every difference is drift" };
            var writeBaseline = new Option<string?>("--write-baseline") { Description = "write every difference that fails this run to FILE, as a baseline to review and commit" };
            var specs = CommonArguments.Specs();
            var cmd = new Command("verify", "Check every spec struct and constant against Xen's C headers, per ABI")
                { headers, abi, format, output, libclang, clangArgs, baselines, noBaseline, writeBaseline, specs };
            cmd.SetAction(pr => Run(pr.GetValue(headers)!, pr.GetValue(abi)!, pr.GetValue(format)!, pr.GetValue(output),
                pr.GetValue(libclang), pr.GetValue(clangArgs) ?? Array.Empty<string>(), pr.GetValue(specs) ?? Array.Empty<string>(),
                pr.GetValue(baselines) ?? Array.Empty<string>(), pr.GetValue(noBaseline), pr.GetValue(writeBaseline)));
            return cmd;
        }

        private static int Run(string[] headerArgs, string abi, string format, string? output, string? libclang, string[] clangArgs, string[] specPaths,
            string[] baselinePaths, bool noBaseline, string? writeBaseline)
        {
            try
            {
                var layout = CommonArguments.Layout(abi, specPaths, out var error);
                if (layout == null) return Fail(error!);
                if (layout.HasErrors) return Fail("the specs have errors (above); fix them before verifying");

                var sources = headerArgs.Select(Source).ToList();
                if (sources.Select(x => x.Label ?? x.Dir).Distinct().Count() != sources.Count) return Fail("each --headers needs its own label or folder");
                var sets = sources.Select(x => (x.Label, x.Dir, Set: HeaderSet.ForXenDirectory(x.Dir, HeaderSet.BuiltInExtras(), clangArgs))).ToList();
                if (LibClangLoader.Load(libclang) is string loadError) return Fail(loadError);
                var missing = baselinePaths.FirstOrDefault(p => !File.Exists(p));
                if (missing != null) return Fail($"baseline file not found: {missing}");
                var baseline = noBaseline ? DriftBaseline.Empty : DriftBaseline.Parse(
                    (specPaths.Length == 0 ? SpecSources.BuiltInBaseline() : DriftBaseline.FromSpecPaths(specPaths)).Keys
                        .Concat(baselinePaths.SelectMany(p => File.ReadAllLines(p))));
                var releases = sets.Select(x => new ReleaseReport(x.Label, x.Dir, LayoutVerifier.Run(layout, x.Set, baseline))).ToList();
                if (writeBaseline != null) File.WriteAllText(writeBaseline, DriftBaseline.Write(releases));

                string text = format switch
                {
                    "json" => JsonReport.Write(releases),
                    "sarif" => SarifReport.Write(releases),
                    _ => releases.Count == 1 ? TextReport.Write(releases[0].Report, releases[0].HeadersDir) : TextReport.WriteMatrix(releases),
                };
                if (output != null) File.WriteAllText(output, text);
                else Console.Out.Write(text);
                return releases.All(r => r.Report.Clean) ? 0 : 1;
            }
            catch (VerifierSetupException ex)
            {
                return Fail(ex.Message);
            }
            catch (IOException ex)
            {
                return Fail(ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                return Fail(ex.Message);
            }
        }

        /// <summary>"LABEL=DIR" or "DIR"; a label has no '/'.</summary>
        private static (string? Label, string Dir) Source(string arg)
        {
            int eq = arg.IndexOf('=');
            return eq > 0 && arg.IndexOf('/', 0, eq) < 0 ? (arg.Substring(0, eq), arg.Substring(eq + 1)) : (null, arg);
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("evtchn-abi verify: " + message);
            return 2;
        }
    }
}
