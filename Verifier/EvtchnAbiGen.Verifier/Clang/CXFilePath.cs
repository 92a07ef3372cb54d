namespace EvtchnAbiGen.Clang
{
    internal static class CXFilePath
    {
        /// <summary>A file's path, normalised: a header first reached as "hvm/../event_channel.h" must compare equal
        /// to "event_channel.h" (include guards make the first spelling the only one). "" for no file.</summary>
        public static string Of(CXFile file)
            => file.Handle == System.IntPtr.Zero ? "" : System.IO.Path.GetFullPath(clang.getFileName(file).Take());
    }
}
