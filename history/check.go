package history

import (
	"context"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// CheckRecord is the recorded outcome of one check of an asset (and partition).
type CheckRecord struct {
	RunID     string // the run that evaluated it: a materialization, or a 'check' command
	Key       runtime.Key
	Partition string
	Name      string
	// Materialization is the run whose output was checked: RunID for a
	// check run right after its asset, the asset's last materialization
	// for the 'check' command ("" when unknown).
	Materialization string
	Passed          bool
	Severity        string // "error" or "warn"
	Blocking        bool
	Description     string
	Metadata        runtime.Metadata
	Time            time.Time // when it ended
	Duration        time.Duration
}

// Blocks reports whether the outcome stopped the asset's downstream
// steps: a blocking check that failed with severity error.
func (c *CheckRecord) Blocks() bool { return c.Blocking && !c.Passed && c.Severity == "error" }

// CheckRecordOf returns the record of evaluation c, reported by run
// runID at t.
func CheckRecordOf(runID string, t time.Time, c *runtime.CheckEvaluation) CheckRecord {
	mat := runID
	if c.Materialization != "" {
		mat = c.Materialization
	}
	return CheckRecord{
		RunID: runID, Key: c.Key, Partition: c.Partition, Name: c.Name, Materialization: mat,
		Passed: c.Passed, Severity: c.Severity.String(), Blocking: c.Blocking, Description: c.Description,
		Metadata: c.Metadata, Time: t, Duration: c.Duration,
	}
}

// CheckLog is a Log that records checks, as both stores do.
type CheckLog interface {
	// RunChecks returns the checks a run evaluated, in the order they ended.
	RunChecks(ctx context.Context, runID string) ([]CheckRecord, error)
	// LatestChecks returns the latest outcome of every check of every
	// asset and partition, sorted by key, partition and name.
	LatestChecks(ctx context.Context) ([]CheckRecord, error)
}

// RunChecks returns the checks run runID evaluated, or nil when log
// records none.
func RunChecks(ctx context.Context, log Log, runID string) ([]CheckRecord, error) {
	if cl, ok := log.(CheckLog); ok {
		return cl.RunChecks(ctx, runID)
	}
	return nil, nil
}

// LatestChecks returns the latest outcome of every check (see CheckLog),
// or nil when log records none.
func LatestChecks(ctx context.Context, log Log) ([]CheckRecord, error) {
	if cl, ok := log.(CheckLog); ok {
		return cl.LatestChecks(ctx)
	}
	return nil, nil
}

const checkColumns = `run_id, asset_key, partition_key, check_name, materialization, passed, severity, blocking, description, metadata, time_ns, duration_ns`

// writeChecks inserts the checks of b, in tx.
func (s *store) writeChecks(ctx context.Context, tx dbtx, checks []CheckRecord) error {
	if len(checks) == 0 {
		return nil
	}
	query := s.q(`INSERT INTO checks (` + checkColumns + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (run_id, asset_key, partition_key, check_name) DO UPDATE SET materialization = excluded.materialization,
		passed = excluded.passed, severity = excluded.severity, blocking = excluded.blocking, description = excluded.description,
		metadata = excluded.metadata, time_ns = excluded.time_ns, duration_ns = excluded.duration_ns`)
	st := s.stmts(tx)
	defer st.close()
	for i := range checks {
		c := &checks[i]
		if err := st.exec(ctx, 1, query, c.RunID, string(c.Key), c.Partition, c.Name, c.Materialization, flag(c.Passed), c.Severity,
			flag(c.Blocking), c.Description, marshalMetadata(c.Metadata), ns(c.Time), int64(c.Duration)); err != nil {
			return s.wrap("write check "+c.Name+" of "+string(c.Key), err)
		}
	}
	return nil
}

func (s *store) RunChecks(ctx context.Context, runID string) ([]CheckRecord, error) {
	return s.queryChecks(ctx, "checks of run "+runID, `SELECT `+checkColumns+` FROM checks WHERE run_id = ? ORDER BY time_ns, asset_key, partition_key, check_name`, runID)
}

func (s *store) LatestChecks(ctx context.Context) ([]CheckRecord, error) {
	return s.queryChecks(ctx, "latest checks", `SELECT `+checkColumns+` FROM checks AS c WHERE time_ns = (SELECT max(time_ns) FROM checks AS l
		WHERE l.asset_key = c.asset_key AND l.partition_key = c.partition_key AND l.check_name = c.check_name)
		ORDER BY asset_key, partition_key, check_name, run_id`)
}

func (s *store) queryChecks(ctx context.Context, what, query string, args ...any) ([]CheckRecord, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.wrap("read "+what, err)
	}
	defer rows.Close()
	var out []CheckRecord
	for rows.Next() {
		var c CheckRecord
		var key, meta string
		var passed, blocking int
		var t, d int64
		if err := rows.Scan(&c.RunID, &key, &c.Partition, &c.Name, &c.Materialization, &passed, &c.Severity, &blocking,
			&c.Description, &meta, &t, &d); err != nil {
			return nil, s.wrap("read "+what, err)
		}
		c.Key, c.Passed, c.Blocking, c.Time, c.Duration = runtime.Key(key), passed != 0, blocking != 0, fromNS(t), time.Duration(d)
		if err := unmarshal(meta, &c.Metadata); err != nil {
			return nil, s.errorf("check %s of %s in run %s: metadata: %v", c.Name, key, c.RunID, err)
		}
		// Keep the last of several rows of one check at one time.
		if n := len(out); n > 0 && what == "latest checks" && out[n-1].Key == c.Key && out[n-1].Partition == c.Partition && out[n-1].Name == c.Name {
			out[n-1] = c
			continue
		}
		out = append(out, c)
	}
	return out, s.wrap("read "+what, rows.Err())
}
