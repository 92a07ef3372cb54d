using System.Collections.Generic;
using System.Threading;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Core.Spec;

namespace EvtchnAbiGen.Core.Layout
{
    /// <summary>What the resolver's parts share for one ABI: the target, the diagnostics sink, cancellation,
    /// and the parts themselves (which call one another: sizeof needs types, arrays need constants, record
    /// fields need records).</summary>
    internal sealed class AbiContext
    {
        public AbiContext(AbiTarget target, List<SpecDiagnostic> diagnostics, CancellationToken ct)
        {
            Target = target;
            Diagnostics = diagnostics;
            Cancellation = ct;
            Declarations = new Declarations(this);
            Constants = new ConstantEvaluator(this);
            Types = new TypeResolver(this);
            Records = new RecordLayouter(this);
            Words = new WordLayouter(this);
            Enums = new EnumLayouter(this);
            Bitfields = new BitfieldLayouter(this);
        }

        public AbiTarget Target { get; }
        public List<SpecDiagnostic> Diagnostics { get; }
        public CancellationToken Cancellation { get; }

        public Declarations Declarations { get; }
        public ConstantEvaluator Constants { get; }
        public TypeResolver Types { get; }
        public RecordLayouter Records { get; }
        public WordLayouter Words { get; }
        public EnumLayouter Enums { get; }
        public BitfieldLayouter Bitfields { get; }

        /// <summary>A diagnostic about the spec text, the same on every ABI.</summary>
        public void Error(string id, SpecLocation loc, string message) => Diagnostics.Add(new SpecDiagnostic(id, message, loc));

        /// <summary>A diagnostic that depends on the layout, so holds on this ABI.</summary>
        public void Report(SpecDiagnostic d) => Diagnostics.Add(d.On(new[] { Target.Name }));

        public static string Num(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static string Kind(bool isUnion) => isUnion ? "union" : "struct";

        public static long AlignUp(long v, int a) => (v + a - 1) / a * a;
    }
}
