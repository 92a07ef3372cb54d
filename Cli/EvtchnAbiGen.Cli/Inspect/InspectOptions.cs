using System.CommandLine;
using EvtchnAbiGen.Core.Layout;

namespace EvtchnAbiGen.Cli.Inspect
{
    /// <summary>The options the inspect subcommands share, and the one way they get a layout: the built-in
    /// specs through <see cref="CommonArguments.Layout"/>, as 'layout' and 'verify' do.</summary>
    internal static class InspectOptions
    {
        public static Option<string> Abi(bool required, string? defaultAbi = null)
        {
            var abi = new Option<string>("--abi") { Description = "the guest's ABI: x86_32, x86_64, arm32 or arm64", Required = required };
            if (defaultAbi != null) abi.DefaultValueFactory = _ => defaultAbi;
            abi.AcceptOnlyFromAmong("x86_32", "x86_64", "arm32", "arm64");
            return abi;
        }

        public static Option<string> Format()
        {
            var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json");
            return format;
        }

        public static Option<int?> Vcpus(string description) => AtLeast(new Option<int?>("--vcpus") { Description = description, HelpName = "N" }, 1);

        public static Option<int> Offset(string name, string description)
            => AtLeast(new Option<int>(name) { Description = description, DefaultValueFactory = _ => 0, HelpName = "N" }, 0);

        public static Option<int?> Stride(string name, string description) => AtLeast(new Option<int?>(name) { Description = description, HelpName = "N" }, 1);

        public static Option<string> File(string name, string description, bool required)
            => new Option<string>(name) { Description = description, Required = required, HelpName = "FILE" };

        /// <summary>The layout of the built-in specs for one ABI.</summary>
        public static AbiLayout Layout(string abi)
        {
            var result = CommonArguments.Layout(abi, System.Array.Empty<string>(), out var error);
            if (result == null) throw new InspectUsageException(error!);
            if (result.HasErrors) throw new InspectUsageException("the built-in specs have errors (above)");
            return result.Find(abi)!;
        }

        private static Option<T> AtLeast<T>(Option<T> option, int min)
        {
            option.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<T>();
                if (value is int n && n < min) r.AddError($"{option.Name} is {n}; it must be at least {min}");
            });
            return option;
        }
    }
}
