using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using EvtchnAbiGen.Inspect.Model;

namespace EvtchnAbiGen.Inspect.Reports
{
    /// <summary>The JSON of each view; docs/inspect.md documents the shape. Selector and ready words are hex
    /// strings (a 64-bit word does not survive a JSON number in JavaScript); port numbers are numbers.</summary>
    public static class InspectJson
    {
        public static string Write(BitmapReport r) => Document(w =>
        {
            Header(w, r.Levels == 3 ? "3l" : "shared-info", r.Abi, r.PortCount);
            w.WriteNumber("word_bits", r.WordBits);
            Ports(w, "pending", r.Pending);
            Ports(w, "masked", r.Masked);
            Vcpus(w, r.Vcpus, r.WordBits, threeLevel: r.Levels == 3);
            Problems(w, r.Problems);
        });

        public static string Write(FifoReport r) => Document(w =>
        {
            Header(w, "fifo", r.Abi, r.PortCount);
            w.WriteNumber("pages", r.Pages);
            Ports(w, "pending", r.Pending);
            Ports(w, "masked", r.Masked);
            Ports(w, "linked", r.Linked);
            w.WriteStartArray("vcpus");
            foreach (var v in r.Vcpus)
            {
                w.WriteStartObject();
                w.WriteNumber("vcpu", v.Vcpu);
                w.WriteString("ready", "0x" + v.Ready.ToString("x8"));
                Numbers(w, "ready_bits", v.ReadyBits);
                Ports(w, "heads", v.Heads);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("queues");
            foreach (var q in r.Queues)
            {
                w.WriteStartObject();
                w.WriteNumber("vcpu", q.Vcpu);
                w.WriteNumber("priority", q.Priority);
                w.WriteNumber("head", q.Head);
                Ports(w, "ports", q.Ports);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Problems(w, r.Problems);
        });

        private static string Document(Action<Utf8JsonWriter> body)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                body(w);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
        }

        private static void Header(Utf8JsonWriter w, string view, string abi, int ports)
        {
            w.WriteString("view", view);
            w.WriteString("abi", abi);
            w.WriteNumber("ports", ports);
        }

        private static void Vcpus(Utf8JsonWriter w, IEnumerable<SelectorVcpu> vcpus, int wordBits, bool threeLevel)
        {
            w.WriteStartArray("vcpus");
            foreach (var v in vcpus)
            {
                w.WriteStartObject();
                w.WriteNumber("vcpu", v.Vcpu);
                if (v.UpcallPending is byte u) w.WriteNumber("upcall_pending", u); else w.WriteNull("upcall_pending");
                if (v.Selector is ulong s)
                {
                    w.WriteString("selector", Bitmaps.Hex(s, wordBits));
                    Numbers(w, "selector_bits", v.SelectorBits);
                }
                else
                {
                    w.WriteNull("selector");
                    w.WriteNull("selector_bits");
                }
                if (threeLevel)
                {
                    if (v.L2Bits is { } l2) Numbers(w, "l2_bits", l2); else w.WriteNull("l2_bits");
                }
                Ports(w, "unselected", v.Unselected);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void Problems(Utf8JsonWriter w, IEnumerable<InspectProblem> problems)
        {
            w.WriteStartArray("problems");
            foreach (var p in problems)
            {
                w.WriteStartObject();
                w.WriteString("kind", p.Name);
                w.WriteString("severity", ProblemKinds.Name(p.Severity));
                if (p.Vcpu is int v) w.WriteNumber("vcpu", v);
                if (p.Priority is int pr) w.WriteNumber("priority", pr);
                if (p.Level is int l) w.WriteNumber("level", l);
                if (p.Bit is int b) w.WriteNumber("bit", b);
                if (p.Port is uint port) w.WriteNumber("port", port);
                if (p.Link is uint link) w.WriteNumber("link", link);
                if (p.Count is int c) w.WriteNumber("count", c);
                if (p.Ports is { } ports) Ports(w, "ports", ports);
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void Ports(Utf8JsonWriter w, string name, IEnumerable<uint> ports)
        {
            w.WriteStartArray(name);
            foreach (uint p in ports) w.WriteNumberValue(p);
            w.WriteEndArray();
        }

        private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<int> numbers)
        {
            w.WriteStartArray(name);
            foreach (int n in numbers) w.WriteNumberValue(n);
            w.WriteEndArray();
        }
    }
}
