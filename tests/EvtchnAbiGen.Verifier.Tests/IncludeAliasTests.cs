using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvtchnAbiGen.TestSupport;
using Xunit;

namespace EvtchnAbiGen.Verifier.Tests
{
    /// <summary>A header folder not named 'xen' is reached through an alias folder in the temp directory:
    /// one per header path, reused by later runs rather than left behind by each.</summary>
    public class IncludeAliasTests
    {
        /// <summary>The alias folders whose 'xen' link points at <paramref name="headers"/>.</summary>
        private static List<string> AliasesOf(string headers)
            => Directory.GetDirectories(Path.GetTempPath(), "evtchnabigen-include-*")
                .Where(d => new FileInfo(Path.Combine(d, "xen")).LinkTarget == headers)
                .OrderBy(d => d, StringComparer.Ordinal).ToList();

        /// <summary>A folder named 'headers' that is Xen's header folder, through a symlink.</summary>
        private static string HeadersNotNamedXen(string tempRoot)
        {
            Assert.True(File.Exists(Path.Combine(Fixture.SystemHeaders, "event_channel.h")), "libxen-dev is not installed (scripts/install-deps)");
            string headers = Path.Combine(tempRoot, "headers");
            Directory.CreateSymbolicLink(headers, Fixture.SystemHeaders);
            return headers;
        }

        /// <summary>The alias folders a test made (they live outside its TempDir).</summary>
        private static void DeleteAliases(string headers, string? alias = null)
        {
            var aliases = AliasesOf(headers);
            if (alias != null && Directory.Exists(alias) && !aliases.Contains(alias)) aliases.Add(alias);
            foreach (var a in aliases) Directory.Delete(a, recursive: true);
        }

        [Fact]
        public void Separate_verify_runs_reuse_one_alias_folder()
        {
            using var temp = new TempDir("evtchn-alias-");
            string headers = HeadersNotNamedXen(temp.Path);
            try
            {
                var (code, stdout, stderr) = Fixture.Cli("verify", "--headers", headers, "--abi", "x86_64");
                Assert.True(code == 0, stderr + stdout);
                var afterFirst = AliasesOf(headers);
                Assert.Single(afterFirst);

                (code, stdout, stderr) = Fixture.Cli("verify", "--headers", headers, "--abi", "x86_64");
                Assert.True(code == 0, stderr + stdout);
                Assert.Equal(afterFirst, AliasesOf(headers));
            }
            finally
            {
                DeleteAliases(headers);
            }
        }

        [Fact]
        public void A_stale_alias_link_is_replaced()
        {
            using var temp = new TempDir("evtchn-alias-");
            string headers = HeadersNotNamedXen(temp.Path);
            string? root = null;
            try
            {
                root = HeaderSet.ForXenDirectory(headers, HeaderSet.BuiltInExtras()).IncludeRoot;
                string link = Path.Combine(root, "xen");
                File.Delete(link);
                Directory.CreateSymbolicLink(link, Path.Combine(temp.Path, "gone"));

                Assert.Equal(root, HeaderSet.ForXenDirectory(headers, HeaderSet.BuiltInExtras()).IncludeRoot);
                Assert.Equal(headers, new FileInfo(link).LinkTarget);
                Assert.True(File.Exists(Path.Combine(root, "xen", "event_channel.h")));
            }
            finally
            {
                DeleteAliases(headers, root);
            }
        }
    }
}
