package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// observeCommand is observe: observe the external assets and the assets
// that observe their stored outputs, and record what was observed.
func observeCommand() *command {
	return &command{
		name:  "observe",
		args:  "[--select EXPR] [--json] [--history SPEC]",
		short: "observe external assets and stored outputs, and record the observations",
		long: `Observe observes the selected observable assets (all of them without
--select): each external asset (declared with the external option: another
system produces it) by calling its observe function, and each asset with
the observe option by reading the stamp its I/O manager keeps of each
stored output (of every partition of a partitioned one).

The observations are recorded in the run history. An external asset
whose data version changed is recorded as updated (a successful step of
an observation run, tagged observe), so that what reads it is stale and
eager conditions fire; an observed output that is gone is recorded as a
failed step, and one changed outside assetgen as a step with its new data
version, so that the asset (or what reads it) is stale. The daemon
observes the same assets at each tick.

It prints a table of the observations on stdout (--json: one JSON object
per line). Exit status: 0 when every asset was observed; 1 when one
could not be; 2 on a usage error.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &observeFlags{}
			selectFlag(fs, &f.selection, "observe")
			fs.BoolVar(&f.json, "json", false, "write the observations as JSON lines instead of a table")
			f.history.declare(fs)
			return f.run
		},
	}
}

// observeFlags are the flags of observe.
type observeFlags struct {
	selection string
	json      bool
	history   historyFlag
}

func (f *observeFlags) run(e *env) int {
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	sel, err := selectSet(g, f.selection)
	if err != nil {
		return e.selectError(err)
	}
	var keys []runtime.Key
	for _, i := range g.Order(sel) {
		if d := g.Def(i); d.Observable() {
			keys = append(keys, d.Key)
		}
	}
	if len(keys) == 0 {
		fmt.Fprintf(e.stderr, "%s observe: no selected asset is external or observes its output (the external and observe options)\n", e.prog)
		return exitOK
	}
	log, err := f.history.open(context.WithoutCancel(e.ctx))
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	env := history.Env(e.ctx, log)
	env.Now = time.Now()
	runID, rows, oerr := history.ObserveAssets(e.ctx, log, e.defs, keys, env, history.SourceCommand)
	if oerr != nil && rows == nil && runID == "" {
		e.errorf("%v", oerr)
		return exitFailed
	}
	if f.json {
		err = writeObservationsJSON(e.stdout, rows)
	} else {
		err = writeObservations(e.stdout, rows)
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	if runID != "" {
		fmt.Fprintf(e.stderr, "%s observe: recorded the changes in run %s\n", e.prog, runID)
	}
	if oerr != nil {
		e.errorf("%v", oerr)
		return exitFailed
	}
	return exitOK
}

// observationEntry is an observation in the JSON of observe and status.
type observationEntry struct {
	Asset       string           `json:"asset"`
	Partition   string           `json:"partition,omitempty"`
	External    bool             `json:"external"`
	DataVersion string           `json:"data_version,omitempty"`
	Missing     bool             `json:"missing,omitempty"`
	Metadata    runtime.Metadata `json:"metadata,omitempty"`
	Time        time.Time        `json:"time"`
	Checked     time.Time        `json:"checked"`
	RunID       string           `json:"run_id,omitempty"`
	Source      string           `json:"source"`
}

func newObservationEntry(o *history.Observation) observationEntry {
	return observationEntry{Asset: string(o.Key), Partition: o.Partition, External: o.External, DataVersion: o.DataVersion,
		Missing: o.Missing, Metadata: o.Metadata, Time: o.Time.UTC(), Checked: o.Checked.UTC(), RunID: o.RunID, Source: o.Source}
}

func writeObservationsJSON(w io.Writer, rows []history.Observation) error {
	enc := json.NewEncoder(w)
	for i := range rows {
		if err := enc.Encode(newObservationEntry(&rows[i])); err != nil {
			return err
		}
	}
	return nil
}

// writeObservations writes a table of observations: the asset (and
// partition), what was observed, and whether the history's record changed.
func writeObservations(w io.Writer, rows []history.Observation) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ASSET\tKIND\tDATA VERSION\tRECORDED\tMETADATA")
	for i := range rows {
		o := &rows[i]
		kind := "output"
		if o.External {
			kind = "external"
		}
		v := o.DataVersion
		if o.Missing {
			v = "missing"
		}
		rec := "unchanged"
		if o.RunID != "" {
			rec = "changed (run " + o.RunID + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", stepName(o.Key, o.Partition), kind, cell(v), rec, cell(fmtMetadata(o.Metadata)))
	}
	return tw.Flush()
}

// leftOut says that the external assets keys are not materialized, after
// what: "left out: landing is external: another system produces it,
// observe records it (observe --select landing)".
func leftOut(keys []runtime.Key, what string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = string(k)
	}
	is, it := "is", "it"
	if len(keys) > 1 {
		is, it = "are", "them"
	}
	list := strings.Join(names, ", ")
	return fmt.Sprintf("%s: %s %s external: another system produces %s, observe records %s (observe --select %s)", what, list, is, it, it, strings.Join(names, ","))
}

// latestObservations returns the latest observation of each asset (of
// any of its partitions) in log.
func latestObservations(e *env, log history.Log) (map[runtime.Key]*history.Observation, error) {
	rows, err := history.LatestObservations(e.ctx, log)
	if err != nil {
		return nil, err
	}
	out := map[runtime.Key]*history.Observation{}
	for i := range rows {
		o := &rows[i]
		if p := out[o.Key]; p == nil || o.Checked.After(p.Checked) {
			out[o.Key] = o
		}
	}
	return out, nil
}

// writeObserved prints the latest observation of each asset in states
// that has one.
func writeObserved(w io.Writer, states []history.State, observed map[runtime.Key]*history.Observation) {
	header := false
	for _, s := range states {
		o := observed[s.Key]
		if o == nil {
			continue
		}
		if !header {
			fmt.Fprintf(w, "\nObserved (the latest observation):\n")
			header = true
		}
		what := "data version " + o.DataVersion
		if o.Missing {
			what = "nothing stored"
			if o.External {
				what = "nothing landed"
			}
		}
		kind := "stored output"
		if o.External {
			kind = "external"
		}
		fmt.Fprintf(w, "  %s (%s): %s since %s, last observed %s by %s\n", stepName(o.Key, o.Partition), kind, what, fmtTime(o.Time), fmtTime(o.Checked), o.Source)
	}
}

// nothingStale says that only external assets are stale.
const nothingStale = "the only stale assets are external: observe records them (observe), materialize does not"

// materializable returns keys without those of external assets, which
// --stale and --from-failure may name (an external asset never observed
// is stale).
func materializable(defs *runtime.Definitions, keys []runtime.Key) []runtime.Key {
	ext := map[runtime.Key]bool{}
	for _, d := range defs.Assets {
		if d != nil && d.External() {
			ext[d.Key] = true
		}
	}
	return slices.DeleteFunc(keys, func(k runtime.Key) bool { return ext[k] })
}
