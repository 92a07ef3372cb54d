using System.Collections.Immutable;
using System.Linq;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>EAG1004: a raw clear of a bit the spec marks guarded(G) (FIFO MASKED, guarded by BUSY): the
    /// complement of its mask written with Write, Exchange, Interlocked.And/Exchange, Volatile.Write or '&amp;=',
    /// or with a CompareExchange that never looks at the guard. Such a clear can land while Xen holds the guard
    /// and make its set_link give up. The generated Clear method waits for the guard.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnguardedClearAnalyzer : ContractAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = Descriptors.For(DiagnosticCatalog.UnguardedClear);

        /// <summary>Properties for the code fix: the guarded clear method to call.</summary>
        public const string ClearProperty = "clear";

        protected override DiagnosticDescriptor Descriptor => Rule;

        internal override void Register(CompilationStartAnalysisContext start, ContractSymbols contract)
        {
            var interlocked = start.Compilation.GetTypeByMetadataName("System.Threading.Interlocked");
            var volatileType = start.Compilation.GetTypeByMetadataName("System.Threading.Volatile");
            start.RegisterOperationAction(c => Analyze(c, contract, interlocked, volatileType), OperationKind.Unary);
        }

        private static void Analyze(OperationAnalysisContext context, ContractSymbols contract, INamedTypeSymbol? interlocked, INamedTypeSymbol? volatileType)
        {
            var not = (IUnaryOperation)context.Operation;
            if (not.OperatorKind != UnaryOperatorKind.BitwiseNegation) return;
            var operand = not.Operand;
            while (operand is IConversionOperation conv) operand = conv.Operand;
            if (operand is not IFieldReferenceOperation { Field: { IsConst: true } mask } || contract.GuardedBit(mask) is not { } guarded) return;

            // Follow the value up to where it is written, through '&', conversions and parentheses.
            IOperation node = not;
            while (node.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.And } or IConversionOperation or IParenthesizedOperation)
                node = node.Parent;
            IOperation? site = null;
            switch (node.Parent)
            {
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And } ca:
                    site = ca;
                    break;
                case IArgumentOperation { Parameter: { } p, Parent: IInvocationOperation call } when p.Name == "value":
                    var type = call.TargetMethod.ContainingType;
                    bool wordWrite = contract.IsSharedMemory(type) || SymbolEqualityComparer.Default.Equals(type, interlocked)
                        || SymbolEqualityComparer.Default.Equals(type, volatileType);
                    if (!wordWrite) return;
                    // A compare-exchange loop that clears the guard from its comparand honours the guard.
                    if (call.TargetMethod.Name == "CompareExchange" && MentionsGuard(call, mask, guarded.Guard)) return;
                    site = call;
                    break;
            }
            if (site == null) return;
            var props = ImmutableDictionary<string, string?>.Empty.Add(ClearProperty, guarded.Clear);
            context.ReportDiagnostic(Diagnostic.Create(Rule, site.Syntax.GetLocation(), props, guarded.Bit, mask.ContainingType.Name, guarded.Guard, guarded.Clear));
        }

        /// <summary>True when the enclosing body uses the guard's mask constant (e.g. expected = w &amp; ~BUSY_Mask).</summary>
        private static bool MentionsGuard(IOperation op, IFieldSymbol mask, string guard)
        {
            var guardMask = mask.ContainingType.GetMembers(GeneratedContract.MaskConstant(guard)).OfType<IFieldSymbol>().FirstOrDefault();
            if (guardMask == null) return false;
            var root = op;
            while (root.Parent != null) root = root.Parent;
            return root.Descendants().OfType<IFieldReferenceOperation>().Any(f => SymbolEqualityComparer.Default.Equals(f.Field, guardMask));
        }
    }
}
