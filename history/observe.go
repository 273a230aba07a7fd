package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Observation is one recorded observation of an asset or partition (see
// runtime.Observed): a row per change of what was observed, with the
// last time it was observed alike.
type Observation struct {
	Key         runtime.Key
	Partition   string
	DataVersion string
	Missing     bool // nothing stored (observed output), or nothing landed (external asset)
	External    bool // of an external asset; else of an asset's stored output
	Metadata    runtime.Metadata
	Time        time.Time // first observed so
	Checked     time.Time // last observed so
	// RunID is the observation run that recorded the change in the
	// asset's record (see Observe); empty when the record did not change.
	RunID string
	// Source is who observed it last (at Checked): "observe" (the
	// command) or "daemon"; the tags of RunID's run name who recorded
	// the change.
	Source string
}

// ObservationLog is a Log that records observations, as both stores do.
type ObservationLog interface {
	// WriteObservations records obs: a row for each whose data version
	// (or Missing) differs from the latest of its asset and partition;
	// for the others, the latest row's Checked and Source move to
	// theirs.
	WriteObservations(ctx context.Context, obs []Observation) error
	// LatestObservations returns the latest observation of every asset
	// and partition, sorted by key and partition.
	LatestObservations(ctx context.Context) ([]Observation, error)
	// Observations returns the observations of asset key (all its
	// partitions), newest first, at most limit (all when limit <= 0).
	Observations(ctx context.Context, key runtime.Key, limit int) ([]Observation, error)
}

// Sources of observations.
const (
	SourceCommand = "observe"
	SourceDaemon  = "daemon"
)

// TagObserve is the tag of an observation run; its value is the source.
const TagObserve = "observe"

// Observe records the observations obs, made by source, in log, and
// makes the records of the assets follow them, so that staleness and
// automation conditions, which read those records, react:
//   - an external asset whose observed data version differs from its
//     record's gets a new materialization record, a successful step of an
//     observation run (tagged TagObserve) with that data version: its
//     readers become stale (upstream data changed) and their eager
//     conditions see an update;
//   - an asset observing its stored output whose output is gone gets a
//     failed step (the output is missing); one whose output was changed
//     by no stamped store (outside assetgen), a successful step with the
//     data version of the output as it is, so its readers become stale.
//
// The observation run is written only when a record changes; its ID is
// returned (empty when none was written), with the observations as
// recorded. A log that records no observations (no ObservationLog) still
// gets the run.
func Observe(ctx context.Context, log Log, obs []runtime.Observed, source string) (string, []Observation, error) {
	if len(obs) == 0 {
		return "", nil, nil
	}
	latest, err := log.Assets(ctx)
	if err != nil {
		return "", nil, err
	}
	recs := make(map[stepID]*Asset, len(latest))
	for i := range latest {
		recs[stepID{latest[i].Key, latest[i].Partition}] = &latest[i]
	}
	parts := map[runtime.Key]*PartitionRecords{}
	record := func(o *runtime.Observed) (*Asset, error) {
		if o.Partition == "" {
			return recs[stepID{o.Key, ""}], nil
		}
		pr, ok := parts[o.Key]
		if !ok {
			if pr, err = log.Partitions(ctx, o.Key); err != nil {
				return nil, err
			}
			parts[o.Key] = pr
		}
		a, ok := pr.Find(o.Partition)
		if !ok {
			return nil, nil
		}
		return &a, nil
	}
	runID := runtime.NewRunID()
	var steps []Step
	var keys []runtime.Key
	rows := make([]Observation, len(obs))
	for i := range obs {
		o := &obs[i]
		rows[i] = Observation{Key: o.Key, Partition: o.Partition, DataVersion: o.DataVersion, Missing: o.Missing, External: o.External,
			Metadata: o.Metadata, Time: o.Time, Checked: o.Time, Source: source}
		rec, err := record(o)
		if err != nil {
			return "", nil, err
		}
		p, ok := observedStep(o, rec)
		if !ok {
			continue
		}
		p.RunID, p.Seq = runID, len(steps)
		steps = append(steps, p)
		rows[i].RunID = runID
		if !slices.Contains(keys, o.Key) {
			keys = append(keys, o.Key)
		}
	}
	if len(steps) > 0 {
		now := obs[0].Time
		run := Run{ID: runID, Pipeline: PipelineName(), Status: RunSuccess, Start: now, End: now, Heartbeat: now,
			Selection: keys, Tags: map[string]string{TagObserve: source}, Counts: map[string]int{}}
		run.Host, run.PID = self().host, self().pid
		for _, s := range steps {
			run.Counts[s.Status]++
		}
		if err := log.Write(ctx, &Batch{Runs: []Run{run}, Steps: steps}); err != nil {
			return "", nil, err
		}
	} else {
		runID = ""
	}
	if ol, ok := log.(ObservationLog); ok {
		if err := ol.WriteObservations(ctx, rows); err != nil {
			return runID, nil, err
		}
	}
	return runID, rows, nil
}

// observedStep returns the step that makes rec, the record of o's asset
// or partition (nil when none), follow o; ok is false when it need not
// change.
func observedStep(o *runtime.Observed, rec *Asset) (Step, bool) {
	p := Step{Key: o.Key, Partition: o.Partition, Attempts: 1, Start: o.Time, End: o.Time, Metadata: o.Metadata}
	materialized := rec != nil && rec.Materialized()
	switch {
	case o.External && o.Missing:
		return p, false // nothing has landed: nothing to record
	case o.External:
		if materialized && rec.DataVersion == o.DataVersion {
			return p, false
		}
		p.Status, p.DataVersion = runtime.StatusSuccess.String(), o.DataVersion
		p.Note = "observed: the external asset's data version is " + short(o.DataVersion)
		return p, true
	case o.Missing:
		if !materialized || rec.LastStatus == runtime.StatusFailed.String() && rec.LastError == missingOutput {
			return p, false
		}
		p.Status, p.Error = runtime.StatusFailed.String(), missingOutput
		p.Note = "observed: its I/O manager has no stored output"
		return p, true
	case o.RunID == "" && materialized && o.DataVersion != "" && rec.DataVersion != o.DataVersion:
		// Changed by no stamped store: the data is what it is now.
		p.Status, p.DataVersion = runtime.StatusSuccess.String(), o.DataVersion
		p.CodeVersion, p.InputVersions, p.Config = rec.CodeVersion, rec.InputVersions, rec.Config
		p.Note = fmt.Sprintf("observed: the stored output was changed outside assetgen (data version %s, recorded %s)", short(o.DataVersion), short(rec.DataVersion))
		return p, true
	}
	return p, false
}

// missingOutput is the error of the step recording an observed output
// that is gone.
const missingOutput = "the stored output is missing (observed: deleted outside assetgen?)"

const observationColumns = `asset_key, partition_key, time_ns, checked_ns, data_version, missing, external, metadata, run_id, source`

func (s *store) WriteObservations(ctx context.Context, obs []Observation) error {
	if err := s.refuseReadOnly("record observations"); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("record observations", err)
	}
	defer tx.Rollback()
	last := s.q(`SELECT time_ns, data_version, missing FROM observations WHERE asset_key = ? AND partition_key = ? ORDER BY time_ns DESC LIMIT 1`)
	for i := range obs {
		o := &obs[i]
		what := "record observation of " + stepName(o.Key, o.Partition)
		var t int64
		var version string
		var missing int
		err := tx.QueryRowContext(ctx, last, string(o.Key), o.Partition).Scan(&t, &version, &missing)
		switch {
		case err == nil && version == o.DataVersion && (missing == 1) == o.Missing && o.RunID == "":
			_, err = tx.ExecContext(ctx, s.q(`UPDATE observations SET checked_ns = ?, source = ? WHERE asset_key = ? AND partition_key = ? AND time_ns = ?`),
				ns(o.Checked), o.Source, string(o.Key), o.Partition, t)
		case err == nil || errors.Is(err, sql.ErrNoRows):
			tn := ns(o.Time)
			if err == nil && tn <= t {
				tn = t + 1 // one row per time
			}
			_, err = tx.ExecContext(ctx, s.q(`INSERT INTO observations (`+observationColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
				string(o.Key), o.Partition, tn, ns(o.Checked), o.DataVersion, flag(o.Missing), flag(o.External), marshalMetadata(o.Metadata), o.RunID, o.Source)
		}
		if err != nil {
			return s.wrap(what, err)
		}
	}
	return s.wrap("commit observations", tx.Commit())
}

func (s *store) LatestObservations(ctx context.Context) ([]Observation, error) {
	return s.queryObservations(ctx, "latest observations", `SELECT `+observationColumns+` FROM observations AS o WHERE time_ns = (SELECT max(time_ns) FROM observations AS l
		WHERE l.asset_key = o.asset_key AND l.partition_key = o.partition_key) ORDER BY asset_key, partition_key`)
}

func (s *store) Observations(ctx context.Context, key runtime.Key, limit int) ([]Observation, error) {
	q := `SELECT ` + observationColumns + ` FROM observations WHERE asset_key = ? ORDER BY time_ns DESC, partition_key`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	return s.queryObservations(ctx, "observations of "+string(key), q, string(key))
}

func (s *store) queryObservations(ctx context.Context, what, query string, args ...any) ([]Observation, error) {
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, s.wrap(what, err)
	}
	defer rows.Close()
	var out []Observation
	for rows.Next() {
		var o Observation
		var key, meta string
		var t, checked int64
		var missing, external int
		if err := rows.Scan(&key, &o.Partition, &t, &checked, &o.DataVersion, &missing, &external, &meta, &o.RunID, &o.Source); err != nil {
			return nil, s.wrap(what, err)
		}
		o.Key, o.Time, o.Checked, o.Missing = runtime.Key(key), fromNS(t), fromNS(checked), missing == 1
		o.External = external == 1
		if err := unmarshalMetadata(meta, &o.Metadata); err != nil {
			return nil, s.wrap(what, err)
		}
		out = append(out, o)
	}
	return out, s.wrap(what, rows.Err())
}

// LatestObservations returns the latest observation of every asset and
// partition (see ObservationLog), or nil when log records none.
func LatestObservations(ctx context.Context, log Log) ([]Observation, error) {
	if ol, ok := log.(ObservationLog); ok {
		return ol.LatestObservations(ctx)
	}
	return nil, nil
}

// ObserveAssets observes the assets of keys of defs (every observable one
// when keys is nil; see runtime.Definitions.Observe), with partition keys
// resolved in env, and records what it observed with Observe. An asset
// that cannot be observed is joined into the error (a
// *runtime.ObserveError); the others are still recorded.
func ObserveAssets(ctx context.Context, log Log, defs *runtime.Definitions, keys []runtime.Key, env partition.Env, source string) (string, []Observation, error) {
	obs, oerr := defs.Observe(ctx, keys, env)
	runID, rows, err := Observe(ctx, log, obs, source)
	if err != nil {
		return runID, rows, err
	}
	return runID, rows, oerr
}

// neverMade is the reason an asset with no record is stale: an external
// asset was never observed (with data), another never materialized.
func neverMade(d *runtime.AssetDef) Reason {
	if d.External() {
		return NeverObserved
	}
	return NeverMaterialized
}
