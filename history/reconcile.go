package history

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

// A step stores its output and then reports its success, which a Recorder
// writes to the log. A process that dies between the two (killed, or
// exiting at a second interrupt) leaves in storage an output the log does
// not know: its run reads as abandoned or canceled, and the asset as
// fresh from its previous materialization. I/O managers that implement
// runtime.Stamped record, atomically with the data, which run wrote it;
// Check compares those stamps with the log, and Reconcile records the
// outputs that landed.

// FindingKind says how a stored output disagrees with the history.
type FindingKind int

const (
	// Landed is the output of a run that has ended whose step is not
	// recorded as a success: its store committed, and the process ended
	// before the history recorded the step.
	Landed FindingKind = iota + 1
	// UnknownRun is an output written by a run the history does not have
	// (a process killed before its run's start was recorded, or one
	// recording to another history).
	UnknownRun
	// Changed is stored data that differs from the recorded
	// materialization and that no stamped store wrote: it was changed by
	// other means.
	Changed
)

// Finding is a stored output that disagrees with the history.
type Finding struct {
	Kind      FindingKind
	Key       runtime.Key
	Partition string
	Stamp     runtime.Stamp // what the I/O manager keeps with the output
	Recorded  *Asset        // the history's record of the asset; nil when none
	Run       *Run          // Landed: the run that stored the output
	Step      *Step         // Landed: its step as recorded; nil when none was
}

// String says what was found: "the stored output was written by run R at
// T, which the history does not have", and the like.
func (f *Finding) String() string {
	switch f.Kind {
	case Landed:
		s := fmt.Sprintf("output of run %s landed at %s", f.Run.ID, f.Stamp.Time.Format("2006-01-02 15:04:05"))
		if f.Step != nil {
			s += " after its step was recorded as " + f.Step.Status
		} else {
			s += " before its step was recorded"
		}
		return s
	case UnknownRun:
		return fmt.Sprintf("the stored output was written by run %s, which the history does not have", f.Stamp.RunID)
	case Changed:
		recorded := ""
		if f.Recorded != nil {
			recorded = f.Recorded.DataVersion
		}
		return fmt.Sprintf("the stored output has data version %s, not the recorded %s: it was changed outside assetgen", short(f.Stamp.DataVersion), short(recorded))
	}
	return "unknown finding"
}

// Check compares the stamp of each stored output of the assets of defs
// whose I/O manager is runtime.Stamped with the log's records, and
// returns where they disagree, in the order of defs.Assets: the output of
// each unpartitioned asset, against latest (Log.Assets); and, of a
// partitioned asset, the partitions whose step was running when its run
// was abandoned or canceled and has no later record, which it reports
// when their output landed (asking for the stamp of every partition of
// every asset would cost a read per partition: an output that landed
// before its step was recorded at all, or a partition changed outside
// assetgen, goes unnoticed). Outputs of runs still running are left
// alone. It writes nothing. A manager's error for one output is joined
// into the returned error, a *ManagerError, and the other outputs are
// still checked; an error reading the log returns no findings.
func Check(ctx context.Context, log Log, defs *runtime.Definitions, latest []Asset) ([]Finding, error) {
	recs := make(map[stepID]*Asset, len(latest))
	for i := range latest {
		a := &latest[i]
		recs[stepID{a.Key, a.Partition}] = a
	}
	var cut map[runtime.Key][]Step // interrupted steps of partitions, by asset
	if il, ok := log.(interruptedLister); ok {
		steps, err := il.interrupted(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range steps {
			if cut == nil {
				cut = map[runtime.Key][]Step{}
			}
			cut[s.Key] = append(cut[s.Key], s)
		}
	}
	runs := map[string]*Run{}
	steps := map[string][]Step{}
	var findings []Finding
	var errs []error
	for _, d := range defs.Assets {
		if d == nil || d.OutputType == nil {
			continue
		}
		m, ok := defs.IOManagers[d.IOManagerKey()].(runtime.Stamped)
		if !ok {
			continue
		}
		if d.Partitions != nil {
			fs, err := checkPartitions(ctx, log, d.Key, m, cut[d.Key], runs)
			if err != nil {
				me, ok := errors.AsType[*ManagerError](err)
				if !ok {
					return nil, err
				}
				errs = append(errs, me.Errs...)
			}
			findings = append(findings, fs...)
			continue
		}
		part := "" // the unpartitioned output
		st, ok, err := m.Stamp(ctx, d.Key, part)
		if err != nil {
			errs = append(errs, fmt.Errorf("stamp of %s: %w", stepName(d.Key, part), err))
			continue
		}
		if !ok {
			continue
		}
		rec := recs[stepID{d.Key, part}]
		f := Finding{Key: d.Key, Partition: part, Stamp: st, Recorded: rec}
		if st.RunID == "" {
			if rec != nil && rec.Materialized() && st.DataVersion != "" && st.DataVersion != rec.DataVersion {
				f.Kind = Changed
				findings = append(findings, f)
			}
			continue
		}
		if rec != nil && rec.RunID == st.RunID {
			continue // the history knows
		}
		run, ok := runs[st.RunID]
		if !ok {
			r, err := log.Run(ctx, st.RunID)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return nil, err
			}
			run, runs[st.RunID] = r, r
		}
		if run == nil {
			f.Kind = UnknownRun
			findings = append(findings, f)
			continue
		}
		if run.Status == RunRunning {
			continue // it will record the step itself
		}
		ss, ok := steps[run.ID]
		if !ok {
			if ss, err = log.Steps(ctx, run.ID); err != nil {
				return nil, err
			}
			steps[run.ID] = ss
		}
		if i := slices.IndexFunc(ss, func(s Step) bool { return s.Key == d.Key && s.Partition == part }); i >= 0 {
			if ss[i].Status == runtime.StatusSuccess.String() {
				continue // an older success: the history has a newer one
			}
			f.Step = &ss[i]
		}
		f.Kind, f.Run = Landed, run
		findings = append(findings, f)
	}
	if len(errs) > 0 {
		return findings, &ManagerError{errs}
	}
	return findings, nil
}

// interruptedLister is implemented by the Logs of this package: it lists
// the steps of partitions that were running when their run was abandoned
// or canceled.
type interruptedLister interface {
	interrupted(ctx context.Context) ([]Step, error)
}

func (s *store) interrupted(ctx context.Context) ([]Step, error) {
	return s.querySteps(ctx, "interrupted steps", `WHERE run_id IN (SELECT id FROM runs WHERE abandoned = 1 OR status = 'canceled')
		AND partition_key <> '' AND (abandoned = 1 OR (status = 'canceled' AND attempts > 0))`)
}

// checkPartitions returns the Landed findings among the interrupted steps
// of partitions of asset key, whose manager is m (see Check). runs caches
// the runs read.
func checkPartitions(ctx context.Context, log Log, key runtime.Key, m runtime.Stamped, steps []Step, runs map[string]*Run) ([]Finding, error) {
	if len(steps) == 0 {
		return nil, nil
	}
	recs, err := log.Partitions(ctx, key)
	if err != nil {
		return nil, err
	}
	var findings []Finding
	var errs []error
	for i := range steps {
		step := &steps[i]
		rec, ok := recs.Find(step.Partition)
		if ok && (rec.RunID == step.RunID || rec.LastRunID != step.RunID && rec.LastTime.After(step.Start)) {
			continue // the history knows, or a later run attempted the partition
		}
		st, ok2, err := m.Stamp(ctx, key, step.Partition)
		if err != nil {
			errs = append(errs, fmt.Errorf("stamp of %s: %w", stepName(key, step.Partition), err))
			continue
		}
		if !ok2 || st.RunID != step.RunID {
			continue
		}
		run, cached := runs[st.RunID]
		if !cached {
			if run, err = log.Run(ctx, st.RunID); err != nil {
				return nil, err
			}
			runs[st.RunID] = run
		}
		f := Finding{Kind: Landed, Key: key, Partition: step.Partition, Stamp: st, Run: run, Step: step}
		if ok {
			f.Recorded = &rec
		}
		findings = append(findings, f)
	}
	if len(errs) > 0 {
		return findings, &ManagerError{errs}
	}
	return findings, nil
}

// ManagerError is the error of Check when I/O managers could not give the
// stamps of some outputs, which were left unchecked.
type ManagerError struct{ Errs []error }

func (e *ManagerError) Error() string   { return errors.Join(e.Errs...).Error() }
func (e *ManagerError) Unwrap() []error { return e.Errs }

// Reconcile records in log the Landed findings: each becomes a successful
// step of its run, ending when its store committed, with the stored data
// version and a Note saying how it came to be recorded; the run's step
// counts are recounted, and its status stays. Recording the same finding
// twice changes nothing.
func Reconcile(ctx context.Context, log Log, findings []Finding) error {
	byRun := map[string][]*Finding{}
	var order []string
	for i := range findings {
		f := &findings[i]
		if f.Kind != Landed {
			continue
		}
		if byRun[f.Run.ID] == nil {
			order = append(order, f.Run.ID)
		}
		byRun[f.Run.ID] = append(byRun[f.Run.ID], f)
	}
	for _, id := range order {
		steps, err := log.Steps(ctx, id)
		if err != nil {
			return err
		}
		run := *byRun[id][0].Run
		b := &Batch{}
		for _, f := range byRun[id] {
			p := landedStep(f, steps)
			if i := slices.IndexFunc(steps, func(s Step) bool { return s.Key == p.Key && s.Partition == p.Partition }); i >= 0 {
				steps[i] = p
			} else {
				steps = append(steps, p)
			}
			b.Steps = append(b.Steps, p)
		}
		run.Counts = map[string]int{}
		for _, s := range steps {
			run.Counts[s.Status]++
		}
		b.Runs = []Run{run}
		if err := log.Write(ctx, b); err != nil {
			return err
		}
	}
	return nil
}

// landedStep returns the step that records f's output, given the steps of
// its run.
func landedStep(f *Finding, steps []Step) Step {
	p := Step{RunID: f.Run.ID, Key: f.Key, Partition: f.Partition, Attempts: 1, Start: f.Stamp.Time}
	note := "output landed before the step was recorded"
	if f.Step != nil {
		p = *f.Step
		note = "output landed after the step was recorded as " + f.Step.Status
		if f.Step.Error != "" {
			note += " (" + f.Step.Error + ")"
		}
	} else {
		for _, s := range steps {
			p.Seq = max(p.Seq, s.Seq+1)
		}
	}
	p.Status, p.End = runtime.StatusSuccess.String(), f.Stamp.Time
	p.Error, p.Cause, p.Stack = "", "", ""
	p.DataVersion = dataVersion(f)
	p.Note = note + "; recorded from the stamp its I/O manager stored with it"
	if p.Start.IsZero() || p.Start.After(p.End) {
		p.Start = p.End
	}
	return p
}

// dataVersion returns the data version to record for f's output: the
// stamp's, or the default one when the manager keeps none.
func dataVersion(f *Finding) string {
	if f.Stamp.DataVersion != "" {
		return f.Stamp.DataVersion
	}
	return DefaultDataVersion(f.Run.ID, f.Key, f.Partition)
}

// Apply returns latest as it reads with findings taken into account,
// without writing anything (for a log opened read-only): a Landed output
// becomes its asset's latest materialization, marked Landed, unless a
// later one is recorded; the other findings set their asset's Conflict,
// so that Staleness reports them. The result is sorted as Log.Assets sorts.
func Apply(latest []Asset, findings []Finding) []Asset {
	out := slices.Clone(latest)
	idx := make(map[stepID]int, len(out))
	for i := range out {
		idx[stepID{out[i].Key, out[i].Partition}] = i
	}
	for i := range findings {
		f := &findings[i]
		if f.Partition != "" {
			continue // see NewView
		}
		j, ok := idx[stepID{f.Key, f.Partition}]
		if !ok {
			out = append(out, Asset{Key: f.Key, Partition: f.Partition})
			j = len(out) - 1
			idx[stepID{f.Key, f.Partition}] = j
		}
		a := &out[j]
		if f.Kind != Landed {
			a.Conflict = f.String()
			continue
		}
		if a.Materialized() && (a.RunID == f.Run.ID || a.Time.After(f.Stamp.Time)) {
			continue
		}
		a.RunID, a.Time, a.DataVersion, a.InputVersions, a.CodeVersion, a.Config = f.Run.ID, f.Stamp.Time, dataVersion(f), nil, "", ""
		if f.Step != nil {
			a.CodeVersion, a.Config = f.Step.CodeVersion, f.Step.Config
		}
		if !a.LastTime.After(f.Stamp.Time) || a.LastRunID == f.Run.ID {
			// The landed output replaces the record of its own step
			// (canceled or failed when its process stopped), as
			// Reconcile's write does.
			a.LastRunID, a.LastStatus, a.LastTime, a.LastError = f.Run.ID, runtime.StatusSuccess.String(), f.Stamp.Time, ""
		}
		a.Landed = true
	}
	slices.SortFunc(out, func(x, y Asset) int {
		return cmp.Or(strings.Compare(string(x.Key), string(y.Key)), strings.Compare(x.Partition, y.Partition))
	})
	return out
}

// Reconciled returns the latest records of log (Log.Assets) with the
// stored outputs of defs taken into account, and the findings (see
// Check). With record, it first reaps abandoned runs, and the Landed
// findings are recorded in log (Reconcile); without, they are only
// applied to the records returned (Apply), as a log opened read-only
// needs. Either way the other findings set their record's Conflict, so
// that Staleness reports them. A manager's error leaves its outputs
// unchecked and is joined into the error, with the records still
// returned; an error of the log returns no records.
func Reconciled(ctx context.Context, log Log, defs *runtime.Definitions, record bool) ([]Asset, []Finding, error) {
	if record {
		if _, err := log.Reap(ctx); err != nil {
			return nil, nil, err
		}
	}
	latest, err := log.Assets(ctx)
	if err != nil {
		return nil, nil, err
	}
	findings, cerr := Check(ctx, log, defs, latest)
	if _, ok := errors.AsType[*ManagerError](cerr); cerr != nil && !ok {
		return nil, nil, cerr
	}
	if record && slices.ContainsFunc(findings, func(f Finding) bool { return f.Kind == Landed }) {
		if err := Reconcile(ctx, log, findings); err != nil {
			return nil, nil, err
		}
		if latest, err = log.Assets(ctx); err != nil {
			return nil, nil, err
		}
	}
	return Apply(latest, findings), findings, cerr
}

// stepName returns "key" or "key partition p".
func stepName(key runtime.Key, partition string) string {
	if partition == "" {
		return string(key)
	}
	return string(key) + " partition " + partition
}
