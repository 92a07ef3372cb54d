using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using EvtchnAbiGen.Verifier;
using EvtchnAbiGen.Verifier.Import;

namespace EvtchnAbiGen.Cli
{
    /// <summary><c>evtchn-abi import</c>: write a spec for all four ABIs from Xen's C headers.
    /// Exit codes: 0 written, 2 usage or setup error. Constructs left out are warnings on stderr.</summary>
    internal static class ImportCommand
    {
        public static Command Create()
        {
            var headersDir = new Option<string>("--headers") { Description = "the folder of Xen's public headers", DefaultValueFactory = _ => VerifyCommand.DefaultHeaders };
            var names = new Argument<string[]>("HEADER") { Description = "headers relative to --headers, e.g. grant_table.h io/netif.h", Arity = ArgumentArity.ZeroOrMore };
            var output = new Option<string?>("--output", "-o") { Description = "write the spec to this file instead of stdout" };
            var defines = new Option<string[]>("--define", "-D") { Description = "NAME[=VALUE] for the C preprocessor (repeatable), e.g. __XEN_TOOLS__", AllowMultipleArgumentsPerToken = false };
            var ns = new Option<string>("--namespace") { Description = "the spec's namespace (default: the curated specs', else Xen.Public)" };
            var libclang = new Option<string?>("--libclang") { Description = "path of the libclang shared library to use" };
            var version = new Option<string>("--interface-version") { Description = "the Xen interface version to compile at, e.g. 0x00040e00 (default: the headers' latest)", DefaultValueFactory = _ => "__XEN_LATEST_INTERFACE_VERSION__" };
            var all = new Option<bool>("--all") { Description = "every public header that compiles on its own with the defines given (arch-* come in through xen.h)" };
            var outDir = new Option<string?>("--out-dir") { Description = "write one spec per header into this folder (io/netif.h → io/netif.abi; arch-* → arch.abi)" };
            var curated = new Option<string[]>("--curated") { Description = "spec files or folders already declaring some names (hand-written specs): those are not imported again, and the import joins their namespace", AllowMultipleArgumentsPerToken = true };
            var onDemand = new Option<bool>("--on-demand") { Description = "mark the specs 'on_demand;': generated only for what a XenAbi.txt names" };
            var cmd = new Command("import", "Write one spec for x86_32, x86_64, arm32 and arm64 from Xen's C headers")
                { headersDir, names, output, outDir, defines, ns, libclang, all, version, curated, onDemand };
            cmd.SetAction(pr => Run(pr.GetValue(headersDir)!, pr.GetValue(names) ?? Array.Empty<string>(), pr.GetValue(output), pr.GetValue(outDir),
                pr.GetValue(defines) ?? Array.Empty<string>(), pr.GetResult(ns) == null ? null : pr.GetValue(ns)!, pr.GetValue(libclang), pr.GetValue(all),
                pr.GetValue(version)!, pr.GetValue(curated) ?? Array.Empty<string>(), pr.GetValue(onDemand)));
            return cmd;
        }

        private static int Run(string dir, string[] headers, string? output, string? outDir, string[] defines, string? ns, string? libclang, bool all,
            string version, string[] curated, bool onDemand)
        {
            if (headers.Length == 0 && !all) return Fail("name at least one header, e.g. 'evtchn-abi import grant_table.h', or give --all");
            if (headers.Length > 0 && all) return Fail("give headers or --all, not both");
            if (output != null && outDir != null) return Fail("give -o FILE or --out-dir DIR, not both");
            try
            {
                // Curated specs: their names are skipped, and the import takes their namespace (a set cannot refer across namespaces).
                var specs = SpecSources.FromPaths(curated, out string? specError);
                if (specError != null) return Fail(specError);
                var bad = specs.SelectMany(f => f.Diagnostics).FirstOrDefault(d => d.Severity == EvtchnAbiGen.Core.Diagnostics.SpecSeverity.Error);
                if (bad != null) return Fail($"{bad.Location.Path}({bad.Location.Line + 1},{bad.Location.Column + 1}): {bad.Id}: {bad.Message}");
                string? curatedNs = specs.Select(f => f.Namespace).FirstOrDefault(n => n != null);
                if (ns != null && curatedNs != null && ns != curatedNs)
                    return Fail($"--namespace {ns} differs from the curated specs' namespace {curatedNs}; a spec set cannot refer across namespaces");
                if (LibClangLoader.Load(libclang) is string loadError) return Fail(loadError);
                if (all)
                {
                    if (!Directory.Exists(dir)) return Fail($"header folder not found: {dir}");
                    headers = HeaderImporter.AllHeaders(dir, defines).ToArray();
                }
                var result = HeaderImporter.Import(new ImportOptions(dir, headers, defines, ns ?? curatedNs ?? "Xen.Public", version)
                    { Curated = specs, OnDemand = onDemand, Split = outDir != null });
                foreach (var p in result.Problems) Console.Error.WriteLine(p);
                if (outDir != null)
                {
                    foreach (var f in result.Files)
                    {
                        string path = Path.Combine(outDir, f.Path);
                        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                        File.WriteAllText(path, f.Text);
                    }
                }
                else if (output != null) File.WriteAllText(output, result.Spec);
                else Console.Out.Write(result.Spec);
                Console.Error.WriteLine($"evtchn-abi import: {result.Records} records, {result.Enums} enums, {result.Rings} rings, {result.Typedefs} typedefs, {result.Constants} constants" +
                    (outDir != null ? $" in {result.Files.Count} files" : "") +
                    (result.Skipped > 0 ? $"; {result.Skipped} name(s) the curated specs declare were skipped" : "") +
                    (result.Problems.Count > 0 ? $"; {result.Problems.Count} declaration(s) left out (above)" : ""));
                return 0;
            }
            catch (Exception ex) when (ex is VerifierSetupException or IOException or UnauthorizedAccessException)
            {
                return Fail(ex.Message);
            }
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("evtchn-abi import: " + message);
            return 2;
        }
    }
}
