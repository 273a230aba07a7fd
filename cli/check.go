package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
)

// jsonCheck is the JSON form of a check's outcome, in a check_evaluated
// event (its metadata goes to the event's metadata).
type jsonCheck struct {
	Name        string `json:"name"`
	Passed      bool   `json:"passed"`
	Severity    string `json:"severity"`
	Blocking    bool   `json:"blocking,omitempty"`
	Description string `json:"description,omitempty"`
}

func newJSONCheck(c *runtime.CheckEvaluation) *jsonCheck {
	return &jsonCheck{Name: c.Name, Passed: c.Passed, Severity: c.Severity.String(), Blocking: c.Blocking, Description: c.Description}
}

// checkEntry is a recorded check in the JSON of runs show, status and
// check: runview's, which the web API serves too.
type checkEntry = runview.Check

var newCheckEntry = runview.NewCheck

// outcome returns "passed", "FAILED (warn)", "FAILED (error)" or
// "FAILED (error, blocking)".
func outcome(c *history.CheckRecord) string {
	switch {
	case c.Passed:
		return "passed"
	case c.Blocks():
		return "FAILED (error, blocking)"
	}
	return "FAILED (" + c.Severity + ")"
}

// checkLine returns a check's outcome on one line: "NAME passed", "NAME
// FAILED (error, blocking): description".
func checkLine(ev *runtime.Event) string {
	if ev.Check == nil {
		return ""
	}
	c := history.CheckRecordOf(ev.RunID, ev.Time, ev.Check)
	s := c.Name + " " + outcome(&c)
	if !c.Passed && c.Description != "" {
		s += ": " + cell(c.Description)
	}
	return s
}

// evaluations returns the records of the check evaluations of res.
func evaluations(res *runtime.Result) []history.CheckRecord {
	var out []history.CheckRecord
	for _, s := range res.Steps {
		for i := range s.Checks {
			out = append(out, history.CheckRecordOf(res.RunID, time.Time{}, &s.Checks[i]))
		}
	}
	return out
}

// writeChecks writes the table of check outcomes, if any, after a blank
// line when lead is set.
func writeChecks(w io.Writer, checks []history.CheckRecord, lead bool) error {
	if len(checks) == 0 {
		return nil
	}
	if lead {
		fmt.Fprintln(w)
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ASSET\tCHECK\tRESULT\tDESCRIPTION")
	for i := range checks {
		c := &checks[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", stepName(c.Key, c.Partition), c.Name, outcome(c), cell(c.Description))
	}
	return tw.Flush()
}

// failedChecks returns the checks whose latest outcome failed, by asset.
func failedChecks(e *env, log history.Log) (map[runtime.Key][]history.CheckRecord, error) {
	latest, err := history.LatestChecks(e.ctx, log)
	if err != nil {
		return nil, err
	}
	out := map[runtime.Key][]history.CheckRecord{}
	for _, c := range latest {
		if !c.Passed {
			out[c.Key] = append(out[c.Key], c)
		}
	}
	return out, nil
}

// checkCommand is check: run the assets' checks against their stored
// outputs.
func checkCommand() *command {
	return &command{
		name:  "check",
		args:  "[--select EXPR] [--partition KEY] [--config FILE] [--set KEY.FIELD=VALUE] [--json] [--no-history] [--history SPEC]",
		short: "run the assets' checks against their stored outputs",
		long: `Check runs the checks of the selected assets (all of them without
--select) against their stored outputs, without materializing anything:
the //check: functions and the checks= column rules, loading the outputs
through the assets' I/O managers (the DuckDB manager evaluates column
rules in SQL). A partitioned asset is checked partition by partition:
--partition KEY checks that one, else every partition the run history
has a materialization of.

It prints one line per check on stderr and a table of the outcomes on
stdout; with --json, one check_evaluated event per check on stdout, as
materialize --json writes them. The outcomes are recorded in the run
history (unless --no-history), each linked to the run whose output it
checked, so that 'status' shows the checks that fail.

Check functions receive their config (checks.KEY.CHECK in --config,
--set checks.KEY.CHECK.FIELD=VALUE) and resources as under materialize:
the config is validated before any check runs, and each resource is
built once, when the first check needing it runs, and cleaned up at the
end.

Exit status: 0 when no check failed with severity error; 1 when one did,
or a check could not run; 2 on a usage error.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &checkFlags{}
			selectFlag(fs, &f.selection, "check")
			fs.StringVar(&f.partition, "partition", "", "check only partition `KEY` of the partitioned assets")
			fs.BoolVar(&f.json, "json", false, "write check_evaluated events to stdout as JSON lines instead of a table")
			fs.BoolVar(&f.noHistory, "no-history", false, "do not record the outcomes in the history")
			f.config.declare(fs)
			f.history.declare(fs)
			return f.run
		},
	}
}

// checkFlags are the flags of check.
type checkFlags struct {
	selection string
	partition string
	json      bool
	noHistory bool
	history   historyFlag
	config    configFlags
}

func (f *checkFlags) run(e *env) int {
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	sel, err := selectSet(g, f.selection)
	if err != nil {
		return e.selectError(err)
	}
	var defs []*runtime.AssetDef
	for _, i := range g.Order(sel) {
		if d := g.Def(i); len(d.Checks) > 0 {
			defs = append(defs, d)
		}
	}
	if len(defs) == 0 {
		fmt.Fprintf(e.stderr, "%s check: no selected asset has checks\n", e.prog)
		return exitOK
	}
	// --partition skips the unpartitioned assets: with none partitioned,
	// nothing would be checked, and the exit status would say all is well.
	if f.partition != "" && !slices.ContainsFunc(defs, func(d *runtime.AssetDef) bool { return d.Partitions != nil }) {
		return e.usageError("--partition %s: no selected asset with checks is partitioned", f.partition)
	}
	cfg, ok := e.loadConfig(&f.config)
	if !ok {
		return exitFailed
	}
	checked := make([]runtime.Key, len(defs))
	for i, d := range defs {
		checked[i] = d.Key
	}
	if err := e.defs.ValidateConfig(nil, checked, cfg); err != nil {
		e.errorf("invalid config, nothing ran:\n%s", indent(err.Error()))
		return exitFailed
	}
	// One set of resources for every check, closed once they are done.
	res := new(runtime.Resources)
	defer func() {
		if err := res.Close(); err != nil {
			e.errorf("resource cleanup failed: %v", err)
		}
	}()
	var log history.Log
	if f.noHistory {
		log = emptyLog{}
	} else if log, err = f.history.open(context.WithoutCancel(e.ctx)); err != nil {
		e.errorf("%v\n(run with --no-history to check without recording)", err)
		return exitFailed
	}
	defer log.Close()
	latest, err := log.Assets(e.ctx)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	// The materialization each output is from, and the partitions of each
	// partitioned asset that have one.
	mats := map[[2]string]string{}
	parts := map[runtime.Key][]string{}
	for _, a := range latest {
		if a.Materialized() {
			mats[[2]string{string(a.Key), a.Partition}] = a.RunID
		}
	}
	for _, d := range defs {
		if d.Partitions == nil {
			continue
		}
		recs, err := log.Partitions(e.ctx, d.Key)
		if err != nil {
			e.errorf("reading the run history: %v", err)
			return exitFailed
		}
		for i := range recs.Len() {
			if a := recs.Asset(i); a.Materialized() {
				mats[[2]string{string(a.Key), a.Partition}] = a.RunID
				parts[d.Key] = append(parts[d.Key], a.Partition)
			}
		}
	}
	var rec *history.Recorder
	if !f.noHistory {
		rec = history.NewRecorder(log, map[string]string{"command": "check"})
	}
	var jr *jsonReporter
	pr := &plainReporter{w: e.stderr}
	if f.json {
		jr = &jsonReporter{w: e.stdout, ctx: e.ctx}
	}
	runID := runtime.NewRunID()
	opts := runtime.Options{Config: cfg, Resources: res, OnEvent: func(ev runtime.Event) {
		if ev.Check != nil && ev.Check.Materialization == "" {
			ev.Check.Materialization = mats[[2]string{string(ev.Key), ev.Partition}]
		}
		if rec != nil {
			rec.OnEvent(ev)
		}
		if jr != nil {
			jr.event(ev)
		} else {
			pr.event(ev)
		}
	}}
	var all []history.CheckRecord
	failed := false
	for _, d := range defs {
		steps := []string{""}
		switch {
		case d.Partitions == nil && f.partition != "":
			continue // --partition is for the partitioned assets
		case d.Partitions == nil:
		case f.partition != "":
			steps = []string{f.partition}
		default:
			steps = parts[d.Key]
			if len(steps) == 0 {
				e.errorf("asset %s is partitioned and the run history has no materialization of it: give --partition", d.Key)
				failed = true
				continue
			}
		}
		for _, p := range steps {
			evs, err := runtime.ExecuteChecks(e.ctx, e.defs, runtime.Step{RunID: runID, Key: d.Key, Partition: p}, opts)
			if err != nil {
				e.errorf("%v", err)
				failed = true
				continue
			}
			for i := range evs {
				c := history.CheckRecordOf(runID, time.Time{}, &evs[i])
				failed = failed || (!c.Passed && c.Severity == "error")
				all = append(all, c)
			}
		}
	}
	if rec != nil {
		if err := rec.Close(); err != nil {
			e.errorf("recording the checks in the history: %v", err)
			failed = true
		}
	}
	if !f.json {
		if err := writeChecks(e.stdout, all, false); err != nil {
			e.errorf("%v", err)
		}
	}
	if failed {
		return exitFailed
	}
	return exitOK
}
