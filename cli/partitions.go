package cli

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// partitionsCommand is partitions: the state of each partition of an
// asset.
func partitionsCommand() *command {
	return &command{
		name:       "partitions",
		args:       "ASSET [--status STATE,...] [--partition-range START...END] [-n N] [--json] [--history SPEC]",
		short:      "show the state of each partition of a partitioned asset",
		positional: true,
		long: `Partitions prints the partitions of a partitioned asset in the order of its
definition, from the run history: each one's state (fresh, stale, failed,
missing), when it was last materialized, the run of its last attempt, and
why it is not fresh (see 'status'). Consecutive partitions with the same
state, run and reasons are one line, "FIRST...LAST (N)", so that a
backfill of a year is a line, not 365; the reasons of such a line leave
out what differs by partition. At most -n lines are printed (100 by
default; 0 for all), and a last line says how many more there are.

--status keeps the partitions in the states given (fresh, stale, failed,
missing; a comma-separated list), and --partition-range those from START
to END, both included.

With --json it prints a JSON object: the asset, its counts, and each
partition (not grouped) with its state, last materialization, last
attempt and causes; at most -n partitions (0 for all), with "more"
counting those left out. It opens the history read-only.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &partitionsFlags{}
			fs.StringVar(&f.status, "status", "", "only the partitions in these states: `STATE,...` of fresh, stale, failed, missing")
			fs.StringVar(&f.rng, "partition-range", "", "only the partitions from START to END, both included: `START...END`")
			fs.IntVar(&f.limit, "n", 100, "print at most `N` lines (JSON: partitions); 0 for all")
			fs.BoolVar(&f.json, "json", false, "print JSON")
			f.history.declare(fs)
			return f.run
		},
	}
}

// partitionsFlags are the flags of partitions.
type partitionsFlags struct {
	status  string
	rng     string
	limit   int
	json    bool
	history historyFlag
}

// partitionStates are the states --status accepts, by name.
var partitionStates = map[string]history.PartitionStatus{
	"fresh": history.PartitionFresh, "stale": history.PartitionStale,
	"failed": history.PartitionFailed, "missing": history.PartitionMissing,
}

func (f *partitionsFlags) run(e *env) int {
	args, status, ok := e.positional()
	if !ok {
		return status
	}
	switch len(args) {
	case 0:
		return e.usageError("want an asset key")
	case 1:
	default:
		return e.usageError("unexpected argument %q: one asset at a time", args[1])
	}
	if f.limit < 0 {
		return e.usageError("-n %d: want a positive number, or 0 for all", f.limit)
	}
	var want [4]bool
	if f.status != "" {
		for _, s := range strings.Split(f.status, ",") {
			s = strings.TrimSpace(s)
			st, ok := partitionStates[s]
			if !ok {
				return e.usageError("--status: unknown state %q%s; want fresh, stale, failed or missing", s, suggest.Hint(s, sortedKeys(partitionStates)))
			}
			want[st] = true
		}
	} else {
		want = [4]bool{true, true, true, true}
	}
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	key := runtime.Key(args[0])
	node, found := g.Index(key)
	if !found {
		var keys []string
		for i := range g.Len() {
			keys = append(keys, string(g.Def(int32(i)).Key))
		}
		return e.usageError("no asset %q%s", key, suggest.Hint(string(key), keys))
	}
	def := g.Def(node)
	if def.Partitions == nil {
		return e.usageError("asset %s is not partitioned; 'status --select %s' shows its state", key, key)
	}
	log, err := f.history.openRead(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	latest, findings, ok := reconcile(e, log, false)
	if !ok {
		return exitFailed
	}
	st, err := history.NewView(log, e.defs.Assets, latest, findings, history.Env(e.ctx, log)).State(e.ctx, key)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	p := st.Partitions
	if p == nil {
		e.errorf("asset %s: %s", key, st.Why())
		return exitFailed
	}
	sel := p.Keys.Span(0, p.Len())
	if f.rng != "" {
		r, err := partition.ParseRange(f.rng)
		if err != nil {
			return e.usageError("--partition-range: %v", err)
		}
		if sel, err = rangeOf(p.Keys, r); err != nil {
			return e.usageError("--partition-range: %v", err)
		}
	}
	if f.json {
		return f.writeJSON(e, p, sel, want)
	}
	return f.writeText(e, p, sel, want)
}

// rangeOf returns the keys that r names, as materialize runs them: those
// from r.Start to r.End; of a multi-dimensional definition, every
// combination of each dimension's range, or, for a range of one
// dimension's keys (2026-02-01...2026-02-07 of date x region), every
// key whose dimension is in it.
func rangeOf(keys *partition.Keys, r partition.Range) (partition.Subset, error) {
	sel, err := keys.Range(r)
	if err == nil {
		return sel, nil
	}
	if dsel, ok, derr := keys.ByDim(r.String(), func(dk *partition.Keys) (partition.Subset, error) { return dk.Range(r) }); ok {
		return dsel, derr
	}
	return sel, err
}

// positional parses the arguments of a command whose flags may follow
// its arguments ("partitions raw --json"), and returns the arguments.
// When ok is false, the command must return status.
func (e *env) positional() (args []string, status int, ok bool) {
	rest := e.fs.Args()
	for len(rest) > 0 {
		args = append(args, rest[0])
		if status, ok := e.parse(rest[1:]); !ok {
			return nil, status, false
		}
		rest = e.fs.Args()
	}
	return args, exitOK, true
}

func (f *partitionsFlags) writeText(e *env, p *history.Partitions, sel partition.Subset, want [4]bool) int {
	var lines []history.PartitionGroup
	for _, sp := range sel.Spans() {
		g, _ := p.Groups(sp.Lo, sp.Hi, 0, func(st history.PartitionStatus) bool { return want[st] })
		lines = append(lines, g...)
	}
	c := p.Counts()
	fmt.Fprintf(e.stdout, "%s: %s\n\n", p.Key, c)
	if len(lines) == 0 {
		fmt.Fprintln(e.stdout, "no partitions in the states and range asked for")
		return exitOK
	}
	more := 0
	if f.limit > 0 && len(lines) > f.limit {
		more = len(lines) - f.limit
		lines = lines[:f.limit]
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "PARTITIONS\tSTATUS\tLAST MATERIALIZED\tLAST RUN\tWHY")
	for _, l := range lines {
		name := p.Keys.Key(l.First)
		if l.First != l.Last {
			name = fmt.Sprintf("%s%s%s (%d)", name, partition.RangeSep, p.Keys.Key(l.Last), l.Last-l.First+1)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, l.Status, fmtTime(l.Time), cell(l.Run), cell(l.Why()))
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	if more > 0 {
		word := "lines"
		if more == 1 {
			word = "line"
		}
		fmt.Fprintf(e.stdout, "\n... %d more %s; narrow with --status or --partition-range, or -n 0 for all\n", more, word)
	}
	return exitOK
}

// partitionEntry is one partition in partitions --json.
type partitionEntry struct {
	Partition       string                 `json:"partition"`
	Status          string                 `json:"status"`
	Materialization *statusMaterialization `json:"last_materialization"`
	Attempt         *statusAttempt         `json:"last_attempt"`
	Causes          []statusCause          `json:"causes"`
}

func (f *partitionsFlags) writeJSON(e *env, p *history.Partitions, sel partition.Subset, want [4]bool) int {
	out := struct {
		Asset      string              `json:"asset"`
		Counts     *runview.Partitions `json:"counts"`
		Partitions []partitionEntry    `json:"partitions"`
		More       int                 `json:"more"`
	}{Asset: string(p.Key), Counts: runview.NewPartitions(p), Partitions: []partitionEntry{}}
	for i := range sel.Indexes() {
		st := p.Status(i)
		if !want[st] {
			continue
		}
		if f.limit > 0 && len(out.Partitions) == f.limit {
			out.More++
			continue
		}
		pe := partitionEntry{Partition: p.Keys.Key(i), Status: st.String(), Causes: []statusCause{}}
		if a, ok := p.Record(i); ok {
			if a.Materialized() {
				pe.Materialization = &statusMaterialization{RunID: a.RunID, Time: a.Time, CodeVersion: a.CodeVersion, DataVersion: a.DataVersion}
			}
			if a.LastRunID != "" {
				pe.Attempt = &statusAttempt{RunID: a.LastRunID, Status: a.LastStatus, Time: a.LastTime, Error: a.LastError}
			}
		}
		if st != history.PartitionFresh {
			for _, c := range p.Causes(i) {
				pe.Causes = append(pe.Causes, statusCause{Reason: string(c.Reason), Upstream: string(c.Upstream), Detail: c.Detail, Text: c.String()})
			}
		}
		out.Partitions = append(out.Partitions, pe)
	}
	return writeJSON(e, out)
}

// dynamicCommand is dynamic: the keys of dynamic partitions.
func dynamicCommand() *command {
	return &command{
		name:       "dynamic",
		args:       "[list NAME | add NAME KEY... | delete NAME KEY...] [--json] [--history SPEC]",
		short:      "list, add or delete the keys of dynamic partitions",
		positional: true,
		long: `Dynamic manages the keys of the dynamic partitions definitions of the
pipeline (partition.NewDynamic("customers")), which the run history keeps:
every materialize and status reads them from there, so keys added by one
process are seen by the next run of any other that shares the history.

    dynamic                       each definition, its keys and the assets that use it
    dynamic list NAME             its keys, in the order they were added
    dynamic add NAME KEY...       add keys after those it has (those it has are left)
    dynamic delete NAME KEY...    delete keys; the history keeps what their partitions did

A key must be a valid partition key (partition.CheckKey: not empty, at
most 255 bytes, no '/', '\', '|', ',' or control character, no '..', no
'.' or white space at either end); a bad key is a usage error, and
nothing is added. Deleting a key the definition does not have is an
error (status 1); the other keys are deleted.

This is a command of its own, not a verb of 'partitions', whose argument
is an asset key: a definition named like an asset ("add", say) could not
be told apart. With --json, list prints a JSON array of keys, and the
others a JSON object.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &dynamicFlags{}
			fs.BoolVar(&f.json, "json", false, "print JSON")
			f.history.declare(fs)
			return f.run
		},
	}
}

// dynamicFlags are the flags of dynamic.
type dynamicFlags struct {
	json    bool
	history historyFlag
}

// dynamicDefs returns the names of the dynamic partitions definitions of
// the assets of defs, and the assets using each (a dimension of a
// multi-dimensional definition counts).
func dynamicDefs(defs *runtime.Definitions) map[string][]runtime.Key {
	out := map[string][]runtime.Key{}
	var walk func(d partition.Definition, key runtime.Key)
	walk = func(d partition.Definition, key runtime.Key) {
		switch d := d.(type) {
		case *partition.Dynamic:
			if !slices.Contains(out[d.Name()], key) {
				out[d.Name()] = append(out[d.Name()], key)
			}
		case *partition.Multi:
			for _, n := range d.Names() {
				walk(d.Dim(n), key)
			}
		}
	}
	for _, a := range defs.Assets {
		if a != nil && a.Partitions != nil {
			walk(a.Partitions, a.Key)
		}
	}
	return out
}

func (f *dynamicFlags) run(e *env) int {
	args, status, ok := e.positional()
	if !ok {
		return status
	}
	if _, ok := e.graph(); !ok {
		return exitFailed
	}
	names := dynamicDefs(e.defs)
	if len(args) == 0 {
		return f.overview(e, names)
	}
	verb := args[0]
	switch verb {
	case "list", "add", "delete":
	default:
		return e.usageError("unknown subcommand %q%s", verb, suggest.Hint(verb, []string{"list", "add", "delete"}))
	}
	if len(args) < 2 {
		return e.usageError("dynamic %s: want the name of a dynamic partitions definition", verb)
	}
	name := args[1]
	if _, ok := names[name]; !ok {
		if len(names) == 0 {
			return e.usageError("no dynamic partitions definition %q: the pipeline has none", name)
		}
		return e.usageError("no dynamic partitions definition %q%s; the pipeline has %s", name,
			suggest.Hint(name, sortedKeys(names)), strings.Join(sortedKeys(names), ", "))
	}
	keys := args[2:]
	if verb == "list" {
		if len(keys) > 0 {
			return e.usageError("dynamic list: unexpected argument %q", keys[0])
		}
		return f.list(e, name)
	}
	if len(keys) == 0 {
		return e.usageError("dynamic %s %s: want keys", verb, name)
	}
	var bad []string
	for _, k := range keys {
		if err := partition.CheckKey(k); err != nil {
			bad = append(bad, err.Error()) // it names the key
		}
	}
	if len(bad) > 0 {
		return e.usageError("dynamic %s %s: invalid keys, nothing %s:\n%s", verb, name, map[string]string{"add": "added", "delete": "deleted"}[verb], indent(strings.Join(bad, "\n")))
	}
	log, err := f.history.open(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	if verb == "add" {
		added, err := log.AddDynamicPartitions(e.ctx, name, keys)
		if err != nil {
			e.errorf("%v", err)
			return exitFailed
		}
		if f.json {
			return writeJSON(e, map[string]any{"name": name, "added": nonNil(added)})
		}
		msg := fmt.Sprintf("%s: added %s", name, plural(len(added), "key"))
		if n := len(unique(keys)) - len(added); n > 0 {
			msg += fmt.Sprintf(" (%d already there)", n)
		}
		fmt.Fprintln(e.stdout, msg)
		return exitOK
	}
	deleted, err := log.DeleteDynamicPartitions(e.ctx, name, keys)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	var missing []string
	for _, k := range unique(keys) {
		if !slices.Contains(deleted, k) {
			missing = append(missing, k)
		}
	}
	if f.json {
		code := writeJSON(e, map[string]any{"name": name, "deleted": nonNil(deleted), "missing": nonNil(missing)})
		if code == exitOK && len(missing) > 0 {
			return exitFailed
		}
		return code
	}
	fmt.Fprintf(e.stdout, "%s: deleted %s\n", name, plural(len(deleted), "key"))
	if len(missing) > 0 {
		have, _ := log.DynamicPartitions(e.ctx, name)
		for _, k := range missing {
			e.errorf("%s has no key %q%s", name, k, suggest.Hint(k, have))
		}
		return exitFailed
	}
	return exitOK
}

// overview lists the dynamic partitions definitions with their number of
// keys and their assets.
func (f *dynamicFlags) overview(e *env, names map[string][]runtime.Key) int {
	log, err := f.history.openRead(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	type entry struct {
		Name   string   `json:"name"`
		Keys   int      `json:"keys"`
		Assets []string `json:"assets"`
	}
	entries := []entry{}
	for _, n := range sortedKeys(names) {
		keys, err := log.DynamicPartitions(e.ctx, n)
		if err != nil {
			e.errorf("reading the run history: %v", err)
			return exitFailed
		}
		entries = append(entries, entry{Name: n, Keys: len(keys), Assets: keyNames(names[n])})
	}
	if f.json {
		return writeJSON(e, entries)
	}
	if len(entries) == 0 {
		fmt.Fprintf(e.stderr, "%s dynamic: the pipeline has no dynamic partitions definition\n", e.prog)
		return exitOK
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKEYS\tASSETS")
	for _, en := range entries {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", en.Name, en.Keys, list(en.Assets))
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// list prints the keys of the dynamic partitions definition name.
func (f *dynamicFlags) list(e *env, name string) int {
	log, err := f.history.openRead(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	keys, err := log.DynamicPartitions(e.ctx, name)
	if err != nil {
		e.errorf("reading the run history: %v", err)
		return exitFailed
	}
	if f.json {
		return writeJSON(e, nonNil(keys))
	}
	if len(keys) == 0 {
		fmt.Fprintf(e.stderr, "%s dynamic: %s has no keys yet ('dynamic add %s KEY...' adds some)\n", e.prog, name, name)
		return exitOK
	}
	for _, k := range keys {
		fmt.Fprintln(e.stdout, k)
	}
	return exitOK
}

// unique returns keys without repeats, in order.
func unique(keys []string) []string {
	var out []string
	for _, k := range keys {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}
