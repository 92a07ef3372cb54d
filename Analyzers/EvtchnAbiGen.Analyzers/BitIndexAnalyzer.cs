using System.Collections.Immutable;
using System.Globalization;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>EAG1003: a constant bit index (port) outside the bitmap, on any generated bit operation,
    /// checked or unchecked. The capacity is the one the generator wrote for that ABI (4096 bits for the
    /// x86_64 2-level bitmap, 1024 for x86_32), so the error names both.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BitIndexAnalyzer : ContractAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = Descriptors.For(DiagnosticCatalog.BitIndexOutOfRange);

        protected override DiagnosticDescriptor Descriptor => Rule;

        internal override void Register(CompilationStartAnalysisContext start, ContractSymbols contract)
        {
            start.RegisterOperationAction(c =>
            {
                var a = (IArgumentOperation)c.Operation;
                if (a.Parameter == null || contract.BitIndex(a.Parameter) is not { } cap) return;
                if (a.Value.ConstantValue is not { HasValue: true, Value: int bit } || (bit >= 0 && bit < cap.BitCount)) return;
                c.ReportDiagnostic(Diagnostic.Create(Rule, a.Value.Syntax.GetLocation(), Str(bit), cap.Bitmap, cap.Abi,
                    Str(cap.BitCount), Str(cap.BitCount - 1)));
            }, OperationKind.Argument);
        }

        private static string Str(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
