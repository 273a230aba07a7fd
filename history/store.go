package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// SchemaVersion is the newest schema this code knows. Open migrates older
// databases to it and refuses newer ones.
const SchemaVersion = 10

// migrations[i] takes a database from schema version i to i+1. Each runs in
// one transaction with the version bump. They use only SQL that SQLite and
// PostgreSQL both accept, but for {{without_rowid}}: WITHOUT ROWID on
// SQLite (the table is its primary key's b-tree: one b-tree write per row
// instead of two), nothing on PostgreSQL; and {{blob}}: BLOB on SQLite,
// BYTEA on PostgreSQL (both compare bytes as bytes).
var migrations = []string{
	`CREATE TABLE runs (
		id TEXT PRIMARY KEY,
		status TEXT NOT NULL,
		start_ns BIGINT NOT NULL,
		end_ns BIGINT NOT NULL,
		selection TEXT NOT NULL,
		tags TEXT NOT NULL,
		error TEXT NOT NULL,
		host TEXT NOT NULL,
		pid INTEGER NOT NULL,
		proc TEXT NOT NULL,
		heartbeat_ns BIGINT NOT NULL,
		counts TEXT NOT NULL
	);
	CREATE INDEX runs_by_start ON runs (start_ns);
	CREATE INDEX runs_by_status ON runs (status);
	CREATE TABLE steps (
		run_id TEXT NOT NULL,
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		seq INTEGER NOT NULL,
		status TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		start_ns BIGINT NOT NULL,
		end_ns BIGINT NOT NULL,
		error TEXT NOT NULL,
		cause TEXT NOT NULL,
		retries TEXT NOT NULL,
		metadata TEXT NOT NULL,
		code_version TEXT NOT NULL,
		data_version TEXT NOT NULL,
		input_versions TEXT NOT NULL,
		PRIMARY KEY (run_id, asset_key, partition_key)
	) {{without_rowid}};
	CREATE TABLE assets (
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		run_id TEXT NOT NULL,
		time_ns BIGINT NOT NULL,
		code_version TEXT NOT NULL,
		data_version TEXT NOT NULL,
		input_versions TEXT NOT NULL,
		last_run_id TEXT NOT NULL,
		last_status TEXT NOT NULL,
		last_ns BIGINT NOT NULL,
		last_error TEXT NOT NULL,
		PRIMARY KEY (asset_key, partition_key)
	) {{without_rowid}}`,
	// 2: the lines steps log (at most a head and a tail per step, with a
	// marker of the lines dropped between), the start of a step's last
	// attempt, and an index for an asset's steps.
	`CREATE TABLE logs (
		run_id TEXT NOT NULL,
		seq BIGINT NOT NULL,
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		line INTEGER NOT NULL,
		attempt INTEGER NOT NULL,
		time_ns BIGINT NOT NULL,
		level TEXT NOT NULL,
		message TEXT NOT NULL,
		attrs TEXT NOT NULL,
		PRIMARY KEY (run_id, seq)
	) {{without_rowid}};
	CREATE TABLE log_drops (
		run_id TEXT NOT NULL,
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		seq BIGINT NOT NULL,
		line INTEGER NOT NULL,
		attempt INTEGER NOT NULL,
		time_ns BIGINT NOT NULL,
		dropped INTEGER NOT NULL,
		message TEXT NOT NULL,
		PRIMARY KEY (run_id, asset_key, partition_key)
	) {{without_rowid}};
	CREATE INDEX steps_by_asset ON steps (asset_key, start_ns);
	ALTER TABLE steps ADD COLUMN attempt_start_ns BIGINT NOT NULL DEFAULT 0`,
	// 3: the stack of a step that panicked, and a note on how a step was
	// recorded (an output that landed after its run ended).
	`ALTER TABLE steps ADD COLUMN stack TEXT NOT NULL DEFAULT '';
	ALTER TABLE steps ADD COLUMN note TEXT NOT NULL DEFAULT ''`,
	// 4: the pipeline that ran a run, with an index to list one
	// pipeline's runs; whether a run or step was abandoned (its end is
	// the last heartbeat of its process: the earliest it can have ended).
	`ALTER TABLE runs ADD COLUMN pipeline TEXT NOT NULL DEFAULT '';
	ALTER TABLE runs ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE steps ADD COLUMN abandoned INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX runs_by_pipeline ON runs (pipeline, start_ns)`,
	// 5: runs whose steps run on queue workers (package queue), whose end
	// the queue records (never reaped with the process that launched
	// them), and the worker that ran each step.
	`ALTER TABLE runs ADD COLUMN queued INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE steps ADD COLUMN worker TEXT NOT NULL DEFAULT ''`,
	// 6: partitions. The latest records of the partitions of each asset,
	// in chunks of consecutive keys (see chunk.go); the keys of dynamic
	// partitions definitions, in the order they were added; the
	// partitions a run planned, by asset; and, for a partition whose step
	// covered several, that step's range.
	`CREATE TABLE partition_states (
		asset_key TEXT NOT NULL,
		lo {{blob}} NOT NULL,
		n INTEGER NOT NULL,
		data {{blob}} NOT NULL,
		PRIMARY KEY (asset_key, lo)
	) {{without_rowid}};
	CREATE TABLE dynamic_partitions (
		name TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		seq BIGINT NOT NULL,
		PRIMARY KEY (name, partition_key)
	) {{without_rowid}};
	CREATE INDEX dynamic_partitions_by_seq ON dynamic_partitions (name, seq);
	ALTER TABLE runs ADD COLUMN partitions TEXT NOT NULL DEFAULT '{}';
	ALTER TABLE steps ADD COLUMN step_range TEXT NOT NULL DEFAULT ''`,
	// 7: the outcomes of asset checks, each with the run whose output it
	// checked (see Check).
	`CREATE TABLE checks (
		run_id TEXT NOT NULL,
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		check_name TEXT NOT NULL,
		materialization TEXT NOT NULL,
		passed INTEGER NOT NULL,
		severity TEXT NOT NULL,
		blocking INTEGER NOT NULL,
		description TEXT NOT NULL,
		metadata TEXT NOT NULL,
		time_ns BIGINT NOT NULL,
		duration_ns BIGINT NOT NULL,
		PRIMARY KEY (run_id, asset_key, partition_key, check_name)
	) {{without_rowid}};
	CREATE INDEX checks_by_asset ON checks (asset_key, partition_key, check_name, time_ns)`,
	// 8: automation (package automation): the daemon's leases, the state
	// of each schedule, sensor and condition, the ticks that launched a
	// run (claimed once, so that two daemons never launch one tick
	// twice), and the latest evaluation of each asset's condition.
	`CREATE TABLE automation_leases (
		name TEXT PRIMARY KEY,
		holder TEXT NOT NULL,
		expires_ns BIGINT NOT NULL
	);
	CREATE TABLE automation_states (
		name TEXT PRIMARY KEY,
		kind TEXT NOT NULL,
		paused INTEGER NOT NULL,
		cursor TEXT NOT NULL,
		last_tick_ns BIGINT NOT NULL,
		last_result TEXT NOT NULL,
		last_error TEXT NOT NULL
	);
	CREATE TABLE automation_ticks (
		name TEXT NOT NULL,
		tick TEXT NOT NULL,
		run_id TEXT NOT NULL,
		time_ns BIGINT NOT NULL,
		PRIMARY KEY (name, tick)
	) {{without_rowid}};
	CREATE TABLE automation_evaluations (
		asset_key TEXT PRIMARY KEY,
		tick_ns BIGINT NOT NULL,
		requested TEXT NOT NULL,
		reason TEXT NOT NULL,
		run_id TEXT NOT NULL
	)`,
	// 9: the run config of each step and of each asset's latest
	// materialization (secrets masked), which counts in its logical
	// version.
	`ALTER TABLE steps ADD COLUMN config TEXT NOT NULL DEFAULT '';
	ALTER TABLE assets ADD COLUMN config TEXT NOT NULL DEFAULT ''`,
	// 10: observations of external assets and of stored outputs (see
	// Observe): a row per change of an (asset, partition)'s observed
	// version, its checked_ns moved by each later observation alike.
	`CREATE TABLE observations (
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		time_ns BIGINT NOT NULL,
		checked_ns BIGINT NOT NULL,
		data_version TEXT NOT NULL,
		missing INTEGER NOT NULL,
		external INTEGER NOT NULL,
		metadata TEXT NOT NULL,
		run_id TEXT NOT NULL,
		source TEXT NOT NULL,
		PRIMARY KEY (asset_key, partition_key, time_ns)
	) {{without_rowid}}`,
}

// dialect is what differs between the SQL databases behind a Log.
type dialect struct {
	name   string // "SQLite", "PostgreSQL"
	where  string // the file or server, for messages
	dollar bool   // placeholders are $1, $2... instead of ?
	// cachesStatements is set when the driver prepares each statement
	// once per connection and keeps it (see batchStmts).
	cachesStatements bool
	// withoutRowID is the table option for tables clustered by their
	// primary key.
	withoutRowID string
	// blob is the type of byte strings; forUpdate, the clause that locks
	// the rows a SELECT reads until the transaction ends (SQLite's
	// writers hold the whole database).
	blob, forUpdate string
	// lock, when set, runs first in the migration transaction to serialize
	// concurrent migrations.
	lock string
	// wrap turns a driver error into a clearer one, or returns it as is.
	wrap func(error) error
}

// batchStmts runs the statements of one batch that insert rows, one
// statement by number of rows. On SQLite, each is prepared once per
// batch, which saves parsing a statement of many rows again for every
// chunk. On PostgreSQL it is not: the driver prepares each statement once
// per connection and keeps it, where preparing per batch would cost two
// round trips more (prepare, then deallocate).
type batchStmts struct {
	tx      dbtx
	prepare bool
	byRows  map[int]*sql.Stmt
}

func (s *store) stmts(tx dbtx) *batchStmts {
	return &batchStmts{tx: tx, prepare: !s.d.cachesStatements}
}

// exec runs query, which inserts rows rows, with args.
func (b *batchStmts) exec(ctx context.Context, rows int, query string, args ...any) error {
	if !b.prepare {
		return b.tx.exec(ctx, query, args...)
	}
	st := b.byRows[rows]
	if st == nil {
		var err error
		if st, err = b.tx.prepare(ctx, query); err != nil {
			return err
		}
		if b.byRows == nil {
			b.byRows = map[int]*sql.Stmt{}
		}
		b.byRows[rows] = st
	}
	_, err := st.ExecContext(ctx, args...)
	return err
}

func (b *batchStmts) close() {
	for _, st := range b.byRows {
		st.Close()
	}
}

// store is a Log over database/sql.
type store struct {
	db *sql.DB
	d  dialect

	qRun                   string
	qAssetsOK, qAssetsFail string

	mu       sync.Mutex
	steps    map[int]string // statements inserting n steps
	logs     map[int]string // statements inserting n log lines
	self     process
	readOnly bool // opened read-only: no migration, no reaping, no writes
}

// stepColumns is the number of columns of the steps table; stepChunk
// the number of steps one INSERT writes.
const (
	stepColumns = 22
	stepChunk   = 50
	logColumns  = 10
	logChunk    = 90
)

// stepSQL returns the statement that inserts or replaces n steps.
func (s *store) stepSQL(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q, ok := s.steps[n]; ok {
		return q
	}
	q := s.q(insertRows(`INSERT INTO steps (run_id, asset_key, partition_key, seq, status, attempts, start_ns, end_ns,
		error, cause, retries, metadata, code_version, data_version, input_versions, attempt_start_ns, stack, note, abandoned, worker,
		step_range, config) VALUES `,
		stepColumns, n,
		` ON CONFLICT (run_id, asset_key, partition_key) DO UPDATE SET seq = excluded.seq, status = excluded.status,
		attempts = excluded.attempts, start_ns = excluded.start_ns, end_ns = excluded.end_ns, error = excluded.error,
		cause = excluded.cause, retries = excluded.retries, metadata = excluded.metadata,
		code_version = excluded.code_version, data_version = excluded.data_version,
		input_versions = excluded.input_versions, attempt_start_ns = excluded.attempt_start_ns,
		stack = excluded.stack, note = excluded.note, abandoned = excluded.abandoned, worker = excluded.worker,
		step_range = excluded.step_range, config = excluded.config`))
	s.steps[n] = q
	return q
}

// logSQL returns the statement that inserts n log lines.
func (s *store) logSQL(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q, ok := s.logs[n]; ok {
		return q
	}
	q := s.q(insertRows(`INSERT INTO logs (run_id, seq, asset_key, partition_key, line, attempt, time_ns, level, message, attrs) VALUES `,
		logColumns, n, ` ON CONFLICT (run_id, seq) DO NOTHING`))
	s.logs[n] = q
	return q
}

// insertRows returns head, n rows of cols placeholders, and tail.
func insertRows(head string, cols, n int, tail string) string {
	var b strings.Builder
	b.WriteString(head)
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	b.WriteString(tail)
	return b.String()
}

// attempted reports whether p is a finished attempt of its asset, which
// updates the asset's latest record: it succeeded, failed, or was
// canceled while it ran (not before it started).
func attempted(p *Step) bool {
	switch p.Status {
	case "success", "failed":
		return true
	case "canceled":
		return p.Attempts > 0
	}
	return false
}

// writeAssets updates the latest records of the unpartitioned assets
// whose steps finished in steps (already written), set-based.
func (s *store) writeAssets(ctx context.Context, tx dbtx, steps []Step) error {
	type group struct{ ok, fail []string }
	runs := map[string]*group{}
	var order []string
	for i := range steps {
		p := &steps[i]
		if !attempted(p) {
			continue
		}
		if p.Partition != "" {
			continue // writePartitions
		}
		g := runs[p.RunID]
		if g == nil {
			g = &group{}
			runs[p.RunID] = g
			order = append(order, p.RunID)
		}
		if p.Status == "success" {
			g.ok = append(g.ok, string(p.Key))
		} else {
			g.fail = append(g.fail, string(p.Key))
		}
	}
	for _, id := range order {
		g := runs[id]
		// Sorted, so concurrent writers lock asset rows in one order.
		slices.Sort(g.ok)
		slices.Sort(g.fail)
		if len(g.ok) > 0 {
			if err := tx.exec(ctx, s.qAssetsOK, marshal(g.ok), id); err != nil {
				return s.wrap("write assets of run "+id, err)
			}
		}
		if len(g.fail) > 0 {
			if err := tx.exec(ctx, s.qAssetsFail, marshal(g.fail), id); err != nil {
				return s.wrap("write assets of run "+id, err)
			}
		}
	}
	return nil
}

func (s *store) q(query string) string {
	if !s.d.dollar {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// newStore migrates db and reaps abandoned runs; a read-only store only
// checks that the schema is current.
func newStore(ctx context.Context, db *sql.DB, d dialect, readOnly bool) (*store, error) {
	s := &store{db: db, d: d, self: self(), steps: map[int]string{}, logs: map[int]string{}, readOnly: readOnly}
	s.qRun = s.q(`INSERT INTO runs (id, status, start_ns, end_ns, selection, tags, error, host, pid, proc, heartbeat_ns, counts,
		pipeline, abandoned, queued, partitions)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET status = excluded.status, start_ns = excluded.start_ns,
		end_ns = excluded.end_ns, selection = excluded.selection, tags = excluded.tags, error = excluded.error,
		host = excluded.host, pid = excluded.pid, proc = excluded.proc, heartbeat_ns = excluded.heartbeat_ns,
		counts = excluded.counts, pipeline = excluded.pipeline, abandoned = excluded.abandoned, queued = excluded.queued,
		partitions = excluded.partitions`)
	// The latest records of the assets: a later attempt replaces the
	// last, and so does a step of the same run written again (an output
	// that landed, recorded by Reconcile in place of the step's
	// cancellation or failure, though that was recorded later).
	//
	// Each step is looked up by its whole primary key, whatever the
	// planner's statistics (a table that was empty when a statement's
	// plan was cached may be scanned for a run's every step, once per
	// step recorded: quadratic in the steps of a run). CROSS JOIN makes
	// SQLite loop over the keys; a LATERAL subquery with a LIMIT, which
	// PostgreSQL does not flatten into a join, does the same there.
	from := `FROM json_each(?) AS j CROSS JOIN steps AS s WHERE s.asset_key = j.value AND s.run_id = ? AND s.partition_key = ''`
	if d.dollar {
		from = `FROM jsonb_array_elements_text(?::jsonb) AS j(value) CROSS JOIN LATERAL (
			SELECT * FROM steps WHERE run_id = ? AND asset_key = j.value AND partition_key = '' LIMIT 1) AS s WHERE true`
	}
	s.qAssetsOK = s.q(`INSERT INTO assets (asset_key, partition_key, run_id, time_ns, code_version, data_version,
		input_versions, last_run_id, last_status, last_ns, last_error, config)
		SELECT s.asset_key, s.partition_key, s.run_id, s.end_ns, s.code_version, s.data_version,
		s.input_versions, s.run_id, s.status, s.end_ns, '', s.config ` + from + `
		AND s.status = 'success'
		ON CONFLICT (asset_key, partition_key) DO UPDATE SET run_id = excluded.run_id, time_ns = excluded.time_ns,
		code_version = excluded.code_version, data_version = excluded.data_version, config = excluded.config,
		input_versions = excluded.input_versions, last_run_id = excluded.last_run_id,
		last_status = excluded.last_status, last_ns = excluded.last_ns, last_error = excluded.last_error
		WHERE excluded.last_ns >= assets.last_ns OR excluded.last_run_id = assets.last_run_id`)
	s.qAssetsFail = s.q(`INSERT INTO assets (asset_key, partition_key, run_id, time_ns, code_version, data_version,
		input_versions, last_run_id, last_status, last_ns, last_error)
		SELECT s.asset_key, s.partition_key, '', 0, '', '', '{}', s.run_id, s.status, s.end_ns, s.error ` + from + `
		AND s.status IN ('failed', 'canceled')
		ON CONFLICT (asset_key, partition_key) DO UPDATE SET last_run_id = excluded.last_run_id,
		last_status = excluded.last_status, last_ns = excluded.last_ns, last_error = excluded.last_error
		WHERE excluded.last_ns >= assets.last_ns OR excluded.last_run_id = assets.last_run_id`)
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	if _, err := s.Reap(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// errOutdated is wrapped by the error of a read-only open of a history
// whose schema needs a migration.
var errOutdated = errors.New("the schema needs a migration")

func (s *store) errorf(format string, args ...any) error {
	return fmt.Errorf("history: %s %s: "+format, append([]any{s.d.name, s.d.where}, args...)...)
}

func (s *store) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return s.errorf("%s: %w", op, s.d.wrap(err))
}

func (s *store) migrate(ctx context.Context) error {
	// Usually the schema is current: a read says so without taking the
	// write lock. Anything else goes through the locked path below.
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err == nil {
		if v > SchemaVersion {
			return s.errorf("schema version %d is newer than this assetgen knows (%d): upgrade assetgen, or use another history home", v, SchemaVersion)
		}
		if v == SchemaVersion {
			var n int
			if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_version`).Scan(&n); err == nil && n == 1 {
				return nil
			}
		}
	}
	if s.readOnly {
		return s.errorf("opened read-only, and %w", errOutdated)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("open", err)
	}
	defer tx.Rollback()
	if s.d.lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.lock); err != nil {
			return s.wrap("lock for migration", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return s.wrap("open", err)
	}
	var versions []int
	rows, err := tx.QueryContext(ctx, `SELECT version FROM schema_version`)
	if err != nil {
		return s.wrap("read schema version", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return s.wrap("read schema version", err)
		}
		versions = append(versions, v)
	}
	if err := rows.Close(); err != nil {
		return s.wrap("read schema version", err)
	}
	cur := 0
	switch len(versions) {
	case 0:
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
			return s.wrap("init schema version", err)
		}
	case 1:
		cur = versions[0]
	default:
		return s.errorf("schema_version has %d rows, want 1: the database is damaged", len(versions))
	}
	if cur > SchemaVersion {
		return s.errorf("schema version %d is newer than this assetgen knows (%d): upgrade assetgen, or use another history home", cur, SchemaVersion)
	}
	if cur < 0 {
		return s.errorf("invalid schema version %d: the database is damaged", cur)
	}
	for v := cur; v < SchemaVersion; v++ {
		m := strings.NewReplacer("{{without_rowid}}", s.d.withoutRowID, "{{blob}}", s.d.blob).Replace(migrations[v])
		for _, stmt := range strings.Split(m, ";") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return s.wrap(fmt.Sprintf("migrate to schema version %d", v+1), err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE schema_version SET version = ?`), v+1); err != nil {
			return s.wrap("update schema version", err)
		}
	}
	return s.wrap("commit migration", tx.Commit())
}

func ns(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromNS(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Metadata an asset attached that JSON cannot encode (a channel,
		// a func): keep the rest of the record and say what was lost.
		b, _ = json.Marshal(map[string]string{"error": "metadata not encodable as JSON: " + err.Error()})
	}
	return string(b)
}

func marshalMetadata(m runtime.Metadata) string {
	if len(m) == 0 {
		return "{}"
	}
	b, err := json.Marshal(m)
	if err == nil {
		return string(b)
	}
	// Encode value by value so one bad value loses only itself.
	out := make(map[string]any, len(m))
	for k, v := range m {
		if _, err := json.Marshal(v); err != nil {
			out[k] = fmt.Sprintf("%v (not encodable as JSON: %v)", v, err)
		} else {
			out[k] = v
		}
	}
	return marshal(out)
}

// marshalVersions encodes m as a JSON object with sorted keys, as
// json.Marshal does, without reflection: it runs for every step.
func marshalVersions(m map[runtime.Key]string) string {
	if len(m) == 0 {
		return "{}"
	}
	keys := make([]runtime.Key, 0, len(m))
	n := 2
	for k, v := range m {
		keys = append(keys, k)
		n += len(k) + len(v) + 6
	}
	slices.Sort(keys)
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, string(k))
		b = append(b, ':')
		b = appendJSONString(b, m[k])
	}
	return string(append(b, '}'))
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			q, _ := json.Marshal(s) // rare: let encoding/json escape
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

func (s *store) Write(ctx context.Context, b *Batch) error {
	if b.empty() {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("write", err)
	}
	defer tx.Rollback()
	if err := s.write(ctx, sqlTx{tx}, b); err != nil {
		return err
	}
	return s.wrap("commit", tx.Commit())
}

// write applies b in tx.
func (s *store) write(ctx context.Context, tx dbtx, b *Batch) error {
	if len(b.Runs) > 0 {
		runs := s.stmts(tx)
		defer runs.close()
		for i := range b.Runs {
			r := &b.Runs[i]
			sel := make([]string, len(r.Selection))
			for i, k := range r.Selection {
				sel[i] = string(k)
			}
			tags := r.Tags
			if tags == nil {
				tags = map[string]string{}
			}
			if err := runs.exec(ctx, 1, s.qRun, r.ID, r.Status, ns(r.Start), ns(r.End), marshal(sel), marshal(tags),
				r.Error, r.Host, r.PID, s.self.token(r), ns(r.Heartbeat), marshalCounts(r.Counts), r.Pipeline, flag(r.Abandoned), flag(r.Queued),
				marshalRunPartitions(r.Partitions)); err != nil {
				return s.wrap("write run "+r.ID, err)
			}
		}
	}
	stmts := s.stmts(tx)
	defer stmts.close()
	for i := 0; i < len(b.Steps); i += stepChunk {
		chunk := b.Steps[i:min(i+stepChunk, len(b.Steps))]
		args := make([]any, 0, len(chunk)*stepColumns)
		for j := range chunk {
			p := &chunk[j]
			retries := "[]"
			if len(p.Retries) > 0 {
				retries = marshal(p.Retries)
			}
			args = append(args, p.RunID, string(p.Key), p.Partition, p.Seq, p.Status, p.Attempts,
				ns(p.Start), ns(p.End), p.Error, string(p.Cause), retries, marshalMetadata(p.Metadata),
				p.CodeVersion, p.DataVersion, marshalVersions(p.InputVersions), ns(p.AttemptStart), p.Stack, p.Note, flag(p.Abandoned), p.Worker,
				p.Range, p.Config)
		}
		if err := stmts.exec(ctx, len(chunk), s.stepSQL(len(chunk)), args...); err != nil {
			return s.wrap(fmt.Sprintf("write steps of run %s", chunk[0].RunID), err)
		}
	}
	if err := s.writeAssets(ctx, tx, b.Steps); err != nil {
		return err
	}
	if err := s.writePartitions(ctx, tx, b.Steps); err != nil {
		return err
	}
	for _, id := range b.Recount {
		if err := s.recount(ctx, tx, id); err != nil {
			return s.wrap("count the steps of run "+id, err)
		}
	}
	if err := s.writeLogs(ctx, tx, b); err != nil {
		return err
	}
	return s.writeChecks(ctx, tx, b.Checks)
}

const runColumns = `id, status, start_ns, end_ns, selection, tags, error, host, pid, heartbeat_ns, counts, pipeline, abandoned, queued, partitions`

func scanRun(sc interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var start, end, hb int64
	var sel, tags, counts, parts string
	var abandoned, queued int
	if err := sc.Scan(&r.ID, &r.Status, &start, &end, &sel, &tags, &r.Error, &r.Host, &r.PID, &hb, &counts, &r.Pipeline, &abandoned, &queued, &parts); err != nil {
		return r, err
	}
	var err error
	if r.Partitions, err = unmarshalRunPartitions(parts); err != nil {
		return r, fmt.Errorf("run %s: partitions: %w", r.ID, err)
	}
	r.Start, r.End, r.Heartbeat, r.Abandoned, r.Queued = fromNS(start), fromNS(end), fromNS(hb), abandoned != 0, queued != 0
	var keys []string
	if err := json.Unmarshal([]byte(sel), &keys); err != nil {
		return r, fmt.Errorf("run %s: selection: %w", r.ID, err)
	}
	for _, k := range keys {
		r.Selection = append(r.Selection, runtime.Key(k))
	}
	if err := json.Unmarshal([]byte(tags), &r.Tags); err != nil {
		return r, fmt.Errorf("run %s: tags: %w", r.ID, err)
	}
	r.Counts = map[string]int{}
	if err := json.Unmarshal([]byte(counts), &r.Counts); err != nil {
		return r, fmt.Errorf("run %s: counts: %w", r.ID, err)
	}
	return r, nil
}

func (s *store) Runs(ctx context.Context, q RunQuery) ([]Run, error) {
	query := `SELECT ` + runColumns + ` FROM runs`
	var where []string
	var args []any
	if q.Pipeline != "" {
		where = append(where, `pipeline = ?`)
		args = append(args, q.Pipeline)
	}
	// A read-only store shows a running run whose process is gone as
	// failed (view): such runs are read as running, then chosen by the
	// status they are shown with.
	reviewed := s.readOnly && (q.Status == RunFailed || q.Status == RunRunning)
	switch {
	case reviewed:
		where = append(where, `(status = ? OR status = ?)`)
		args = append(args, q.Status, RunRunning)
	case q.Status != "":
		where = append(where, `status = ?`)
		args = append(args, q.Status)
	}
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	query += ` ORDER BY start_ns DESC, id DESC`
	if q.Limit > 0 && !reviewed {
		query += ` LIMIT ` + strconv.Itoa(q.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.wrap("list runs", err)
	}
	var runs []Run
	var live []*Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			rows.Close()
			return nil, s.wrap("list runs", err)
		}
		s.view(&r)
		if q.Status != "" && r.Status != q.Status {
			continue
		}
		runs = append(runs, r)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("list runs", err)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("list runs", err)
	}
	if q.Limit > 0 && len(runs) > q.Limit {
		runs = runs[:q.Limit]
	}
	for i := range runs {
		if liveCounts(&runs[i]) {
			live = append(live, &runs[i])
		}
	}
	if err := s.count(ctx, live); err != nil {
		return nil, s.wrap("list runs", err)
	}
	return runs, nil
}

// liveCounts reports whether the step counts of r are counted when read:
// those of a queued run still running, whose workers write its steps
// without counting them (see NewStepRecorder). The queue recounts them
// once the run ends.
func liveCounts(r *Run) bool { return r.Queued && r.Status == RunRunning }

// count counts the steps of runs by status, into their Counts.
func (s *store) count(ctx context.Context, runs []*Run) error {
	if len(runs) == 0 {
		return nil
	}
	byID := make(map[string]*Run, len(runs))
	args := make([]any, len(runs))
	for i, r := range runs {
		byID[r.ID] = r
		args[i] = r.ID
		r.Counts = map[string]int{}
	}
	query := `SELECT run_id, status, COUNT(*) FROM steps WHERE run_id IN (?` + strings.Repeat(`, ?`, len(runs)-1) + `) GROUP BY run_id, status`
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, status string
		var n int
		if err := rows.Scan(&id, &status, &n); err != nil {
			return err
		}
		byID[id].Counts[status] = n
	}
	return rows.Err()
}

func (s *store) Run(ctx context.Context, id string) (*Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, s.q(`SELECT `+runColumns+` FROM runs WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("history: run %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, s.wrap("read run "+id, err)
	}
	s.view(&r)
	if liveCounts(&r) {
		if err := s.count(ctx, []*Run{&r}); err != nil {
			return nil, s.wrap("read run "+id, err)
		}
	}
	return &r, nil
}

// view shows a run whose process is gone as Reap would mark it, when the
// store is read-only and cannot reap: failed, abandoned, its running steps
// counted as failed.
func (s *store) view(r *Run) {
	if !s.readOnly || r.Status != RunRunning || r.Queued {
		return
	}
	why, gone := s.self.gone(r.Host, r.PID, "", r.Heartbeat, time.Now())
	if !gone {
		return
	}
	r.Status, r.Error, r.End, r.Abandoned = RunFailed, "abandoned: "+why, r.Heartbeat, true
	if n := r.Counts[StepRunning]; n > 0 {
		delete(r.Counts, StepRunning)
		r.Counts["failed"] += n
	}
}

// stepSelect selects the columns scanStep reads.
const stepSelect = `SELECT run_id, asset_key, partition_key, seq, status, attempts, start_ns, end_ns,
	error, cause, retries, metadata, code_version, data_version, input_versions, attempt_start_ns, stack, note, abandoned, worker,
	step_range, config FROM steps `

// scanStep reads a row of stepSelect.
func (s *store) scanStep(rows *sql.Rows) (Step, error) {
	var p Step
	var key, cause, retries, meta, inputs string
	var start, end, attemptStart int64
	var abandoned int
	if err := rows.Scan(&p.RunID, &key, &p.Partition, &p.Seq, &p.Status, &p.Attempts, &start, &end, &p.Error, &cause,
		&retries, &meta, &p.CodeVersion, &p.DataVersion, &inputs, &attemptStart, &p.Stack, &p.Note, &abandoned, &p.Worker, &p.Range, &p.Config); err != nil {
		return p, s.wrap("read steps", err)
	}
	p.Key, p.Cause, p.Start, p.End, p.AttemptStart = runtime.Key(key), runtime.Key(cause), fromNS(start), fromNS(end), fromNS(attemptStart)
	p.Abandoned = abandoned != 0
	if err := unmarshal(retries, &p.Retries); err != nil {
		return p, s.errorf("step %s of run %s: retries: %v", key, p.RunID, err)
	}
	if err := unmarshalMetadata(meta, &p.Metadata); err != nil {
		return p, s.errorf("step %s of run %s: metadata: %v", key, p.RunID, err)
	}
	if err := unmarshal(inputs, &p.InputVersions); err != nil {
		return p, s.errorf("step %s of run %s: input versions: %v", key, p.RunID, err)
	}
	return p, nil
}

// querySteps returns the steps a query of stepSelect returns.
func (s *store) querySteps(ctx context.Context, what, query string, args ...any) ([]Step, error) {
	rows, err := s.db.QueryContext(ctx, s.q(stepSelect+query), args...)
	if err != nil {
		return nil, s.wrap("read "+what, err)
	}
	defer rows.Close()
	var steps []Step
	for rows.Next() {
		p, err := s.scanStep(rows)
		if err != nil {
			return nil, err
		}
		steps = append(steps, p)
	}
	return steps, s.wrap("read "+what, rows.Err())
}

func (s *store) Steps(ctx context.Context, runID string) ([]Step, error) {
	steps, err := s.querySteps(ctx, "steps of run "+runID, `WHERE run_id = ? ORDER BY seq, asset_key, partition_key`, runID)
	if err == nil && s.readOnly && slices.ContainsFunc(steps, func(p Step) bool { return p.Status == StepRunning }) {
		// As Reap would mark them, when the run's process is gone.
		if r, err := s.Run(ctx, runID); err == nil && r.Status != RunRunning {
			for i := range steps {
				if p := &steps[i]; p.Status == StepRunning {
					p.Status, p.Error, p.End, p.Abandoned = "failed", r.Error, r.End, r.Abandoned
				}
			}
		}
	}
	return steps, err
}

// unmarshalMetadata decodes metadata as unmarshal does, but for a whole
// number that a float64 cannot hold exactly (2^53 or more, such as a
// time in nanoseconds), which stays a json.Number: read as a float64,
// 4611686018427387904 came back as 4611686018427388000.
func unmarshalMetadata(s string, m *runtime.Metadata) error {
	if s == "" || s == "{}" || s == "null" {
		return nil
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(m); err != nil {
		return err
	}
	for k, v := range *m {
		(*m)[k] = exactNumbers(v)
	}
	return nil
}

// exactNumbers turns the json.Numbers in v into float64s, except whole
// numbers that a float64 cannot hold exactly.
func exactNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return v // beyond a float64's range
		}
		if !strings.ContainsAny(string(v), ".eE") {
			// A whole number: a float64 holds every one below 2^53,
			// and prints it back with the same digits.
			if math.Abs(f) >= 1<<53 {
				return v
			}
		}
		return f
	case map[string]any:
		for k, e := range v {
			v[k] = exactNumbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = exactNumbers(e)
		}
	}
	return v
}

// unmarshal decodes JSON, leaving empty objects and arrays as nil.
func unmarshal(s string, v any) error {
	if s == "" || s == "{}" || s == "[]" || s == "null" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

func (s *store) Assets(ctx context.Context) ([]Asset, error) {
	// Partitions are in partition_states (rows of assets with a
	// partition, written before schema 5, are left out).
	rows, err := s.db.QueryContext(ctx, `SELECT asset_key, partition_key, run_id, time_ns, code_version, data_version,
		input_versions, last_run_id, last_status, last_ns, last_error, config FROM assets WHERE partition_key = ''`)
	if err != nil {
		return nil, s.wrap("read assets", err)
	}
	defer rows.Close()
	var out []Asset
	for rows.Next() {
		var a Asset
		var key, inputs string
		var t, last int64
		if err := rows.Scan(&key, &a.Partition, &a.RunID, &t, &a.CodeVersion, &a.DataVersion, &inputs,
			&a.LastRunID, &a.LastStatus, &last, &a.LastError, &a.Config); err != nil {
			return nil, s.wrap("read assets", err)
		}
		a.Key, a.Time, a.LastTime = runtime.Key(key), fromNS(t), fromNS(last)
		if err := unmarshal(inputs, &a.InputVersions); err != nil {
			return nil, s.errorf("asset %s: input versions: %v", key, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap("read assets", err)
	}
	// Sort in Go: SQL collations differ between databases.
	sort.Slice(out, func(i, j int) bool {
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].Partition < out[j].Partition
	})
	return out, nil
}

// writable returns an error when the log cannot be written, such as a
// SQLite file the process may only read, which SQLite opens for reading
// without a word (even BEGIN IMMEDIATE succeeds: it becomes a read
// transaction). A statement that writes, if only nothing, says so.
// Nothing is written.
func (s *store) writable(ctx context.Context) error {
	if s.readOnly {
		return s.errorf("opened read-only")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("write", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM runs WHERE 1 = 0`); err != nil {
		return s.wrap("write", err)
	}
	return nil
}

func (s *store) Reap(ctx context.Context) ([]string, error) {
	if s.readOnly {
		return nil, nil // the reading methods show dead runs as abandoned
	}
	// A queued run's steps run on queue workers, whose deaths the queue
	// handles: the run ends when the queue says so, whatever became of the
	// process that launched it.
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, host, pid, proc, heartbeat_ns FROM runs WHERE status = ? AND queued = 0`), RunRunning)
	if err != nil {
		return nil, s.wrap("find abandoned runs", err)
	}
	type cand struct {
		id, why string
		hb      int64
	}
	var dead []cand
	now := time.Now()
	for rows.Next() {
		var c cand
		var host, proc string
		var pid int
		if err := rows.Scan(&c.id, &host, &pid, &proc, &c.hb); err != nil {
			rows.Close()
			return nil, s.wrap("find abandoned runs", err)
		}
		if why, gone := s.self.gone(host, pid, proc, fromNS(c.hb), now); gone {
			c.why = why
			dead = append(dead, c)
		}
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap("find abandoned runs", err)
	}
	var ids []string
	for _, c := range dead {
		msg := "abandoned: " + c.why
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return ids, s.wrap("mark run "+c.id+" abandoned", err)
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE runs SET status = ?, error = ?, end_ns = heartbeat_ns, abandoned = 1 WHERE id = ? AND status = ?`),
			RunFailed, msg, c.id, RunRunning)
		if err == nil {
			_, err = tx.ExecContext(ctx, s.q(`UPDATE steps SET status = ?, error = ?, end_ns = ?, abandoned = 1 WHERE run_id = ? AND status = ?`),
				"failed", msg, c.hb, c.id, StepRunning)
		}
		if err == nil {
			err = s.recount(ctx, sqlTx{tx}, c.id)
		}
		if err == nil {
			err = tx.Commit()
		}
		tx.Rollback()
		if err != nil {
			return ids, s.wrap("mark run "+c.id+" abandoned", err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			ids = append(ids, c.id)
		}
	}
	return ids, nil
}

// recount stores the step counts of run id, counted from its steps.
func (s *store) recount(ctx context.Context, tx dbtx, id string) error {
	rows, err := tx.query(ctx, s.q(`SELECT status, COUNT(*) FROM steps WHERE run_id = ? GROUP BY status`), id)
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			rows.Close()
			return err
		}
		counts[status] = n
	}
	if err := rows.Close(); err != nil {
		return err
	}
	return tx.exec(ctx, s.q(`UPDATE runs SET counts = ? WHERE id = ?`), marshalCounts(counts), id)
}

// flag stores a boolean as an INTEGER, 0 or 1.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

func marshalCounts(c map[string]int) string {
	if len(c) == 0 {
		return "{}"
	}
	return marshal(c)
}

func (s *store) Close() error { return s.db.Close() }
