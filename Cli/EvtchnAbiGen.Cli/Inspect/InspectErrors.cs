using System;
using System.IO;
using EvtchnAbiGen.Core.Diagnostics;
using EvtchnAbiGen.Inspect;
using EvtchnAbiGen.Inspect.Geometry;

namespace EvtchnAbiGen.Cli.Inspect
{
    /// <summary>A file the inspector cannot use: one catalog diagnostic (EAG3001 wrong size, EAG3002 unreadable).</summary>
    internal sealed class InspectFileException : Exception
    {
        public InspectFileException(DiagnosticInfo info, params string[] args) : base(info.Format(args)) => Info = info;

        public DiagnosticInfo Info { get; }
    }

    /// <summary>A usage error the parser cannot see (it depends on the ABI's layout), e.g. --vcpus beyond
    /// the vcpu_info slots.</summary>
    internal sealed class InspectUsageException : Exception
    {
        public InspectUsageException(string message) : base(message) { }
    }

    /// <summary>Runs a subcommand and turns every expected failure into one line on stderr and exit 2.</summary>
    internal static class InspectErrors
    {
        public static int Guard(Func<int> run)
        {
            try
            {
                return run();
            }
            catch (InspectFileException ex)
            {
                return Fail($"error {ex.Info.Id}: {ex.Message}");
            }
            catch (InputSizeException ex)
            {
                return Fail($"error {DiagnosticIds.InspectFileSize}: {ex.Message}");
            }
            catch (Exception ex) when (ex is InspectUsageException or InspectLayoutException or ArgumentException)
            {
                return Fail(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail($"error {DiagnosticIds.InspectFileUnreadable}: {ex.Message}");
            }
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("evtchn-abi inspect: " + message);
            return 2;
        }
    }
}
