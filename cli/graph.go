package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

func init() {
	register(&command{
		name:  "graph",
		args:  "[--select EXPR] [--format text|mermaid|dot]",
		short: "draw the asset graph as text, Mermaid or Graphviz DOT",
		long: `Graph prints the asset graph, or the part of it --select names.

Formats:
	text      the assets layer by layer: first those with no upstream asset,
	          then those whose upstream assets are all above, each with the
	          assets it depends on
	mermaid   a Mermaid flowchart, one subgraph per group
	dot       a Graphviz digraph, one cluster per group:
	          graph --format dot | dot -Tsvg > graph.svg

Node ids are derived from the asset keys, so the output of an unchanged
graph is byte-identical from run to run.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := graphFlags{format: "text"}
			selectFlag(fs, &f.selection, "draw")
			fs.Func("format", "output `FORMAT`: text, mermaid or dot (default text)", func(s string) error {
				switch s {
				case "text", "mermaid", "dot":
					f.format = s
					return nil
				}
				return fmt.Errorf("unknown format %q: want text, mermaid or dot", s)
			})
			return f.run
		},
	})
}

// graphFlags are the flags of graph.
type graphFlags struct {
	selection string
	format    string
}

func (f *graphFlags) run(e *env) int {
	a := newAssets(e.defs)
	sel, err := a.selectSet(f.selection)
	if err != nil {
		return e.selectError(err)
	}
	w := bufio.NewWriter(e.stdout)
	switch f.format {
	case "mermaid":
		writeMermaid(w, a, sel)
	case "dot":
		writeDOT(w, a, sel)
	default:
		writeText(w, a, sel)
	}
	if err := w.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// view is the selected part of the graph in a stable order: assets sorted
// by key, each with its selected upstream assets in their own order.
type view struct {
	keys   []runtime.Key
	up     map[runtime.Key][]runtime.Key
	groups []string                      // sorted
	byGrp  map[string][]runtime.Key      // sorted keys of each group
	layer  map[runtime.Key]int           // text layer
	others map[runtime.Key][]runtime.Key // unselected upstream, for text
}

func newView(a *assets, sel []bool) *view {
	v := &view{
		up:     map[runtime.Key][]runtime.Key{},
		byGrp:  map[string][]runtime.Key{},
		layer:  map[runtime.Key]int{},
		others: map[runtime.Key][]runtime.Key{},
	}
	order := a.order(sel)
	layers := a.layers(sel, order)
	for i, d := range a.defs {
		if !sel[i] {
			continue
		}
		v.keys = append(v.keys, d.Key)
		v.layer[d.Key] = layers[i]
		g := d.GroupName()
		if _, ok := v.byGrp[g]; !ok {
			v.groups = append(v.groups, g)
		}
		v.byGrp[g] = append(v.byGrp[g], d.Key)
		for _, j := range a.up[i] {
			if sel[j] {
				v.up[d.Key] = append(v.up[d.Key], a.defs[j].Key)
			} else {
				v.others[d.Key] = append(v.others[d.Key], a.defs[j].Key)
			}
		}
	}
	slices.Sort(v.keys)
	slices.Sort(v.groups)
	for _, ks := range v.byGrp {
		slices.Sort(ks)
	}
	return v
}

// writeText writes the layered list.
func writeText(w io.Writer, a *assets, sel []bool) {
	v := newView(a, sel)
	keys := slices.Clone(v.keys)
	slices.SortStableFunc(keys, func(x, y runtime.Key) int { return v.layer[x] - v.layer[y] })
	width := 0
	for _, k := range keys {
		width = max(width, len(k))
	}
	last := -1
	for _, k := range keys {
		if l := v.layer[k]; l != last {
			last = l
			fmt.Fprintf(w, "layer %d\n", l+1)
		}
		line := "  " + string(k)
		var deps []string
		for _, u := range v.up[k] {
			deps = append(deps, string(u))
		}
		for _, u := range v.others[k] {
			deps = append(deps, string(u)+" (not selected)")
		}
		if len(deps) > 0 {
			line += strings.Repeat(" ", width-len(k)) + "  <- " + strings.Join(deps, ", ")
		}
		fmt.Fprintln(w, line)
	}
}

// mermaidIDs returns a Mermaid node id for each key: "n_" and the key
// with "/" written "__", made unique with a numeric suffix in the
// unlikely case two keys map to one id. The prefix keeps ids clear of
// Mermaid's keywords (end, graph, style, ...).
func mermaidIDs(keys []runtime.Key) map[runtime.Key]string {
	ids := make(map[runtime.Key]string, len(keys))
	used := map[string]bool{}
	for _, k := range keys { // sorted, so suffixes are stable
		base := "n_" + strings.ReplaceAll(string(k), "/", "__")
		id := base
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s_%d", base, n)
		}
		used[id] = true
		ids[k] = id
	}
	return ids
}

// mermaidLabel quotes s for a Mermaid label.
func mermaidLabel(s string) string {
	r := strings.NewReplacer(`"`, "#quot;", "\n", " ", "\r", " ")
	return `"` + r.Replace(s) + `"`
}

// groupID returns an identifier made of letters, digits and underscores
// for group name g.
func groupID(g string) string {
	var b strings.Builder
	b.WriteString("g_")
	for _, r := range g {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

// writeMermaid writes a Mermaid flowchart.
func writeMermaid(w io.Writer, a *assets, sel []bool) {
	v := newView(a, sel)
	ids := mermaidIDs(v.keys)
	fmt.Fprintln(w, "flowchart LR")
	for _, g := range v.groups {
		fmt.Fprintf(w, "  subgraph %s[%s]\n", groupID(g), mermaidLabel(g))
		for _, k := range v.byGrp[g] {
			fmt.Fprintf(w, "    %s[%s]\n", ids[k], mermaidLabel(string(k)))
		}
		fmt.Fprintln(w, "  end")
	}
	for _, k := range v.keys {
		for _, u := range v.up[k] {
			fmt.Fprintf(w, "  %s --> %s\n", ids[u], ids[k])
		}
	}
}

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// writeDOT writes a Graphviz digraph; node ids are the quoted keys.
func writeDOT(w io.Writer, a *assets, sel []bool) {
	v := newView(a, sel)
	fmt.Fprintln(w, "digraph assets {")
	fmt.Fprintln(w, "  rankdir=LR;")
	fmt.Fprintln(w, `  node [shape=box, style=rounded, fontname="Helvetica"];`)
	for _, g := range v.groups {
		fmt.Fprintf(w, "  subgraph %s {\n", dotQuote("cluster_"+g))
		fmt.Fprintf(w, "    label=%s;\n", dotQuote(g))
		for _, k := range v.byGrp[g] {
			fmt.Fprintf(w, "    %s;\n", dotQuote(string(k)))
		}
		fmt.Fprintln(w, "  }")
	}
	for _, k := range v.keys {
		for _, u := range v.up[k] {
			fmt.Fprintf(w, "  %s -> %s;\n", dotQuote(string(u)), dotQuote(string(k)))
		}
	}
	fmt.Fprintln(w, "}")
}
