using System.Collections.Immutable;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace EvtchnAbiGen.Analyzers
{
    /// <summary>EAG1002: a struct that lives in shared memory (generated with [SharedMemory]) copied by value
    /// out of a ref, a pointer, a ref return or a shared field, into a local, an argument, a return value, an
    /// assignment or a field initializer. The copy is a torn snapshot, and operations on it never reach the
    /// shared page. A fresh value (default, new) is not a copy.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SharedStructCopyAnalyzer : ContractAnalyzer
    {
        public static readonly DiagnosticDescriptor Rule = Descriptors.For(DiagnosticCatalog.SharedStructCopy);

        protected override DiagnosticDescriptor Descriptor => Rule;

        internal override void Register(CompilationStartAnalysisContext start, ContractSymbols contract)
        {
            start.RegisterOperationAction(c =>
            {
                var d = (IVariableDeclaratorOperation)c.Operation;
                if (d.Symbol.RefKind == RefKind.None && d.Initializer != null) Check(c, contract, d.Initializer.Value);
            }, OperationKind.VariableDeclarator);
            start.RegisterOperationAction(c =>
            {
                var a = (ISimpleAssignmentOperation)c.Operation;
                if (!a.IsRef) Check(c, contract, a.Value);
            }, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c =>
            {
                var a = (IArgumentOperation)c.Operation;
                if (a.Parameter?.RefKind == RefKind.None) Check(c, contract, a.Value);
            }, OperationKind.Argument);
            start.RegisterOperationAction(c =>
            {
                var r = (IReturnOperation)c.Operation;
                if (r.ReturnedValue != null && !ReturnsByRef(r, c.ContainingSymbol)) Check(c, contract, r.ReturnedValue);
            }, OperationKind.Return);
            start.RegisterOperationAction(c => Check(c, contract, ((IFieldInitializerOperation)c.Operation).Value), OperationKind.FieldInitializer);
        }

        private static void Check(OperationAnalysisContext context, ContractSymbols contract, IOperation value)
        {
            while (value is IConversionOperation conv) value = conv.Operand;
            if (!contract.IsSharedMemory(value.Type) || !SharedStorage.MayBeShared(value)) return;
            context.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), value.Syntax.ToString(), value.Type!.Name));
        }

        private static bool ReturnsByRef(IOperation op, ISymbol containing)
        {
            for (var p = op.Parent; p != null; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation f) return f.Symbol.ReturnsByRef || f.Symbol.ReturnsByRefReadonly;
                if (p is ILocalFunctionOperation l) return l.Symbol.ReturnsByRef || l.Symbol.ReturnsByRefReadonly;
            }
            return containing is IMethodSymbol m && (m.ReturnsByRef || m.ReturnsByRefReadonly);
        }
    }
}
