namespace WsRm.Samples.Tests.Programs;

/// <summary>A new directory under the system's temporary directory, deleted with everything in it on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates one named <paramref name="prefix"/> and a random suffix.</summary>
    public ScratchDirectory(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the system cleans its temporary directory.
        }
    }
}
