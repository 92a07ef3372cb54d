using System.Collections.Immutable;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>EAG1005: a plain read of a bitmap word in shared memory ('s.evtchn_pending[i]' used as a value).
    /// The JIT may hoist a plain load out of a polling loop; the generated ReadWord is a volatile read.
    /// Writes are EAG1001's; 'ref s.evtchn_pending[i]' (e.g. for Interlocked) is not a read.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PlainReadAnalyzer : ContractAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = Descriptors.For(DiagnosticCatalog.PlainRead);

        protected override DiagnosticDescriptor Descriptor => Rule;

        internal override void Register(CompilationStartAnalysisContext start, ContractSymbols contract)
        {
            start.RegisterOperationAction(c => Analyze(c, contract), OperationKind.InlineArrayAccess);
        }

        private static void Analyze(OperationAnalysisContext context, ContractSymbols contract)
        {
            var access = (IInlineArrayAccessOperation)context.Operation;
            if (access.Instance is not IFieldReferenceOperation field || contract.SharedKind(field.Field) != GeneratedContract.BitmapKind) return;
            if (field.Instance == null || SharedStorage.IsPrivateCopy(field.Instance) || !IsPlainRead(access)) return;
            context.ReportDiagnostic(Diagnostic.Create(Rule, access.Syntax.GetLocation(),
                field.Syntax.ToString(), access.Argument.Syntax.ToString(), GeneratedContract.ReadWord));
        }

        private static bool IsPlainRead(IOperation op) => op.Parent switch
        {
            ISimpleAssignmentOperation a => a.Value == op && !a.IsRef,
            ICompoundAssignmentOperation c => c.Value == op,
            IIncrementOrDecrementOperation => false,
            IArgumentOperation a => a.Parameter?.RefKind is RefKind.None or RefKind.In,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation d } => d.Symbol.RefKind == RefKind.None,
            IReturnOperation r => !(r.SemanticModel?.GetEnclosingSymbol(r.Syntax.SpanStart) is IMethodSymbol { ReturnsByRef: true }),
            IInlineArrayAccessOperation or IFieldReferenceOperation or IInvocationOperation => false,
            _ => true,
        };
    }
}
