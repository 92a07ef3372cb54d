using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>EAG1001: a plain write (=, +=, ++ ...) to a field the spec marks <c>shared</c> or <c>bitmap</c>,
    /// reached through a reference or pointer (so probably mapped shared memory). Xen or another vcpu
    /// can update the same word at the same time; a plain read-modify-write loses its update.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SharedMemoryWriteAnalyzer : DiagnosticAnalyzer
    {
        public const string Id = "EAG1001";
        private const string AttributeName = "SharedWordAttribute";
        private const string AttributeNamespace = "EvtchnAbiGen";

        public static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            Id,
            "Plain write to shared ABI memory",
            "'{0}' is a shared-memory {1}: a plain '{2}' can race with Xen or another vcpu and lose an update; " +
            "use Interlocked.Or/And/Exchange/CompareExchange or Volatile.Write on it instead",
            "EvtchnAbiGen.Usage",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Fields marked 'shared' or 'bitmap' in an EvtchnAbiGen spec live in memory that Xen writes concurrently.",
            helpLinkUri: "docs/diagnostics.md#eag1001");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterOperationAction(Analyze,
                OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment,
                OperationKind.Increment, OperationKind.Decrement);
        }

        private static void Analyze(OperationAnalysisContext context)
        {
            IOperation target;
            string op;
            switch (context.Operation)
            {
                case ISimpleAssignmentOperation a when !a.IsRef:
                    target = a.Target;
                    op = "=";
                    break;
                case ICompoundAssignmentOperation c:
                    target = c.Target;
                    op = OperatorText(c.OperatorKind) + "=";
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

            // s.bitmap[i] = x: the element's container is the shared field.
            while (target is IInlineArrayAccessOperation ia) target = ia.Instance;
            if (target is not IFieldReferenceOperation field) return;
            string? kind = SharedKind(field.Field);
            if (kind == null || IsLocalCopy(field.Instance)) return;
            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), field.Field.Name, kind, op));
        }

        private static string? SharedKind(IFieldSymbol field)
        {
            foreach (var a in field.GetAttributes())
            {
                var c = a.AttributeClass;
                if (c?.Name == AttributeName && c.ContainingNamespace?.ToDisplayString() == AttributeNamespace)
                    return a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string k && k == "bitmap" ? "bitmap" : "word";
            }
            return null;
        }

        /// <summary>True when the struct is a plain local or by-value parameter: a private copy, not shared memory.</summary>
        private static bool IsLocalCopy(IOperation? instance)
        {
            while (true)
            {
                switch (instance)
                {
                    case IFieldReferenceOperation f when f.Field.Type.IsValueType:
                        instance = f.Instance;
                        continue;
                    case IInlineArrayAccessOperation ia:
                        instance = ia.Instance;
                        continue;
                    case ILocalReferenceOperation l:
                        return l.Local.RefKind == RefKind.None;
                    case IParameterReferenceOperation p:
                        return p.Parameter.RefKind == RefKind.None;
                    default:
                        return false; // ref returns, pointers, this, class fields, arrays: may be shared
                }
            }
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
