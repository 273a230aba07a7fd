package history

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// Lease is who holds a named lease, and until when. The automation
// daemon holds one per history, so that only one daemon acts at a time.
type Lease struct {
	Name    string
	Holder  string
	Expires time.Time
}

// AutomationState is the stored state of one schedule, sensor or asset
// condition of the automation daemon, by its name.
type AutomationState struct {
	Name       string
	Kind       string // "schedule", "sensor", "condition"
	Paused     bool
	Cursor     string    // a sensor's cursor
	LastTick   time.Time // zero before the first tick
	LastResult string    // what the last tick did, in words
	LastError  string    // the last tick's error, when it failed
}

// Evaluation is the latest evaluation of one asset's automation
// condition: whether it requested a run (of which partitions), and why.
type Evaluation struct {
	Key       runtime.Key
	Tick      time.Time
	Requested []string // the partitions requested ("" for an unpartitioned asset); none when not requested
	Reason    string
	RunID     string // the run launched, when one was
}

var errReadOnly = errors.New("the history is open read-only")

func (s *store) refuseReadOnly(what string) error {
	if s.readOnly {
		return fmt.Errorf("history: %s: %w", what, errReadOnly)
	}
	return nil
}

// AcquireLease takes or renews the lease name for holder until now+ttl,
// unless another holder has it until after now; it returns the lease as it
// stands, so holder has it when the returned Holder is holder. One
// statement decides, so two processes never both hold it.
func (s *store) AcquireLease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (Lease, error) {
	what := "lease " + name
	if err := s.refuseReadOnly(what); err != nil {
		return Lease{}, err
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO automation_leases (name, holder, expires_ns) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_ns = excluded.expires_ns
		WHERE automation_leases.holder = excluded.holder OR automation_leases.expires_ns < ?`),
		name, holder, ns(now.Add(ttl)), ns(now))
	if err != nil {
		return Lease{}, s.wrap(what, err)
	}
	l := Lease{Name: name}
	var exp int64
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT holder, expires_ns FROM automation_leases WHERE name = ?`), name).Scan(&l.Holder, &exp); err != nil {
		return Lease{}, s.wrap(what, err)
	}
	l.Expires = fromNS(exp)
	return l, nil
}

// ReleaseLease gives up the lease name when holder has it, so that a
// standby takes over at once.
func (s *store) ReleaseLease(ctx context.Context, name, holder string) error {
	what := "release lease " + name
	if err := s.refuseReadOnly(what); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, s.q(`DELETE FROM automation_leases WHERE name = ? AND holder = ?`), name, holder)
	return s.wrap(what, err)
}

// AutomationStates returns the stored states, sorted by name.
func (s *store) AutomationStates(ctx context.Context) ([]AutomationState, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, kind, paused, cursor, last_tick_ns, last_result, last_error
		FROM automation_states ORDER BY name`)
	if err != nil {
		return nil, s.wrap("read automation states", err)
	}
	defer rows.Close()
	var out []AutomationState
	for rows.Next() {
		var st AutomationState
		var paused int
		var tick int64
		if err := rows.Scan(&st.Name, &st.Kind, &paused, &st.Cursor, &tick, &st.LastResult, &st.LastError); err != nil {
			return nil, s.wrap("read automation states", err)
		}
		st.Paused = paused != 0
		if tick != 0 {
			st.LastTick = fromNS(tick)
		}
		out = append(out, st)
	}
	return out, s.wrap("read automation states", rows.Err())
}

// SaveAutomationState stores st's tick, cursor and result; its Paused is
// kept as SetPaused left it (false for a new state).
func (s *store) SaveAutomationState(ctx context.Context, st AutomationState) error {
	what := "save automation state " + st.Name
	if err := s.refuseReadOnly(what); err != nil {
		return err
	}
	var tick int64
	if !st.LastTick.IsZero() {
		tick = ns(st.LastTick)
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO automation_states (name, kind, paused, cursor, last_tick_ns, last_result, last_error)
		VALUES (?, ?, 0, ?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, cursor = excluded.cursor, last_tick_ns = excluded.last_tick_ns,
		last_result = excluded.last_result, last_error = excluded.last_error`),
		st.Name, st.Kind, st.Cursor, tick, st.LastResult, st.LastError)
	return s.wrap(what, err)
}

// SetPaused pauses or resumes the schedule, sensor or condition name of
// kind.
func (s *store) SetPaused(ctx context.Context, name, kind string, paused bool) error {
	what := "pause " + name
	if err := s.refuseReadOnly(what); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO automation_states (name, kind, paused, cursor, last_tick_ns, last_result, last_error)
		VALUES (?, ?, ?, '', 0, '', '')
		ON CONFLICT (name) DO UPDATE SET paused = excluded.paused`), name, kind, flag(paused))
	return s.wrap(what, err)
}

// Claim is a launch a daemon claims in the history before it starts the
// run: tick Tick of the schedule, sensor or condition Name launches run
// RunID. With Lease set, the claim is fenced: it is made only while
// Holder holds that lease unexpired at Now, checked in the same statement
// that records it, so a daemon that lost its lease (a tick longer than the
// lease, a renewal that failed) launches nothing more.
type Claim struct {
	Name, Tick, RunID string
	Now               time.Time
	Lease, Holder     string
}

// ErrNotLeader is the error of a fenced Claim whose holder does not hold
// the lease.
var ErrNotLeader = errors.New("history: the lease is not held")

// ClaimTick records c, and reports whether it was the first to claim its
// tick: a tick is claimed once, whichever daemon asks. A fenced claim
// whose holder does not hold the lease records nothing and returns
// ErrNotLeader.
func (s *store) ClaimTick(ctx context.Context, c Claim) (bool, error) {
	what := "claim tick " + c.Name + " " + c.Tick
	if err := s.refuseReadOnly(what); err != nil {
		return false, err
	}
	q, args := `INSERT INTO automation_ticks (name, tick, run_id, time_ns) VALUES (?, ?, ?, ?)
		ON CONFLICT (name, tick) DO NOTHING`, []any{c.Name, c.Tick, c.RunID, ns(c.Now)}
	if c.Lease != "" {
		q = `INSERT INTO automation_ticks (name, tick, run_id, time_ns) SELECT ?, ?, ?, CAST(? AS BIGINT)
		WHERE EXISTS (SELECT 1 FROM automation_leases WHERE name = ? AND holder = ? AND expires_ns >= ?)
		ON CONFLICT (name, tick) DO NOTHING`
		args = append(args, c.Lease, c.Holder, ns(c.Now))
	}
	res, err := s.db.ExecContext(ctx, s.q(q), args...)
	if err != nil {
		return false, s.wrap(what, err)
	}
	n, err := res.RowsAffected()
	if err != nil || n > 0 || c.Lease == "" {
		return n > 0, s.wrap(what, err)
	}
	// Nothing recorded: claimed before, or not the leader. Which one
	// does not change what was decided above.
	var held int
	err = s.db.QueryRowContext(ctx, s.q(`SELECT COUNT(*) FROM automation_leases WHERE name = ? AND holder = ? AND expires_ns >= ?`),
		c.Lease, c.Holder, ns(c.Now)).Scan(&held)
	switch {
	case err != nil:
		return false, s.wrap(what, err)
	case held == 0:
		return false, fmt.Errorf("%s: %w: %s does not hold %s", what, ErrNotLeader, c.Holder, c.Lease)
	}
	return false, nil
}

// evalChunk is the number of evaluations one statement writes.
const evalChunk = 200

// WriteEvaluations stores evals, each replacing the asset's previous one
// (the last of evals when a key repeats), in one transaction of
// statements of many rows each.
func (s *store) WriteEvaluations(ctx context.Context, evals []Evaluation) error {
	const what = "write automation evaluations"
	if err := s.refuseReadOnly(what); err != nil {
		return err
	}
	evals = lastByKey(evals)
	if len(evals) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(what, err)
	}
	defer tx.Rollback()
	b := s.stmts(sqlTx{tx})
	defer b.close()
	args := make([]any, 0, 5*evalChunk)
	for len(evals) > 0 {
		n := min(len(evals), evalChunk)
		args = args[:0]
		for _, e := range evals[:n] {
			args = append(args, string(e.Key), ns(e.Tick), marshal(e.Requested), e.Reason, e.RunID)
		}
		q := s.q(insertRows(`INSERT INTO automation_evaluations (asset_key, tick_ns, requested, reason, run_id) VALUES `, 5, n,
			` ON CONFLICT (asset_key) DO UPDATE SET tick_ns = excluded.tick_ns,
		requested = excluded.requested, reason = excluded.reason, run_id = excluded.run_id`))
		if err := b.exec(ctx, n, q, args...); err != nil {
			return s.wrap(what, err)
		}
		evals = evals[n:]
	}
	return s.wrap(what, tx.Commit())
}

// lastByKey returns evals without those a later one of the same key
// replaces (one statement may not upsert a row twice).
func lastByKey(evals []Evaluation) []Evaluation {
	at := make(map[runtime.Key]int, len(evals))
	for i, e := range evals {
		at[e.Key] = i
	}
	if len(at) == len(evals) {
		return evals
	}
	out := make([]Evaluation, 0, len(at))
	for i, e := range evals {
		if at[e.Key] == i {
			out = append(out, e)
		}
	}
	return out
}

// Evaluations returns the latest evaluation of every asset's condition,
// sorted by key.
func (s *store) Evaluations(ctx context.Context) ([]Evaluation, error) {
	const what = "read automation evaluations"
	rows, err := s.db.QueryContext(ctx, `SELECT asset_key, tick_ns, requested, reason, run_id FROM automation_evaluations ORDER BY asset_key`)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer rows.Close()
	var out []Evaluation
	for rows.Next() {
		var e Evaluation
		var key, req string
		var tick int64
		if err := rows.Scan(&key, &tick, &req, &e.Reason, &e.RunID); err != nil {
			return nil, s.wrap(what, err)
		}
		e.Key, e.Tick = runtime.Key(key), fromNS(tick)
		if err := unmarshal(req, &e.Requested); err != nil {
			return nil, s.errorf("evaluation of %s: %v", key, err)
		}
		out = append(out, e)
	}
	return out, s.wrap(what, rows.Err())
}
