using WsRm.Storage.Bench;

// dotnet run -c Release --project bench/WsRm.Storage.Bench -- [--provider postgres|sqlite] [--connection CS]
//     [--writers 1,16,64,256] [--seconds S] [--warmup S] [--max-group N]
//   Group commit throughput: each of N writers commits batches of one version-checked sequence update and one message
//   insert (about 600 bytes), each after the last one committed; prints batches/s, commits/s and batches per commit.
//   PostgreSQL: the server of --connection (or of WSRM_TEST_POSTGRES), else a throwaway cluster like the tests' on
//   loopback (fsync on). SQLite: a new file in the temporary directory.
try
{
    return await GroupCommitLoad.RunAsync(GroupCommitArgs.Parse(args));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: WsRm.Storage.Bench [--provider postgres|sqlite] [--connection CS] [--writers 1,16,64,256] [--seconds S] [--warmup S] [--max-group N]");
    return 2;
}
