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
    /// <summary>EAG1001: a plain write or read-modify-write (=, |=, ++ ...) of a field the spec marks shared or
    /// bitmap, reached through a ref, a pointer or a ref return. Xen or another vcpu updates the same word
    /// concurrently; the plain write loses its update. The message names the generated operation.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonAtomicWriteAnalyzer : ContractAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = Descriptors.For(DiagnosticCatalog.NonAtomicWrite);

        /// <summary>Properties for the code fix: which bit operation the write is, if it is one.</summary>
        public const string OperationProperty = "operation";

        /// <summary>Properties for the code fix: the bitmap's bits per word (the generated BitsPerWord).</summary>
        public const string BitsPerWordProperty = "bitsPerWord";

        protected override DiagnosticDescriptor Descriptor => Rule;

        internal override void Register(CompilationStartAnalysisContext start, ContractSymbols contract)
        {
            start.RegisterOperationAction(c => Analyze(c, contract),
                OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment,
                OperationKind.Increment, OperationKind.Decrement);
        }

        private static void Analyze(OperationAnalysisContext context, ContractSymbols contract)
        {
            IOperation target;
            string op;
            string? bitOp = null;
            switch (context.Operation)
            {
                case ISimpleAssignmentOperation a when !a.IsRef:
                    target = a.Target;
                    op = "=";
                    break;
                case ICompoundAssignmentOperation c:
                    target = c.Target;
                    op = OperatorText(c.OperatorKind) + "=";
                    bitOp = BitOperation(c);
                    break;
                case ICoalesceAssignmentOperation c:
                    target = c.Target;
                    op = "??=";
                    break;
                case IIncrementOrDecrementOperation i:
                    target = i.Target;
                    op = i.Kind == OperationKind.Increment ? "++" : "--";
                    break;
                default:
                    return;
            }

            bool element = false;
            while (target is IInlineArrayAccessOperation ia)
            {
                target = ia.Instance;
                element = true;
            }
            if (target is not IFieldReferenceOperation field) return;
            string? kind = contract.SharedKind(field.Field);
            if (kind == null || field.Instance == null || SharedStorage.IsPrivateCopy(field.Instance)) return;
            string use = kind == GeneratedContract.BitmapKind
                ? bitOp != null
                    ? $"{field.Field.Name}.{bitOp}(bit) (bit = word index × BitsPerWord + bit in the word)"
                    : $"{field.Field.Name}.{GeneratedContract.SetBit}/{GeneratedContract.ClearBit}/TestAndSetBit/TestAndClearBit per bit, or {field.Field.Name}.{GeneratedContract.ExchangeWord} for a whole word"
                : element
                    ? $"the element's {GeneratedContract.Write}, Exchange, CompareExchange, Or or And"
                    : $"{field.Field.Name}.{GeneratedContract.Write}, Exchange, CompareExchange, Or or And";
            var props = ImmutableDictionary<string, string?>.Empty;
            if (kind == GeneratedContract.BitmapKind && element && bitOp != null
                && field.Field.Type.GetMembers("BitsPerWord").OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue is int bits)
                props = props.Add(OperationProperty, bitOp).Add(BitsPerWordProperty, bits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), props, field.Field.Name, kind, op, use));
        }

        /// <summary>SetBit for 'w |= 1 &lt;&lt; b', ClearBit for 'w &amp;= ~(1 &lt;&lt; b)'; null for anything else.</summary>
        internal static string? BitOperation(ICompoundAssignmentOperation c)
        {
            if (c.OperatorKind == BinaryOperatorKind.Or && IsOneShifted(c.Value)) return GeneratedContract.SetBit;
            if (c.OperatorKind == BinaryOperatorKind.And && Strip(c.Value) is IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } n
                && IsOneShifted(n.Operand))
                return GeneratedContract.ClearBit;
            return null;
        }

        private static bool IsOneShifted(IOperation v)
            => Strip(v) is IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift } s
               && Strip(s.LeftOperand).ConstantValue is { HasValue: true, Value: { } one } && System.Convert.ToUInt64(one) == 1;

        private static IOperation Strip(IOperation v)
        {
            while (v is IConversionOperation c) v = c.Operand;
            return v;
        }

        private static string OperatorText(BinaryOperatorKind kind) => kind switch
        {
            BinaryOperatorKind.Add => "+",
            BinaryOperatorKind.Subtract => "-",
            BinaryOperatorKind.Or => "|",
            BinaryOperatorKind.And => "&",
            BinaryOperatorKind.ExclusiveOr => "^",
            BinaryOperatorKind.LeftShift => "<<",
            BinaryOperatorKind.RightShift => ">>",
            BinaryOperatorKind.Multiply => "*",
            _ => "op",
        };
    }
}
