using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using EvtchnAbiGen.Core.Diagnostics;

namespace EvtchnAbiGen.Verifier.Reports
{
    /// <summary>SARIF 2.1.0, one result per drift, located at the spec line so CI can annotate it.</summary>
    public static class SarifReport
    {
        /// <summary>The verifier's rules, straight from the diagnostic catalog.</summary>
        private static readonly DiagnosticInfo[] Rules =
            DiagnosticCatalog.All.Where(d => d.Category == DiagnosticCatalog.VerifyCategory).ToArray();

        public static string Write(VerifyReport report) => Write(new[] { new ReleaseReport(null, "", report) });

        /// <summary>One run for every header set; with labels, each finding's message starts with its release
        /// and its properties carry "release".</summary>
        public static string Write(IReadOnlyList<ReleaseReport> releases)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                w.WriteString("version", "2.1.0");
                w.WriteStartArray("runs");
                w.WriteStartObject();
                w.WriteStartObject("tool");
                w.WriteStartObject("driver");
                w.WriteString("name", "evtchn-abi verify");
                w.WriteString("informationUri", "https://xenbits.xen.org/docs/unstable/");
                w.WriteStartArray("rules");
                foreach (var rule in Rules)
                {
                    w.WriteStartObject();
                    w.WriteString("id", rule.Id);
                    w.WriteStartObject("shortDescription");
                    w.WriteString("text", rule.Title);
                    w.WriteEndObject();
                    w.WriteString("helpUri", rule.HelpLink);
                    w.WriteStartObject("defaultConfiguration");
                    w.WriteString("level", Level(rule.DefaultSeverity));
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                // Notes are information, not findings: SARIF's tool execution notifications.
                w.WriteStartArray("invocations");
                w.WriteStartObject();
                w.WriteBoolean("executionSuccessful", true);
                w.WriteStartArray("toolExecutionNotifications");
                foreach (var (release, note) in releases.SelectMany(r => r.Report.AllNotes.Select(n => (r, n))))
                {
                    w.WriteStartObject();
                    w.WriteString("level", "note");
                    w.WriteStartObject("message");
                    w.WriteString("text", Prefix(release) + note);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartArray("results");
                foreach (var (release, d) in releases.SelectMany(r => r.Report.AllDrifts.Select(d => (r, d))))
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", d.RuleId);
                    w.WriteNumber("ruleIndex", System.Array.FindIndex(Rules, r => r.Id == d.RuleId));
                    w.WriteString("level", Level(DiagnosticCatalog.Get(d.RuleId).DefaultSeverity));
                    w.WriteStartObject("message");
                    w.WriteString("text", Prefix(release) + d.Message);
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    w.WriteStartObject();
                    w.WriteStartObject("physicalLocation");
                    w.WriteStartObject("artifactLocation");
                    w.WriteString("uri", d.Spec.Path.Replace('\\', '/'));
                    w.WriteEndObject();
                    w.WriteStartObject("region");
                    w.WriteNumber("startLine", d.Spec.Line + 1);
                    w.WriteNumber("startColumn", d.Spec.Column + 1);
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteStartObject("properties");
                    if (release.Label != null) w.WriteString("release", release.Label);
                    w.WriteString("abi", d.Abi);
                    w.WriteString("expected", d.Expected);
                    w.WriteString("actual", d.Actual);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
        }

        private static string Prefix(ReleaseReport r) => r.Label == null ? "" : "[" + r.Label + "] ";

        private static string Level(SpecSeverity s) => s == SpecSeverity.Error ? "error" : s == SpecSeverity.Warning ? "warning" : "note";
    }
}
