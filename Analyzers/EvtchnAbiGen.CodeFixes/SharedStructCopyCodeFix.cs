using System.Composition;
using System.Linq;
using System.Threading;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1002 on a local: 'T x = s;' becomes 'ref readonly T x = ref s;', or 'ref T x = ref s;' when the
    /// code writes through x or calls its operations (which were meant for the shared page, and on a copy never
    /// reached it). No fix when x is written but the source is read-only.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SharedStructCopyCodeFix)), Shared]
    public sealed class SharedStructCopyCodeFix : ReplaceNodeCodeFix<ExpressionSyntax>
    {
        protected override string DiagnosticId => DiagnosticIds.SharedStructCopy;

        protected override (string Title, SyntaxNode Old, SyntaxNode New)? Fix(Diagnostic d, ExpressionSyntax value, SemanticModel model, CancellationToken ct)
        {
            if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } init
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                || declaration.Parent is not LocalDeclarationStatementSyntax statement || statement.UsingKeyword != default)
                return null;
            if (model.GetDeclaredSymbol(declarator, ct) is not ILocalSymbol local) return null;
            bool mutated = IsMutated(statement.Parent, local, model, ct);
            if (mutated && IsReadOnly(model.GetOperation(value, ct))) return null;
            var type = declaration.Type;
            var refType = SyntaxFactory.RefType(SyntaxFactory.Token(SyntaxKind.RefKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                mutated ? default : SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space), type.WithoutTrivia());
            var refValue = SyntaxFactory.RefExpression(SyntaxFactory.Token(SyntaxKind.RefKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                value.WithoutLeadingTrivia()).WithLeadingTrivia(value.GetLeadingTrivia());
            var replacement = declaration.WithType(refType.WithTriviaFrom(type))
                .WithVariables(SyntaxFactory.SingletonSeparatedList(declarator.WithInitializer(init.WithValue(refValue))));
            return (mutated ? "Use 'ref'" : "Use 'ref readonly'", declaration, replacement);
        }

        /// <summary>The local is assigned, incremented, passed by ref/out, or has members written or called
        /// through it somewhere in its scope.</summary>
        private static bool IsMutated(SyntaxNode? scope, ILocalSymbol local, SemanticModel model, CancellationToken ct)
        {
            if (scope == null) return false;
            foreach (var id in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.ValueText != local.Name || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, ct).Symbol, local)) continue;
                // Climb the member-access and element-access chain rooted at the local.
                SyntaxNode node = id;
                while (node.Parent is MemberAccessExpressionSyntax m && m.Expression == node || node.Parent is ElementAccessExpressionSyntax e && e.Expression == node)
                    node = node.Parent;
                switch (node.Parent)
                {
                    case AssignmentExpressionSyntax a when a.Left == node:
                    case PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression):
                    case PostfixUnaryExpressionSyntax:
                    case ArgumentSyntax arg when !arg.RefKindKeyword.IsKind(SyntaxKind.None) && !arg.RefKindKeyword.IsKind(SyntaxKind.InKeyword):
                    case RefExpressionSyntax:
                        return true;
                    case InvocationExpressionSyntax call when call.Expression == node && node != id:
                        // A call through the local may write (the generated operations do); only a method known
                        // to be readonly is a plain read.
                        if (model.GetSymbolInfo(call, ct).Symbol is not IMethodSymbol { IsReadOnly: true }) return true;
                        break;
                }
            }
            return false;
        }

        private static bool IsReadOnly(IOperation? op) => op switch
        {
            Microsoft.CodeAnalysis.Operations.IParameterReferenceOperation p => p.Parameter.RefKind == RefKind.In || p.Parameter.RefKind == RefKind.RefReadOnlyParameter,
            Microsoft.CodeAnalysis.Operations.ILocalReferenceOperation l => l.Local.RefKind == RefKind.RefReadOnly,
            Microsoft.CodeAnalysis.Operations.IInvocationOperation i => i.TargetMethod.ReturnsByRefReadonly,
            Microsoft.CodeAnalysis.Operations.IPropertyReferenceOperation pr => pr.Property.ReturnsByRefReadonly,
            Microsoft.CodeAnalysis.Operations.IFieldReferenceOperation f => f.Field.IsReadOnly || IsReadOnly(f.Instance),
            Microsoft.CodeAnalysis.Operations.IInlineArrayAccessOperation ia => IsReadOnly(ia.Instance),
            _ => false,
        };
    }
}
