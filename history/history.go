// Package history records runs of assetgen pipelines and answers questions
// about them: which runs happened, what each step did, when each asset was
// last materialized, with which code and data versions, and which assets are
// stale.
//
// A Log is the storage. OpenSQLite keeps it in a file under a home
// directory (embedded, no server: the default, at DefaultHome);
// OpenPostgres keeps it in a PostgreSQL database that several processes or
// machines share; Open picks one from a spec string. Both apply their
// schema migrations on open and mark the runs of dead processes as
// abandoned.
//
// The commands of a pipeline's command line map to a call or two each:
//
//	materialize             rec, _ := Record(ctx, log, &opts, tags); runtime.Materialize(...); rec.Close()
//	materialize --stale     states, _ := NewView(log, defs.Assets, latest, nil, Env(ctx, log)).States(ctx, keys)
//	                        (a partitioned asset: states[i].Partitions.Select(PartitionStale, ...))
//	materialize --from-failure ID   rerun, _ := FromFailure(ctx, log, ID, defs.Assets, env)
//	status                  Stale(ctx, log, defs.Assets): State.Last, State.Stale, State.Why(), State.Partitions
//	partitions ASSET        view.State(ctx, key): Partitions.Status(i), Record(i), Causes(i), Health(n)
//	dynamic add NAME KEY    log.AddDynamicPartitions(ctx, name, keys)
//	runs                    log.Runs(ctx, RunQuery{Pipeline: PipelineName(), Limit: n})
//	runs show ID            log.Run(ctx, ID), log.Steps(ctx, ID)
//
// Both selections leave out fresh or succeeded upstreams (and partitions),
// which the runtime loads through their I/O managers; View.AddUpstream
// adds back those never materialized, and those whose outputs cannot be
// loaded in this process (the memory I/O manager).
//
// Partitions: a step of a partitioned asset is recorded per partition
// (Step.Partition; a step covering a range is a Step per partition, with
// its Range), and the latest record of each (asset, partition) is kept in
// chunks of consecutive keys that Log.Partitions reads whole, so that the
// status of an asset of 100,000 partitions reads a few hundred rows, not
// the log. A View computes the staleness of each partition through the
// partition mappings. The keys of dynamic partitions definitions are kept
// here too (Log.DynamicPartitions), and Env gives them to runs.
//
// Recording is batched in the background; Recorder documents exactly what
// is durable when the process is killed.
package history

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Run statuses, as stored.
const (
	RunRunning  = "running"  // started, not ended (or its process died: see Log.Reap)
	RunSuccess  = "success"  // every step succeeded
	RunFailed   = "failed"   // a step failed or was skipped, or the run was abandoned
	RunCanceled = "canceled" // the run was cancelled
)

// StepRunning is the status of a step that started and has not finished.
// Finished steps have the status names of runtime.Status: "success",
// "failed", "skipped", "canceled".
const StepRunning = "running"

// Run is one recorded run.
type Run struct {
	ID        string
	Pipeline  string            // the pipeline that ran it (see PipelineName); empty in runs recorded before schema 4
	Status    string            // RunRunning, RunSuccess, RunFailed or RunCanceled
	Start     time.Time         // the RunStart event
	End       time.Time         // zero while running; the earliest it can have ended when Abandoned
	Selection []runtime.Key     // the selected keys, in execution order
	Tags      map[string]string // tags given to the Recorder
	Error     string            // why the run failed, when known ("abandoned: ..." for a dead process)
	Host      string            // host name of the process that ran it
	PID       int               // its process ID
	Heartbeat time.Time         // last sign of life from that process
	// Abandoned is set when the run's process died before the run
	// ended (see Log.Reap): End is then its last heartbeat, and the run
	// went on for an unknown time after it, at most about
	// HeartbeatInterval (a live process beats at least that often).
	Abandoned bool
	// Queued is set when the run's steps run on queue workers (package
	// queue) rather than in the process that launched it: the queue
	// records its end, and Reap never marks it abandoned (a worker that
	// dies hands its step to another).
	Queued bool

	// Counts of the recorded steps by status ("success", "failed",
	// "running", ...): a step of several partitions counts once per
	// partition. Kept by the writer (a Recorder) in the same transaction
	// as the steps, and recounted by Reap; those of a queued run still
	// running are counted from its steps when it is read.
	Counts map[string]int

	// Partitions lists, for each partitioned asset of the run, the
	// partitions its plan gave it, as ranges of consecutive keys in the
	// order of the asset's definition (a lone key is a Range whose Start
	// and End are equal); nil when the run has no partitioned asset (and
	// in runs recorded before schema 5). FromFailure reads it for the
	// partitions of an abandoned run that never started.
	Partitions map[runtime.Key][]partition.Range
}

// Duration returns how long the run took, or has taken so far (until its
// last heartbeat) when it is still running. When the run was abandoned, it
// is the least it can have taken.
func (r *Run) Duration() time.Duration {
	if r.End.IsZero() {
		return r.Heartbeat.Sub(r.Start)
	}
	return r.End.Sub(r.Start)
}

// Attempt is a failed attempt of a step that was retried.
type Attempt struct {
	Attempt  int       `json:"attempt"`
	Error    string    `json:"error"`
	TimedOut bool      `json:"timed_out,omitempty"`
	Start    time.Time `json:"start,omitzero"` // zero in runs recorded before schema 2
	End      time.Time `json:"end,omitzero"`
	Stack    string    `json:"stack,omitempty"` // the panic's stack, when it panicked
}

// Step is one recorded step: one asset (and partition) in one run. A step
// of the runtime that covered several partitions is recorded as one Step
// per partition, each with the step's Range.
type Step struct {
	RunID         string
	Key           runtime.Key
	Partition     string    // the partition key; empty when unpartitioned
	Range         string    // the partitions of the runtime's step, "FIRST...LAST", when it covered several
	Status        string    // StepRunning, or a runtime.Status name
	Attempts      int       // attempts made (1 without retries)
	Start         time.Time // start of the first attempt; zero when it never started (skipped, canceled before it started)
	AttemptStart  time.Time // start of the last attempt (zero when not recorded)
	End           time.Time // zero while running; the earliest it can have ended when Abandoned
	Error         string    // failed: the last error; skipped or canceled: the reason
	Cause         runtime.Key
	Retries       []Attempt        // errors of the attempts that were retried
	Metadata      runtime.Metadata // as JSON decodes it: numbers are float64, but whole numbers of 2^53 or more (json.Number, exact)
	CodeVersion   string
	DataVersion   string                 // success: the data version of the output
	InputVersions map[runtime.Key]string // success: data versions of the inputs used
	Seq           int                    // order of the step's first event in the run
	Stack         string                 // failed by a panic: the stack of the panicking goroutine
	Note          string                 // how the step came to be recorded, when unusual (see Reconcile)
	Abandoned     bool                   // it was running when its run was abandoned: End is a lower bound, as Run's
	Worker        string                 // the queue worker that ran it (see NewStepRecorder); empty in a run of one process
	Config        string                 // the asset's run config as JSON (secrets masked); empty when it takes none

	// The partition's index (plus one; 0 when unknown) in the keys of
	// its asset's definition, pdef (Definition.String), when recorded:
	// status places a record by them without parsing its key. Kept in
	// the partition records only.
	pidx int32
	pdef string
}

// Duration returns End-Start (the least it took when Abandoned), or zero
// while the step is running or when it never started.
func (s *Step) Duration() time.Duration {
	if s.End.IsZero() || s.Start.IsZero() {
		return 0
	}
	return s.End.Sub(s.Start)
}

// Asset is the latest record of one asset (and partition): its last
// successful materialization and its last finished attempt.
type Asset struct {
	Key       runtime.Key
	Partition string

	// The last successful materialization; RunID is empty when there is
	// none.
	RunID         string
	Time          time.Time // when it ended
	CodeVersion   string
	DataVersion   string
	InputVersions map[runtime.Key]string
	Config        string // the run config it was materialized with (see Step.Config)

	// The last finished attempt, successful or not.
	LastRunID  string
	LastStatus string // "success", "failed" or "canceled"
	LastTime   time.Time
	LastError  string

	// What the stored output says, where it disagrees with the history
	// (set by Apply, never stored): Landed when the materialization above
	// is an output that landed after its run ended and is not recorded
	// yet; Conflict says how else the stored output differs from it.
	Landed   bool
	Conflict string
}

// Materialized reports whether the asset has a successful materialization.
func (a *Asset) Materialized() bool { return a.RunID != "" }

// Batch is one atomic write to a Log: runs and steps to insert or replace
// whole, each at most once. A Recorder builds batches; a Log applies each
// in one transaction, and also updates its per-asset records from the
// finished steps.
type Batch struct {
	Runs  []Run
	Steps []Step
	Logs  []LogLine // lines to insert (Dropped is zero)
	Trims []LogTrim // lines to delete, after those are inserted
	Drops []LogLine // markers of dropped lines to insert or replace (one per step)
	// Recount names runs whose step counts (Run.Counts) are counted again
	// from their steps, after the steps are written: the queued runs that
	// end, whose steps several processes wrote without counting them.
	Recount []string
	Checks  []CheckRecord // check outcomes to insert
}

func (b *Batch) empty() bool {
	return len(b.Runs) == 0 && len(b.Steps) == 0 && len(b.Logs) == 0 && len(b.Trims) == 0 && len(b.Drops) == 0 && len(b.Recount) == 0 && len(b.Checks) == 0
}

// Log is a run history store. Implementations are safe for concurrent use,
// also by several processes sharing one store.
type Log interface {
	// Write applies b in one transaction.
	Write(ctx context.Context, b *Batch) error
	// Runs lists the most recent runs that q chooses, newest first, with
	// their step counts.
	Runs(ctx context.Context, q RunQuery) ([]Run, error)
	// Run returns one run with its step counts; the error wraps
	// ErrNotFound when there is none.
	Run(ctx context.Context, id string) (*Run, error)
	// Steps returns the steps of a run, in the order they started.
	Steps(ctx context.Context, runID string) ([]Step, error)
	// Assets returns the latest record of every unpartitioned asset ever
	// attempted, sorted by key.
	Assets(ctx context.Context) ([]Asset, error)
	// Partitions returns the latest records of the partitions of asset
	// key ever attempted, sorted by partition key.
	Partitions(ctx context.Context, key runtime.Key) (*PartitionRecords, error)
	// AssetSteps returns the steps of one asset (all its partitions),
	// newest first, at most limit of them (all when limit <= 0).
	AssetSteps(ctx context.Context, key runtime.Key, limit int) ([]Step, error)
	// Logs returns the log lines of a run that q chooses, in Seq order,
	// with the markers of dropped lines in their places.
	Logs(ctx context.Context, runID string, q LogQuery) ([]LogLine, error)
	// DynamicPartitions returns the keys of the dynamic partitions
	// definition name (partition.Dynamic), in the order they were added.
	DynamicPartitions(ctx context.Context, name string) ([]string, error)
	// AddDynamicPartitions adds keys to the dynamic partitions definition
	// name, after those it has, and returns those it did not have, in
	// order. Every key must pass partition.CheckKey, and name be the name
	// of a dynamic definition; otherwise nothing is added.
	AddDynamicPartitions(ctx context.Context, name string, keys []string) ([]string, error)
	// DeleteDynamicPartitions deletes keys from the dynamic partitions
	// definition name and returns those it had. The records of their
	// materializations stay.
	DeleteDynamicPartitions(ctx context.Context, name string, keys []string) ([]string, error)
	// Reap marks as failed ("abandoned") the runs still marked running
	// whose process is gone, and their unfinished steps; finished steps
	// stay as they were. It returns the IDs of the runs it marked. Open
	// calls it once.
	Reap(ctx context.Context) ([]string, error)
	// Close releases the store.
	Close() error

	// The automation daemon's state (package automation).

	// AcquireLease takes or renews the lease name for holder until
	// now+ttl, unless another holder has it until after now, and returns
	// the lease as it stands: holder has it when Holder is holder.
	AcquireLease(ctx context.Context, name, holder string, now time.Time, ttl time.Duration) (Lease, error)
	// ReleaseLease gives up the lease name when holder has it.
	ReleaseLease(ctx context.Context, name, holder string) error
	// AutomationStates returns the stored states of schedules, sensors
	// and conditions, sorted by name.
	AutomationStates(ctx context.Context) ([]AutomationState, error)
	// SaveAutomationState stores a state's tick, cursor and result,
	// leaving whether it is paused as it was.
	SaveAutomationState(ctx context.Context, st AutomationState) error
	// SetPaused pauses or resumes the schedule, sensor or condition name.
	SetPaused(ctx context.Context, name, kind string, paused bool) error
	// ClaimTick records that a tick launches a run and reports whether
	// this call was the first to claim it; a fenced claim (Claim.Lease)
	// of a holder without the lease returns ErrNotLeader.
	ClaimTick(ctx context.Context, c Claim) (bool, error)
	// WriteEvaluations stores the latest evaluation of each asset's
	// condition, replacing the previous one.
	WriteEvaluations(ctx context.Context, evals []Evaluation) error
	// Evaluations returns the latest evaluation of every asset's
	// condition, sorted by key.
	Evaluations(ctx context.Context) ([]Evaluation, error)
}

// RunQuery chooses the runs Log.Runs lists.
type RunQuery struct {
	Pipeline string // only the runs of this pipeline; those of every pipeline when empty
	Status   string // only the runs with this status (RunRunning, ...); any when empty
	Limit    int    // at most this many, the newest; all when <= 0
}

// ErrNotFound is wrapped by errors about runs that do not exist.
var ErrNotFound = errors.New("not found")

// ErrNothingToDo is wrapped by FromFailure's error when every step of the
// run succeeded.
var ErrNothingToDo = errors.New("nothing to re-execute")

// EnvHome names the environment variable that sets the history home.
const EnvHome = "ASSETGEN_HOME"

// DefaultHome returns $ASSETGEN_HOME, or ".assetgen" in the working
// directory when it is unset. Open also accepts a PostgreSQL URL there.
func DefaultHome() string {
	if h := os.Getenv(EnvHome); h != "" {
		return h
	}
	return ".assetgen"
}

// Open opens the log that spec names: a PostgreSQL DSN (see IsPostgres)
// opens OpenPostgres; anything else is a home directory for OpenSQLite.
// An empty spec means DefaultHome(), so $ASSETGEN_HOME may hold either a
// directory or a PostgreSQL DSN.
func Open(ctx context.Context, spec string) (Log, error) { return open(ctx, spec, OpenSQLite) }

// open opens the log that spec names, a SQLite one with sqlite.
func open(ctx context.Context, spec string, sqlite func(context.Context, string) (Log, error)) (Log, error) {
	if spec == "" {
		spec = DefaultHome()
	}
	if IsPostgres(spec) {
		return OpenPostgres(ctx, spec)
	}
	if scheme, ok := urlScheme(spec); ok {
		// A typo such as postgress:// (or a sqlite:// URL) must not
		// become a directory named "postgress:".
		return nil, fmt.Errorf("history: unsupported URL scheme %q: want a directory, or a PostgreSQL DSN (postgres://...)", scheme+"://")
	}
	return sqlite(ctx, spec)
}

// urlScheme returns the scheme of spec when spec is a URL (scheme://...)
// rather than a directory.
func urlScheme(spec string) (string, bool) {
	scheme, _, ok := strings.Cut(spec, "://")
	return scheme, ok && scheme != "" && !strings.ContainsAny(scheme, `/\`)
}

// Describe names the history that spec names, as Open reads it, for
// messages, without a password: the SQLite file of a home directory, a
// URL (PostgreSQL's, or one of a scheme Open refuses) as given but for
// its password, or "(a PostgreSQL connection string)" for a key=value
// one.
func Describe(spec string) string {
	if spec == "" {
		spec = DefaultHome()
	}
	if _, ok := urlScheme(spec); ok {
		if u, err := url.Parse(spec); err == nil {
			return u.Redacted()
		}
		return "(a URL)"
	}
	if IsPostgres(spec) {
		return "(a PostgreSQL connection string)"
	}
	return SQLitePath(spec)
}

// OpenReadOnly opens the log that spec names, as Open does, for a command
// that only reads it: a SQLite history with OpenSQLiteReadOnly, a
// PostgreSQL one with OpenPostgres (a shared server, where reading
// commands may reap as usual).
func OpenReadOnly(ctx context.Context, spec string) (Log, error) {
	return open(ctx, spec, OpenSQLiteReadOnly)
}

// IsPostgres reports whether spec is a PostgreSQL DSN rather than a home
// directory: a URL (postgres:// or postgresql://) or a key=value
// connection string ("host=db dbname=assetgen") that starts with one of
// libpq's usual keywords: host, hostaddr, port, dbname, user, password,
// passfile, service, sslmode, connect_timeout or application_name.
func IsPostgres(spec string) bool {
	if strings.HasPrefix(spec, "postgres://") || strings.HasPrefix(spec, "postgresql://") {
		return true
	}
	key, _, ok := strings.Cut(strings.TrimSpace(spec), "=")
	if !ok {
		return false
	}
	switch strings.TrimSpace(key) {
	case "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service", "sslmode", "connect_timeout", "application_name":
		return true
	}
	return false
}

// dbFile is the SQLite file's name inside a home directory.
const dbFile = "history.db"

// SQLitePath returns the path of the SQLite file in home.
func SQLitePath(home string) string { return filepath.Join(home, dbFile) }
