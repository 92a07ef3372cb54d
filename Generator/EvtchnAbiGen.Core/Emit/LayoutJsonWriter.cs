using System.Collections.Generic;
using System.Globalization;
using System.Text;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Core.Emit
{
    /// <summary>Writes the layout JSON documented in docs/layout-json.md:
    /// {"abis":[{"name","structs":[{"name","size","align"[,"ring"],"fields":[{"name","offset","size"[,"bitOffset","bitWidth"]}]}],"constants":[{"name","value"}]}]}.</summary>
    public static class LayoutJsonWriter
    {
        public static string Write(IEnumerable<AbiLayout> abis)
        {
            var sb = new StringBuilder();
            sb.Append("{\"abis\":[");
            bool firstAbi = true;
            foreach (var abi in abis)
            {
                if (!firstAbi) sb.Append(',');
                firstAbi = false;
                sb.Append("\n  {\"name\":").Append(Str(abi.Target.Name)).Append(",\"structs\":[");
                bool firstStruct = true;
                foreach (var r in abi.Records)
                {
                    if (!firstStruct) sb.Append(',');
                    firstStruct = false;
                    sb.Append("\n    {\"name\":").Append(Str(r.Name))
                      .Append(",\"size\":").Append(Num(r.Size))
                      .Append(",\"align\":").Append(Num(r.Align));
                    if (r.Ring != null) sb.Append(",\"ring\":").Append(Str(r.Ring));
                    sb.Append(",\"fields\":[");
                    bool firstField = true;
                    foreach (var p in FieldPaths.Flatten(abi, r))
                    {
                        if (!firstField) sb.Append(',');
                        firstField = false;
                        sb.Append("\n      {\"name\":").Append(Str(p.Path))
                          .Append(",\"offset\":").Append(Num(p.Offset))
                          .Append(",\"size\":").Append(Num(p.Size));
                        if (p.Field.Bitfield is { } bf)
                            sb.Append(",\"bitOffset\":").Append(Num(p.BitOffset)).Append(",\"bitWidth\":").Append(Num(bf.Width));
                        sb.Append('}');
                    }
                    sb.Append("]}");
                }
                sb.Append("],\"constants\":[");
                bool firstConst = true;
                foreach (var c in abi.Constants)
                {
                    if (!firstConst) sb.Append(',');
                    firstConst = false;
                    sb.Append("\n    {\"name\":").Append(Str(c.Name)).Append(",\"value\":").Append(Num(c.Value)).Append('}');
                }
                sb.Append("]}");
            }
            sb.Append("\n]}\n");
            return sb.ToString();
        }

        private static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);

        private static string Str(string s)
        {
            var sb = new StringBuilder("\"");
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    default:
                        if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }
    }
}
