// Package queue runs the steps of a run on many machines: each step is a
// job of River (github.com/riverqueue/river), a job queue on PostgreSQL,
// worked by pipeline processes started with 'worker' on any machine that
// reaches the database. The run history is the same database, so 'runs',
// 'status' and the web page show queued runs as they show others.
//
// # What is where
//
// River moves jobs; it has no dependencies between them, so this package
// keeps the graph in two tables of its own beside River's:
//
//   - assetgen_queue_runs: one row per run: the definitions' fingerprint,
//     the partition environment the run was planned in (so every worker
//     resolves the same partition keys), the run's config (which every
//     worker gives its steps and the resources they build), the data versions of the
//     upstreams it loads from outside the run, how many steps are not
//     finished (remaining), and the run's state.
//   - assetgen_queue_steps: one row per step of the plan: its asset and
//     partitions, the steps that wait for it (down, the plan's edges
//     reversed), how many of the steps it waits for are not finished
//     (pending), its state (waiting, queued, running, success, failed,
//     skipped, canceled), the River job that carries it, and, while it
//     runs, a lease (a random number held by the worker running it) with
//     a heartbeat.
//
// Launch writes both in one transaction, with a job for every step that
// waits for nothing. A worker claims a step (queued -> running, taking the
// lease, in the round trip that reads its upstreams' data versions), runs
// it on a runtime.Executor, then completes it in one transaction: the
// step's record in the history (its end and materialization, which the
// worker's history recorder holds back for it: history.Recorder.Take and
// history.WriteTx), the step's final state (only while it still holds
// the lease, so a step is completed once whatever happens to its jobs,
// and a step whose completion never commits leaves no trace of its end
// in the history), pending decremented for every step in down, a job
// inserted (InsertManyTx) for each that reaches zero, every step
// downstream of a failure marked skipped, remaining decremented, and a job
// that records the run's end in the history when it reaches zero. If the
// worker dies before the commit, nothing of it happened; after, all of it.
// River completes the step's job afterwards, in batches: a job whose
// completion is lost is rescued and finds its step finished.
//
// Every completion of a run updates the run's row (remaining), so they
// take its lock one after another: the transaction updates it last and
// sends the COMMIT with that statement, so that the lock is held while
// the server runs them, never for a round trip to the worker. A step
// that no step waits for sends its whole completion in one round trip,
// an implicit transaction (one pgx batch, no BEGIN). A completion that
// ends its run is refused by those short ways (the run's end job must
// be enqueued in the transaction) and done again the general way.
//
// A worker running many steps at once sends their claims, and the
// completions of its steps that no step waits for, in shared round
// trips: one that finds none in flight goes at once, alone; those that
// come while one is in flight go together in the next (one statement
// for all the claims; one implicit transaction for the completions of
// one run, which updates the run's row once). If any of the completions
// sent together cannot be done so, none is, and each is done again
// alone.
//
// Jobs are unique per run, asset, partition and generation: a step gets
// a new generation only when the worker holding its lease is found dead
// (its heartbeat older than WorkerOptions.StaleAfter), so a retried or
// rescued job never enqueues a step twice, and the job of a dead worker,
// when River rescues it, finds its generation gone and does nothing.
//
// # Migrations
//
// Open applies River's migrations and this package's, under an advisory
// lock, whenever they are missing: the
// first 'worker' or 'materialize --queue' on a new database sets it up,
// as the history migrates its own schema on first use.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/assetgen/assetgen/history"
)

// Env names the environment variable that gives the queue's database
// when --queue is not given.
const Env = "ASSETGEN_QUEUE"

// Queue is a connection to the queue's database: River's tables, this
// package's, and the run history. It is safe for concurrent use.
type Queue struct {
	pool   *pgxpool.Pool
	log    history.Log
	client *river.Client[pgx.Tx] // inserts and cancels; workers have their own
	where  string                // host:port/db, for messages
	queue  string                // River's queue of this pipeline's steps
}

// endQueue returns the River queue of the jobs that record the ends of
// this pipeline's runs. It is not the steps' queue: a run canceled while
// every step slot is taken (by steps of other runs, or by steps that
// ignore their cancellation) must not wait for a free slot to end in the
// history.
func (q *Queue) endQueue() string { return q.queue + "_end" }

// Open connects to the PostgreSQL database dsn names (a postgres:// URL or
// a key=value string), migrating River's schema, this package's and the
// history's when needed. The queue's run history is that database.
// pipeline names the pipeline (history.PipelineName): its steps go to a
// River queue of its own, so pipelines can share a database.
func Open(ctx context.Context, dsn, pipeline string) (*Queue, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("queue: PostgreSQL DSN: %w", err)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, url.PathEscape(cfg.ConnConfig.Database))
	if !strings.Contains(dsn, "pool_max_conns") {
		// River holds one for LISTEN and fetches with others, while
		// steps claim, complete and beat their heartbeats.
		cfg.MaxConns = max(cfg.MaxConns, 16)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("queue: PostgreSQL %s: %w", where, err)
	}
	q := &Queue{pool: pool, where: where, queue: queueName(pipeline)}
	if err := q.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if q.log, err = history.OpenPostgres(ctx, dsn); err != nil {
		pool.Close()
		return nil, err
	}
	q.client, err = river.NewClient(riverpgxv5.New(pool), &river.Config{
		Logger:              slog.New(slog.DiscardHandler),
		SkipUnknownJobCheck: true,
		// Its inserts notify the workers at most once per FetchCooldown
		// per queue: as often as a worker may fetch.
		FetchCooldown: time.Millisecond,
	})
	if err != nil {
		q.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	return q, nil
}

// Unreachable reports whether err, from Open, says the database cannot
// be reached for now (down, starting up, its host not yet known, out of
// connections), so that opening again later may succeed; an error the
// server answers for good, such as a wrong password or a missing
// database, or a bad DSN, is not.
func Unreachable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code[:min(2, len(pgErr.Code))] {
		case "08", "53", "57": // connection exception, insufficient resources, operator intervention
			return true
		}
		return false
	}
	var connErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connErr) || errors.As(err, &netErr)
}

// History returns the run history of the queue's database. It stays
// open until Close.
func (q *Queue) History() history.Log { return q.log }

// Close closes the connections.
func (q *Queue) Close() error {
	var err error
	if q.log != nil {
		err = q.log.Close()
	}
	q.pool.Close()
	return err
}

// queueName returns the River queue of a pipeline's steps: River wants
// letters, digits and underscores, at most 64 of them, where pipeline
// names are import paths.
func queueName(pipeline string) string {
	h := sha256.Sum256([]byte(pipeline))
	return "assetgen_" + hex.EncodeToString(h[:8])
}

// errorf returns an error naming the database.
func (q *Queue) errorf(format string, args ...any) error {
	return fmt.Errorf("queue: PostgreSQL %s: "+format, append([]any{q.where}, args...)...)
}

// migrationLock is the advisory lock that serializes migrations: an
// arbitrary constant, "assetgen queue".
const migrationLock = 7301946522

// migrations[i] takes this package's tables from version i to i+1.
var migrations = []string{
	`CREATE TABLE assetgen_queue_runs (
		run_id TEXT PRIMARY KEY,
		fingerprint TEXT NOT NULL,
		env JSONB NOT NULL,
		versions JSONB NOT NULL,
		grace_ns BIGINT NOT NULL,
		steps INTEGER NOT NULL,
		remaining INTEGER NOT NULL,
		failed INTEGER NOT NULL DEFAULT 0,
		skipped INTEGER NOT NULL DEFAULT 0,
		canceled INTEGER NOT NULL DEFAULT 0,
		state TEXT NOT NULL,
		error TEXT NOT NULL DEFAULT '',
		created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
		ended_at TIMESTAMPTZ
	);
	CREATE TABLE assetgen_queue_steps (
		run_id TEXT NOT NULL REFERENCES assetgen_queue_runs ON DELETE CASCADE,
		step INTEGER NOT NULL,
		asset_key TEXT NOT NULL,
		partition_key TEXT NOT NULL,
		pending INTEGER NOT NULL,
		down INTEGER[] NOT NULL,
		state TEXT NOT NULL,
		gen INTEGER NOT NULL DEFAULT 0,
		job_id BIGINT,
		claims INTEGER NOT NULL DEFAULT 0,
		lease BIGINT NOT NULL DEFAULT 0,
		worker TEXT NOT NULL DEFAULT '',
		heartbeat TIMESTAMPTZ,
		data_version TEXT NOT NULL DEFAULT '',
		cause TEXT NOT NULL DEFAULT '',
		error TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (run_id, step)
	);
	CREATE INDEX assetgen_queue_steps_running ON assetgen_queue_steps (heartbeat) WHERE state = 'running';
	CREATE INDEX assetgen_queue_steps_by_key ON assetgen_queue_steps (run_id, asset_key, partition_key)`,
	// The run's config (runtime.RunConfig), which every step runs with.
	`ALTER TABLE assetgen_queue_runs ADD COLUMN config JSONB NOT NULL DEFAULT '{}'`,
	// The error that rolls back a completion taking a short way when it
	// must take the general one (see Worker.sendLeaves).
	`CREATE FUNCTION assetgen_queue_fallback() RETURNS INTEGER LANGUAGE plpgsql AS $$
	BEGIN
		RAISE EXCEPTION 'assetgen: the step''s completion takes the general way' USING ERRCODE = 'AGQ01';
	END $$`,
}

// migrate applies River's migrations and this package's that are missing,
// serialized between processes by an advisory lock. River's run one
// transaction each (one adds values to an enum, which PostgreSQL does not
// allow in the transaction that uses them); this package's run in one.
func (q *Queue) migrate(ctx context.Context) error {
	// Usually everything is current: reads say so without the lock.
	riverMig, err := rivermigrate.New(riverpgxv5.New(q.pool), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return q.errorf("River's migrations: %w", err)
	}
	if v, err := q.version(ctx, q.pool); err == nil && v == len(migrations) {
		if res, err := riverMig.Validate(ctx, nil); err == nil && res.OK {
			return nil
		}
	}
	conn, err := q.pool.Acquire(ctx)
	if err != nil {
		return q.errorf("connect: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return q.errorf("lock for migration: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	if _, err := riverMig.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return q.errorf("River's migrations: %w", err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return q.errorf("migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS assetgen_queue_schema (version INTEGER NOT NULL)`); err != nil {
		return q.errorf("migrate: %w", err)
	}
	v, err := q.version(ctx, tx)
	if errors.Is(err, pgx.ErrNoRows) {
		if _, err = tx.Exec(ctx, `INSERT INTO assetgen_queue_schema (version) VALUES (0)`); err != nil {
			return q.errorf("migrate: %w", err)
		}
	} else if err != nil {
		return q.errorf("read the schema version: %w", err)
	}
	if v > len(migrations) {
		return q.errorf("the queue's schema version %d is newer than this assetgen knows (%d): upgrade the pipeline", v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		if _, err := tx.Exec(ctx, migrations[v]); err != nil {
			return q.errorf("migrate to version %d: %w", v+1, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE assetgen_queue_schema SET version = $1`, len(migrations)); err != nil {
		return q.errorf("migrate: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return q.errorf("commit the migration: %w", err)
	}
	return nil
}

// version reads the schema version of this package's tables.
func (q *Queue) version(ctx context.Context, db interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (int, error) {
	var v int
	err := db.QueryRow(ctx, `SELECT version FROM assetgen_queue_schema`).Scan(&v)
	return v, err
}
