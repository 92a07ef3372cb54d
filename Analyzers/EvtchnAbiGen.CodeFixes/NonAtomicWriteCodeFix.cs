using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using EvtchnAbiGen.Analyzers;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1001: 'bitmap[i] |= 1UL &lt;&lt; b' becomes 'bitmap.SetBit(i * W + b)', and
    /// 'bitmap[i] &amp;= ~(1UL &lt;&lt; b)' becomes 'bitmap.ClearBit(i * W + b)' (W = the bitmap's BitsPerWord).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonAtomicWriteCodeFix)), Shared]
    public sealed class NonAtomicWriteCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.NonAtomicWrite);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (var d in context.Diagnostics)
            {
                if (!d.Properties.TryGetValue(NonAtomicWriteAnalyzer.OperationProperty, out var op) || op == null) continue;
                if (root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax a) continue;
                if (a.Left is not ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element) continue;
                if (!d.Properties.TryGetValue(NonAtomicWriteAnalyzer.BitsPerWordProperty, out var bits) || !int.TryParse(bits, out int w)) continue;
                var shift = Shift(a.Right);
                if (shift == null) continue;
                string title = $"Use {op}";
                context.RegisterCodeFix(CodeAction.Create(title, ct => Apply(context.Document, a, element, shift, op, w, ct), nameof(NonAtomicWriteCodeFix)), d);
            }
        }

        /// <summary>The 'b' of '1 &lt;&lt; b' or '~(1 &lt;&lt; b)'.</summary>
        private static ExpressionSyntax? Shift(ExpressionSyntax right)
        {
            right = Unwrap(right);
            if (right is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression } not) right = Unwrap(not.Operand);
            return right is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LeftShiftExpression } s ? s.Right : null;
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            return e;
        }

        private static async Task<Document> Apply(Document doc, AssignmentExpressionSyntax a, ElementAccessExpressionSyntax element,
            ExpressionSyntax bit, string op, int bitsPerWord, CancellationToken ct)
        {
            var root = await doc.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            string index = Simple(element.ArgumentList.Arguments[0].Expression);
            string text = $"{element.Expression}.{op}({index} * {bitsPerWord} + {Simple(bit)})";
            var call = SyntaxFactory.ParseExpression(text).WithTriviaFrom(a);
            return doc.WithSyntaxRoot(root!.ReplaceNode(a, call));
        }

        private static string Simple(ExpressionSyntax e)
            => e is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax
                ? e.ToString() : "(" + e + ")";
    }
}
