using WsRm.Storage.Bench;

// dotnet run -c Release --project bench/WsRm.Storage.Bench -- [--provider postgres|sqlite] [--connection CS]
//     [--writers 1,16,64,256] [--seconds S] [--warmup S] [--max-group N] [--refresh-activity]
//   Group commit throughput: each of N writers commits batches of one version-checked sequence update and one message
//   insert (about 600 bytes), each after the last one committed; prints batches/s, commits/s and batches per commit.
//   The update keeps the sequence's last activity as read (a server persists it now and then, not per message), or
//   with --refresh-activity changes it in every batch.
//   PostgreSQL: the server of --connection (or of WSRM_TEST_POSTGRES), else a throwaway cluster like the tests' on
//   loopback (fsync on). SQLite: a new file in the temporary directory.
try
{
    return await GroupCommitLoad.RunAsync(GroupCommitArgs.Parse(args));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: WsRm.Storage.Bench [--provider postgres|sqlite] [--connection CS] [--writers 1,16,64,256] [--seconds S] [--warmup S] [--max-group N] [--refresh-activity]");
    return 2;
}
