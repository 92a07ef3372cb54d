using System;
using System.Text;

namespace EvtchnAbiGen.Core.Emit
{
    /// <summary>A small indented text writer for emitting C# (the Roslyn cookbook's advice: text, not
    /// SyntaxNodes + NormalizeWhitespace).</summary>
    public sealed class IndentedWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private int _indent;

        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
            _sb.Append('\n');
            return this;
        }

        public IDisposable Block(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return new Closer(this);
        }

        public IndentedWriter Doc(string? summary, string? remarks = null)
        {
            if (!string.IsNullOrEmpty(summary))
            {
                Line("/// <summary>");
                foreach (var l in summary!.Split('\n')) Line("/// " + Xml(l));
                Line("/// </summary>");
            }
            if (!string.IsNullOrEmpty(remarks)) Line("/// <remarks>" + Xml(remarks!) + "</remarks>");
            return this;
        }

        public override string ToString() => _sb.ToString();

        private static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private sealed class Closer : IDisposable
        {
            private readonly IndentedWriter _w;

            public Closer(IndentedWriter w) => _w = w;

            public void Dispose()
            {
                _w._indent--;
                _w.Line("}");
            }
        }
    }
}
