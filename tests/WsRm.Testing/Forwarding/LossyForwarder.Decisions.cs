namespace WsRm.Testing;

public sealed partial class LossyForwarder
{
    private const int StaleKept = 8;

    private readonly Dictionary<string, Queue<LossyFault>> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dropsPerMessage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CapturedResponse>> _stale = new(StringComparer.Ordinal);
    private int _reservedRequestHolds;
    private int _reservedResponseHolds;
    private int _injected;

    /// <summary>
    /// The next requests with wsa:Action <paramref name="action"/> get <paramref name="faults"/>, in order, one each,
    /// before any random fault and whatever the cap.
    /// </summary>
    public void Script(string action, params LossyFault[] faults)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(action, out var queue)) _scripts[action] = queue = new Queue<LossyFault>();
            foreach (var fault in faults) queue.Enqueue(fault);
        }
    }

    /// <summary>Scripted faults not yet applied.</summary>
    public int ScriptedPending
    {
        get { lock (_lock) return _scripts.Values.Sum(q => q.Count); }
    }

    /// <summary>
    /// The random faults <paramref name="seed"/> rolls for the first <paramref name="exchanges"/> exchanges that are
    /// not exempt, in arrival order, before caps, scripts and applicability (a replay with nothing to replay, a hold
    /// with no free slot).
    /// </summary>
    public static IReadOnlyList<LossyFault> Plan(int seed, LossyProfile profile, int exchanges)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, exchanges).Select(_ => Draw(random, profile).Fault)];
    }

    // Under the lock, in arrival order. Outside the blackhole, every exchange that is not exempt draws the same three
    // numbers whatever happens next, so a seed gives the same sequence of rolls (Plan).
    private FaultRoll Decide(LossyExchange exchange)
    {
        if (_profile.BlackholeAfter is { } after)
        {
            if (exchange.Index < after) return default;
            return new FaultRoll(_profile.BlackholeResponses ? LossyFault.DropResponse : LossyFault.DropRequest, TimeSpan.Zero, 0);
        }
        var action = exchange.Action;
        var exempt = action is not null && _profile.Exempt.Contains(action);
        if (exempt) Interlocked.Increment(ref _exempted);
        var (rolled, delay, pick) = exempt ? default : Draw(_random, _profile);

        if (action is not null && _scripts.TryGetValue(action, out var script) && script.TryDequeue(out var scripted))
        {
            exchange.Scripted = true;
            return Applicable(scripted, exchange) ? Reserve(new FaultRoll(scripted, delay, pick)) : default;
        }
        if (exempt || _injected >= _profile.MaxFaults || rolled == LossyFault.None || !Applicable(rolled, exchange)) return default;
        if (rolled is LossyFault.DuplicateRequest or LossyFault.DuplicateRequestAfterAnswer && action is not null && _profile.NotDuplicated.Contains(action))
            return default;
        if (rolled is LossyFault.DropRequest or LossyFault.DropResponse && !CountDrop(exchange)) return default;
        _injected++;
        return Reserve(new FaultRoll(rolled, delay, pick));
    }

    private static FaultRoll Draw(Random random, LossyProfile profile)
    {
        var r = random.NextDouble();
        var delay = TimeSpan.FromMilliseconds(random.Next(1, Math.Max(2, (int)profile.MaxDelay.TotalMilliseconds + 1)));
        var pick = random.Next(1 << 20);
        foreach (var (kind, probability) in profile.Probabilities())
        {
            if (r < probability) return new FaultRoll(kind, delay, pick);
            r -= probability;
        }
        return new FaultRoll(LossyFault.None, delay, pick);
    }

    // Under the lock: with MaxDropsPerMessage, a sequence message is dropped at random at most that often.
    private bool CountDrop(LossyExchange exchange)
    {
        if (_profile.MaxDropsPerMessage is not { } max || exchange.SequenceId is not { } id || exchange.MessageNumber is not { } number) return true;
        var key = $"{id}#{number}";
        var drops = _dropsPerMessage.GetValueOrDefault(key);
        if (drops >= max) return false;
        _dropsPerMessage[key] = drops + 1;
        return true;
    }

    // Under the lock: a replay needs an earlier response of the same sequence; a hold needs a free slot.
    private bool Applicable(LossyFault fault, LossyExchange exchange) => fault switch
    {
        LossyFault.DuplicateResponse => exchange.SequenceId is { } id && _stale.TryGetValue(id, out var kept) && kept.Count > 0,
        LossyFault.ReorderRequest => _reservedRequestHolds < _profile.MaxHeld,
        LossyFault.ReorderResponse => _reservedResponseHolds < _profile.MaxHeld,
        _ => true,
    };

    private FaultRoll Reserve(FaultRoll roll)
    {
        if (roll.Fault == LossyFault.ReorderRequest) _reservedRequestHolds++;
        if (roll.Fault == LossyFault.ReorderResponse) _reservedResponseHolds++;
        return roll;
    }

    private void Release(FaultRoll roll)
    {
        lock (_lock)
        {
            if (roll.Fault == LossyFault.ReorderRequest) _reservedRequestHolds--;
            if (roll.Fault == LossyFault.ReorderResponse) _reservedResponseHolds--;
        }
    }

    // Keeps the last answers of each sequence, for DuplicateResponse.
    private void Keep(string? sequenceId, CapturedResponse response)
    {
        if (sequenceId is null || response.Status != 200 || response.Body.Length == 0) return;
        lock (_lock)
        {
            if (!_stale.TryGetValue(sequenceId, out var kept)) _stale[sequenceId] = kept = [];
            kept.Add(response);
            if (kept.Count > StaleKept) kept.RemoveAt(0);
        }
    }

    private CapturedResponse Stale(string sequenceId, int pick)
    {
        lock (_lock)
        {
            var kept = _stale[sequenceId];
            return kept[pick % kept.Count];
        }
    }
}
