using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace EvtchnAbiGen.Core.Tests
{
    /// <summary>tests/summarize, on .trx files shaped as the trx logger writes them: a skipped test is a
    /// result with outcome NotExecuted while the notExecuted counter stays 0.</summary>
    public class SummarizeScriptTests
    {
        private static string Trx(params string[] outcomes)
        {
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\">\n  <Results>\n");
            for (int i = 0; i < outcomes.Length; i++)
                sb.Append($"    <UnitTestResult testName=\"T.Test{i}(x: 1)\" computerName=\"vm\" outcome=\"{outcomes[i]}\" testListId=\"l\" />\n");
            int passed = outcomes.Count(o => o == "Passed"), failed = outcomes.Count(o => o == "Failed");
            sb.Append($"  </Results>\n  <ResultSummary outcome=\"Completed\">\n    <Counters total=\"{outcomes.Length}\" executed=\"{passed + failed}\" passed=\"{passed}\" failed=\"{failed}\" ")
              .Append("error=\"0\" timeout=\"0\" aborted=\"0\" inconclusive=\"0\" notRunnable=\"0\" notExecuted=\"0\" />\n  </ResultSummary>\n</TestRun>\n");
            return sb.ToString();
        }

        private static (int code, string line) Summarize(params string[] trxFiles)
        {
            using var dir = new TestSupport.TempDir("evtchn-trx-");
            for (int i = 0; i < trxFiles.Length; i++) File.WriteAllText(Path.Combine(dir.Path, $"r{i}.trx"), trxFiles[i]);
            var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(TestSupport.TestPaths.RepoRoot, "tests", "summarize"));
            psi.ArgumentList.Add(dir.Path);
            using var p = Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Trim());
        }

        [Fact]
        public void Skipped_tests_are_counted_from_their_results()
        {
            var (code, line) = Summarize(Trx("Passed", "NotExecuted", "Passed"), Trx("NotExecuted", "Passed"));
            Assert.Equal("3 passed, 0 failed, 2 skipped", line);
            Assert.Equal(0, code);
        }

        [Fact]
        public void Without_skips_the_line_has_no_skipped_part_and_failures_exit_1()
        {
            Assert.Equal((0, "2 passed, 0 failed"), Summarize(Trx("Passed", "Passed")));
            Assert.Equal((1, "1 passed, 1 failed"), Summarize(Trx("Passed", "Failed")));
        }
    }
}
