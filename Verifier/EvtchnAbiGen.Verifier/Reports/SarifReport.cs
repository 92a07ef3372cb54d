using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EvtchnAbiGen.Verifier.Reports
{
    /// <summary>SARIF 2.1.0, one result per drift, located at the spec line so CI can annotate it.</summary>
    public static class SarifReport
    {
        private static readonly (string Id, string Text)[] Rules =
        {
            ("EAG2001", "Struct size or alignment differs from the C headers"),
            ("EAG2002", "Field offset or size differs from the C headers"),
            ("EAG2003", "Field present in the C headers but missing from the spec"),
            ("EAG2004", "Field present in the spec but missing from the C headers"),
            ("EAG2005", "Struct not defined by the C headers"),
            ("EAG2006", "Constant value differs from the C headers"),
            ("EAG2007", "Constant not defined by the C headers"),
        };

        public static string Write(VerifyReport report)
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
                foreach (var (id, text) in Rules)
                {
                    w.WriteStartObject();
                    w.WriteString("id", id);
                    w.WriteStartObject("shortDescription");
                    w.WriteString("text", text);
                    w.WriteEndObject();
                    w.WriteStartObject("defaultConfiguration");
                    w.WriteString("level", "error");
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("results");
                foreach (var d in report.AllDrifts)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", d.RuleId);
                    w.WriteNumber("ruleIndex", Rules.Select(r => r.Id).ToList().IndexOf(d.RuleId));
                    w.WriteString("level", "error");
                    w.WriteStartObject("message");
                    w.WriteString("text", d.Message);
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
    }
}
