using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EvtchnAbiGen.Verifier.Reports
{
    /// <summary>Machine-readable report (shape documented in docs/verifier.md).</summary>
    public static class JsonReport
    {
        public static string Write(VerifyReport report) => Write(new[] { new ReleaseReport(null, "", report) });

        /// <summary>One header set without a label: the report object. Several, or a label: {"clean", "releases": [...]},
        /// each report object with its "release" and "headers".</summary>
        public static string Write(IReadOnlyList<ReleaseReport> releases)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
            {
                if (releases.Count == 1 && releases[0].Label == null)
                {
                    WriteReport(w, releases[0]);
                }
                else
                {
                    w.WriteStartObject();
                    w.WriteBoolean("clean", releases.All(r => r.Report.Clean));
                    w.WriteStartArray("releases");
                    foreach (var r in releases) WriteReport(w, r);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }
            return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
        }

        private static void WriteReport(Utf8JsonWriter w, ReleaseReport release)
        {
            var report = release.Report;
            {
                w.WriteStartObject();
                if (release.Label != null)
                {
                    w.WriteString("release", release.Label);
                    w.WriteString("headers", release.HeadersDir);
                }
                w.WriteBoolean("clean", report.Clean);
                w.WriteString("clang", report.ClangVersion);
                w.WriteStartArray("notes");
                foreach (var note in report.AllNotes) w.WriteStringValue(note);
                w.WriteEndArray();
                w.WriteStartArray("abis");
                foreach (var a in report.Abis)
                {
                    w.WriteStartObject();
                    w.WriteString("name", a.Target.Name);
                    w.WriteString("triple", a.Target.ClangTriple);
                    w.WriteStartArray("structs");
                    foreach (var s in a.Structs)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", s);
                        w.WriteBoolean("ok", !a.Drifts.Any(d => d.Struct == s));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("drifts");
                    foreach (var d in a.Drifts) WriteDrift(w, d);
                    w.WriteEndArray();
                    // Not failures: newer than these headers ("newer") or listed in a baseline ("known").
                    w.WriteStartArray("excused");
                    foreach (var d in a.AllExcused) WriteDrift(w, d);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
        }

        private static void WriteDrift(Utf8JsonWriter w, Drift d)
        {
            w.WriteStartObject();
            w.WriteString("rule", d.RuleId);
            w.WriteString("kind", d.Kind.ToString());
            if (d.Status != DriftStatus.Drift) w.WriteString("status", d.Status == DriftStatus.Newer ? "newer" : "known");
            if (d.Struct != null) w.WriteString("struct", d.Struct);
            if (d.Field != null) w.WriteString("field", d.Field);
            if (d.Constant != null) w.WriteString("constant", d.Constant);
            w.WriteString("expected", d.Expected);
            w.WriteString("actual", d.Actual);
            w.WriteStartObject("spec");
            w.WriteString("file", d.Spec.Path);
            w.WriteNumber("line", d.Spec.Line + 1);
            w.WriteNumber("column", d.Spec.Column + 1);
            w.WriteEndObject();
            if (!string.IsNullOrEmpty(d.CFile))
            {
                w.WriteStartObject("c");
                w.WriteString("file", d.CFile);
                w.WriteNumber("line", d.CLine);
                w.WriteEndObject();
            }
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
    }
}
