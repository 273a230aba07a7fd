package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/assetgen/assetgen/internal/defview"
	"github.com/assetgen/assetgen/runtime"
)

// listCommand is list: the assets, one per line.
func listCommand() *command {
	return &command{
		name:  "list",
		args:  "[--select EXPR] [--json]",
		short: "list the assets",
		long: `List prints a table of the assets, sorted by key: key, group, kinds,
owners, upstream assets, I/O manager ("-" for an asset that stores no
output), code version, and the first sentence of the description. With
--json it prints a JSON array instead, one object per asset with every
field (io_manager is "" for an asset that stores no output).`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			var f listFlags
			selectFlag(fs, &f.selection, "list")
			fs.BoolVar(&f.json, "json", false, "print a JSON array")
			return f.run
		},
	}
}

// listFlags are the flags of list.
type listFlags struct {
	selection string
	json      bool
}

func (f *listFlags) run(e *env) int {
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	sel, err := selectSet(g, f.selection)
	if err != nil {
		return e.selectError(err)
	}
	var defs []*runtime.AssetDef
	for i, d := range e.defs.Assets {
		if sel[i] {
			defs = append(defs, d)
		}
	}
	slices.SortFunc(defs, func(x, y *runtime.AssetDef) int { return strings.Compare(string(x.Key), string(y.Key)) })
	if f.json {
		return writeJSONList(e, defs)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tGROUP\tKINDS\tOWNERS\tUPSTREAM\tIO MANAGER\tCODE VERSION\tDESCRIPTION")
	for _, d := range defs {
		var up []string
		for _, k := range d.Upstream() {
			up = append(up, string(k))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			cell(string(d.Key)), cell(d.GroupName()), list(d.Kinds), list(d.Owners), list(up),
			cell(defview.IOManager(d)), cell(d.CodeVersion), cell(defview.Synopsis(d.Description)))
	}
	if err := tw.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// listEntry is one asset in list --json.
type listEntry struct {
	Key         string            `json:"key"`
	Group       string            `json:"group"`
	Kinds       []string          `json:"kinds"`
	Owners      []string          `json:"owners"`
	Tags        map[string]string `json:"tags"`
	Upstream    []string          `json:"upstream"`
	Deps        []string          `json:"deps"`
	IOManager   string            `json:"io_manager"`
	CodeVersion string            `json:"code_version"`
	OutputType  string            `json:"output_type"`
	Retries     int               `json:"retries"`
	RetryDelay  string            `json:"retry_delay"`
	Timeout     string            `json:"timeout"`
	Description string            `json:"description"`
	Source      string            `json:"source"`
	// External is set for an external asset (observed, never
	// materialized); Observe for an asset observing its stored output.
	External bool `json:"external,omitempty"`
	Observe  bool `json:"observe,omitempty"`
	// Config is the schema of the asset's config; Resources, the
	// providers of the resources it takes, with theirs.
	Config    []runtime.ConfigField            `json:"config,omitempty"`
	Resources map[string][]runtime.ConfigField `json:"resources,omitempty"`
	// Multi is the multi-asset the asset is an output of; nil for none.
	Multi *multiEntry `json:"multi,omitempty"`
	// Checks are the asset's checks, each with the schema of its config.
	Checks []defview.Check `json:"checks"`
}

func writeJSONList(e *env, defs []*runtime.AssetDef) int {
	entries := make([]listEntry, 0, len(defs))
	for _, d := range defs {
		le := listEntry{
			Key:         string(d.Key),
			Group:       d.GroupName(),
			Kinds:       nonNil(d.Kinds),
			Owners:      nonNil(d.Owners),
			Tags:        d.Tags,
			Upstream:    []string{},
			Deps:        []string{},
			IOManager:   defview.IOManager(d),
			CodeVersion: d.CodeVersion,
			Retries:     d.Retries,
			Description: d.Description,
			Source:      d.Source,
			External:    d.External(),
			Observe:     d.ObserveOutput,
			Multi:       multiOf(d),
			Checks:      defview.Checks(d),
		}
		if le.Tags == nil {
			le.Tags = map[string]string{}
		}
		for _, k := range d.Upstream() {
			le.Upstream = append(le.Upstream, string(k))
		}
		for _, k := range d.Deps {
			le.Deps = append(le.Deps, string(k))
		}
		if d.OutputType != nil {
			le.OutputType = d.OutputType.String()
		}
		if d.RetryDelay > 0 {
			le.RetryDelay = d.RetryDelay.String()
		}
		if d.Timeout > 0 {
			le.Timeout = d.Timeout.String()
		}
		checkSec := map[string]bool{}
		for _, c := range d.Checks {
			if c != nil {
				checkSec[runtime.CheckSection(d.Key, c.Name)] = true
			}
		}
		for sec, fields := range runtime.ConfigSchema([]*runtime.AssetDef{d}) {
			if checkSec[sec] {
				continue // in Checks
			}
			if name, ok := strings.CutPrefix(sec, "resources."); ok {
				if le.Resources == nil {
					le.Resources = map[string][]runtime.ConfigField{}
				}
				le.Resources[name] = fields
			} else {
				le.Config = fields
			}
		}
		entries = append(entries, le)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(entries); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// cell returns s fit for a tabwriter cell: one line, "-" when empty.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "-"
	}
	return s
}

// list returns a comma-separated cell.
func list(s []string) string { return cell(strings.Join(s, ",")) }

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
