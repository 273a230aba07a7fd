package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
)

// statusCommand is status: which assets are fresh or stale, and why.
func statusCommand() *command {
	return &command{
		name:  "status",
		args:  "[--select EXPR] [--json] [--history SPEC]",
		short: "show which assets are fresh or stale, and why",
		long: `Status prints a table of the assets, sorted by key, from the run history:
whether each is fresh or stale, why it is stale (every cause: never
materialized, last attempt failed, last attempt canceled, code version
changed, upstream data changed, upstream materialized since, upstream
stale, stored output differs from the history), and when and in which
run it was last materialized. A last line counts them; below it, a line
for each check whose latest outcome failed.

Status compares the history with the stored outputs, through I/O
managers that stamp what they store (fs, duckdb): an output stored by a
run whose process ended before the history recorded it counts as that
run's materialization (a note says so, and the next materialize records
it), and an output that no recorded run wrote makes its asset stale.
It opens the history read-only.

An asset is fresh when its last materialization used its current code
version and the current data of its upstreams. 'materialize --stale'
materializes the stale ones.

A partitioned asset is fresh when every partition is. Its row counts its
partitions: materialized (of which stale), failed (the last attempt
failed), missing (never materialized); and a health bar follows the
table: a row of cells, each a bucket of consecutive partitions (one per
partition when there are at most 50), showing the state most of them are
in, failed when any failed: █ fresh, ▓ stale, ╳ failed, ░ missing,
coloured on a terminal (green, yellow, red, grey; NO_COLOR turns colours
off). A partition is stale, as an unpartitioned asset is, when its code
version changed, or the upstream partitions it reads (through its
mappings) changed data, were materialized since, or are stale. 'partitions
ASSET' lists them one by one.

With --json it prints a JSON array instead, one object per asset, with
"partitions" holding a partitioned asset's counts and health cells.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &statusFlags{}
			selectFlag(fs, &f.selection, "show")
			fs.BoolVar(&f.json, "json", false, "print a JSON array")
			f.history.declare(fs)
			return f.run
		},
	}
}

// statusFlags are the flags of status.
type statusFlags struct {
	selection string
	json      bool
	history   historyFlag
}

// statusEntry is one asset in status --json.
type statusEntry struct {
	Asset  string        `json:"asset"`
	Status string        `json:"status"` // "fresh" or "stale"
	Stale  bool          `json:"stale"`
	Causes []statusCause `json:"causes"`
	// The last successful materialization; nil when none.
	Materialization *statusMaterialization `json:"last_materialization"`
	// The last finished attempt, successful or not; nil when none.
	Attempt *statusAttempt `json:"last_attempt"`
	// FailedChecks are the checks whose latest outcome failed.
	FailedChecks    []checkEntry `json:"failed_checks,omitempty"`
	LogicalVersion  string       `json:"logical_version,omitempty"`
	RecordedVersion string       `json:"recorded_logical_version,omitempty"`
	// Partitions counts the partitions of a partitioned asset by state;
	// nil for an unpartitioned one.
	Partitions *runview.Partitions `json:"partitions,omitempty"`
	// Automation is the last evaluation of the asset's automation
	// condition by the daemon; nil when it has none.
	Automation *statusAutomation `json:"automation,omitempty"`
	// Freshness is the asset's freshness now, when the pipeline gives it
	// a policy (cli.WithAutomation).
	Freshness *automation.FreshnessResult `json:"freshness,omitempty"`
	// Observation is the asset's latest observation (of any partition),
	// for an external asset or one observing its stored output.
	Observation *observationEntry `json:"last_observation,omitempty"`
}

// statusAutomation is the last evaluation of an asset's condition in
// status --json.
type statusAutomation struct {
	Time      time.Time `json:"time"`
	Requested []string  `json:"requested"` // the partitions requested ("" unpartitioned); empty when not requested
	Reason    string    `json:"reason"`
	RunID     string    `json:"run_id,omitempty"`
}

type statusCause struct {
	Reason   string `json:"reason"`
	Upstream string `json:"upstream,omitempty"`
	Detail   string `json:"detail,omitempty"`
	Text     string `json:"text"`
}

type statusMaterialization struct {
	RunID       string    `json:"run_id"`
	Time        time.Time `json:"time"`
	CodeVersion string    `json:"code_version"`
	DataVersion string    `json:"data_version"`
	// Landed is true when the stored output is that of a run whose
	// process ended before it recorded the step: not recorded yet.
	Landed bool `json:"landed,omitempty"`
}

type statusAttempt struct {
	RunID  string    `json:"run_id"`
	Status string    `json:"status"`
	Time   time.Time `json:"time"`
	Error  string    `json:"error,omitempty"`
}

func (f *statusFlags) run(e *env) int {
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	sel, err := selectSet(g, f.selection)
	if err != nil {
		return e.selectError(err)
	}
	log, err := f.history.openRead(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	// Read-only: outputs that landed after their run ended count as
	// materialized, and the next materialize records them.
	latest, findings, ok := reconcile(e, log, false)
	if !ok {
		return exitFailed
	}
	var keys []runtime.Key
	for i, in := range sel {
		if in {
			keys = append(keys, g.Def(int32(i)).Key)
		}
	}
	slices.Sort(keys)
	states, err := history.NewView(log, e.defs.Assets, latest, findings, history.Env(e.ctx, log)).States(e.ctx, keys)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	failed, err := failedChecks(e, log)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	evals, err := log.Evaluations(e.ctx)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	evalOf := map[runtime.Key]history.Evaluation{}
	for _, ev := range evals {
		evalOf[ev.Key] = ev
	}
	fresh := map[runtime.Key]automation.FreshnessResult{}
	if d, err := e.daemon(log, nil, nil, nil); err != nil {
		e.errorf("%v", err)
		return exitFailed
	} else if d != nil {
		if fresh, err = d.Freshness(e.ctx, time.Now()); err != nil {
			e.errorf("reading the run history: %v", err)
			return exitFailed
		}
	}
	observed, err := latestObservations(e, log)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	if f.json {
		return writeJSONStatus(e, states, failed, evalOf, fresh, observed)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "ASSET\tSTATUS\tWHY\tLAST MATERIALIZED\tRUN")
	nstale := 0
	var bars []history.State
	for _, s := range states {
		status, why, when, run := "fresh", "-", "-", "-"
		if s.Stale {
			status, why = "stale", cell(s.Why())
			nstale++
		}
		if p := s.Partitions; p != nil {
			why = "partitions: " + p.Counts().String()
			bars = append(bars, s)
		}
		if s.Last != nil && s.Last.Materialized() {
			when, run = fmtTime(s.Last.Time), s.Last.RunID
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", cell(string(s.Key)), status, why, when, run)
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "\n%s: %d fresh, %d stale\n", plural(len(states), "asset"), len(states)-nstale, nstale)
	if len(bars) > 0 {
		writeHealth(e.stdout, bars, colors(e.stdout))
	}
	writeAutomation(e.stdout, states, evalOf)
	writeFreshness(e.stdout, states, fresh)
	writeObserved(e.stdout, states, observed)
	for _, s := range states {
		if s.Last != nil && s.Last.Landed {
			fmt.Fprintf(e.stdout, "%s: the stored output is that of run %s, which stored it before its process ended; the next materialize records it\n", s.Key, s.Last.RunID)
		}
		for _, c := range failed[s.Key] {
			fmt.Fprintf(e.stdout, "%s: check %s %s in run %s: %s\n", stepName(c.Key, c.Partition), c.Name, outcome(&c), c.RunID, cell(c.Description))
		}
	}
	return exitOK
}

func writeJSONStatus(e *env, states []history.State, failed map[runtime.Key][]history.CheckRecord, evals map[runtime.Key]history.Evaluation, fresh map[runtime.Key]automation.FreshnessResult, observed map[runtime.Key]*history.Observation) int {
	entries := make([]statusEntry, 0, len(states))
	for _, s := range states {
		je := statusEntry{
			Asset:           string(s.Key),
			Status:          "fresh",
			Stale:           s.Stale,
			Causes:          []statusCause{},
			LogicalVersion:  s.Logical,
			RecordedVersion: s.Recorded,
		}
		if s.Stale {
			je.Status = "stale"
		}
		for _, c := range s.Causes {
			je.Causes = append(je.Causes, statusCause{Reason: string(c.Reason), Upstream: string(c.Upstream), Detail: c.Detail, Text: c.String()})
		}
		if l := s.Last; l != nil {
			if l.Materialized() {
				je.Materialization = &statusMaterialization{RunID: l.RunID, Time: l.Time, CodeVersion: l.CodeVersion, DataVersion: l.DataVersion, Landed: l.Landed}
			}
			if l.LastRunID != "" {
				je.Attempt = &statusAttempt{RunID: l.LastRunID, Status: l.LastStatus, Time: l.LastTime, Error: l.LastError}
			}
		}
		if p := s.Partitions; p != nil {
			je.Partitions = runview.NewPartitions(p)
		}
		for i := range failed[s.Key] {
			je.FailedChecks = append(je.FailedChecks, newCheckEntry(&failed[s.Key][i]))
		}
		if ev, ok := evals[s.Key]; ok {
			je.Automation = &statusAutomation{Time: ev.Tick, Requested: ev.Requested, Reason: ev.Reason, RunID: ev.RunID}
			if je.Automation.Requested == nil {
				je.Automation.Requested = []string{}
			}
		}
		if r, ok := fresh[s.Key]; ok {
			je.Freshness = &r
		}
		if o := observed[s.Key]; o != nil {
			oe := newObservationEntry(o)
			je.Observation = &oe
		}
		entries = append(entries, je)
	}
	return writeJSON(e, entries)
}

// writeJSON writes v as indented JSON on stdout.
func writeJSON(e *env, v any) int {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// fmtTime formats t in local time to the second, or "-" when zero.
func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

// keyNames returns the keys as strings.
func keyNames(keys []runtime.Key) []string {
	s := make([]string, len(keys))
	for i, k := range keys {
		s[i] = string(k)
	}
	return s
}

// writeAutomation prints the last evaluation of the automation condition
// of each asset in states that has one: whether the daemon requested a
// run, and why.
func writeAutomation(w io.Writer, states []history.State, evals map[runtime.Key]history.Evaluation) {
	header := false
	for _, s := range states {
		ev, ok := evals[s.Key]
		if !ok {
			continue
		}
		if !header {
			fmt.Fprintf(w, "\nAutomation (the daemon's last evaluation):\n")
			header = true
		}
		verdict := "not requested"
		if len(ev.Requested) > 0 {
			verdict = "requested run " + ev.RunID
		}
		fmt.Fprintf(w, "  %s: %s at %s: %s\n", s.Key, verdict, fmtTime(ev.Tick), ev.Reason)
	}
}

// writeFreshness prints the freshness of each asset in states that has a
// policy, the overdue ones first.
func writeFreshness(w io.Writer, states []history.State, fresh map[runtime.Key]automation.FreshnessResult) {
	if len(fresh) == 0 {
		return
	}
	overdue := 0
	for _, s := range states {
		if fresh[s.Key].Overdue {
			overdue++
		}
	}
	fmt.Fprintf(w, "\nFreshness: %d overdue\n", overdue)
	for _, want := range []bool{true, false} {
		for _, s := range states {
			r, ok := fresh[s.Key]
			if !ok || r.Overdue != want {
				continue
			}
			verdict := "fresh"
			if r.Overdue {
				verdict = "OVERDUE"
				if !r.Since.IsZero() {
					verdict += " since " + fmtTime(r.Since)
				}
			}
			fmt.Fprintf(w, "  %s: %s: %s\n", s.Key, verdict, r.Reason)
		}
	}
}
