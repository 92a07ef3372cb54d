using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using EvtchnAbiGen.Core.Contract;
using EvtchnAbiGen.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EvtchnAbiGen.CodeFixes
{
    /// <summary>EAG1005: 's.evtchn_pending[i]' read as a value becomes 's.evtchn_pending.ReadWord(i)'.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlainReadCodeFix)), Shared]
    public sealed class PlainReadCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.PlainRead);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null) return;
            foreach (var d in context.Diagnostics)
            {
                if (root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true) is not ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element)
                    continue;
                string title = $"Use {GeneratedContract.ReadWord}";
                context.RegisterCodeFix(CodeAction.Create(title, ct => Apply(context.Document, element, ct), nameof(PlainReadCodeFix)), d);
            }
        }

        private static async Task<Document> Apply(Document doc, ElementAccessExpressionSyntax element, CancellationToken ct)
        {
            var root = await doc.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var read = SyntaxFactory.ParseExpression($"{element.Expression}.{GeneratedContract.ReadWord}({element.ArgumentList.Arguments[0]})")
                .WithTriviaFrom(element);
            return doc.WithSyntaxRoot(root!.ReplaceNode(element, read));
        }
    }
}
