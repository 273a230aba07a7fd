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

// graphCommand is graph: the asset graph as text, Mermaid or DOT.
func graphCommand() *command {
	return &command{
		name:  "graph",
		args:  "[--select EXPR] [--format text|mermaid|dot]",
		short: "draw the asset graph as text, Mermaid or Graphviz DOT",
		long: `Graph prints the asset graph, or the part of it --select names.

Formats:
	text      the assets layer by layer: first those with no upstream asset,
	          then those whose upstream assets are all above, each with the
	          assets it depends on: "<- a, b" the inputs it loads, "<.. c"
	          the assets it runs after without loading them (deps=)
	mermaid   a Mermaid flowchart, one subgraph per group; deps= edges
	          dashed (-.->)
	dot       a Graphviz digraph, one cluster per group, deps= edges
	          dashed: graph --format dot | dot -Tsvg > graph.svg

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
	}
}

// graphFlags are the flags of graph.
type graphFlags struct {
	selection string
	format    string
}

func (f *graphFlags) run(e *env) int {
	g, ok := e.graph()
	if !ok {
		return exitFailed
	}
	sel, err := selectSet(g, f.selection)
	if err != nil {
		return e.selectError(err)
	}
	w := bufio.NewWriter(e.stdout)
	v := newView(g, sel)
	switch f.format {
	case "mermaid":
		writeMermaid(w, v)
	case "dot":
		writeDOT(w, v)
	default:
		writeText(w, v)
	}
	if err := w.Flush(); err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	return exitOK
}

// view is the selected part of the graph in a stable order: assets sorted
// by key, each with its upstream assets in their own order.
type view struct {
	keys   []runtime.Key
	up     map[runtime.Key][]edge   // selected upstream
	groups []string                 // sorted
	byGrp  map[string][]runtime.Key // sorted keys of each group
	layer  map[runtime.Key]int32    // text layer
	others map[runtime.Key][]edge   // unselected upstream, for text
}

// edge is an edge from an upstream asset.
type edge struct {
	from runtime.Key
	dep  bool // ordering only (deps=): nothing is loaded
}

func newView(g *runtime.Graph, sel []bool) *view {
	v := &view{
		up:     map[runtime.Key][]edge{},
		byGrp:  map[string][]runtime.Key{},
		layer:  map[runtime.Key]int32{},
		others: map[runtime.Key][]edge{},
	}
	order := g.Order(sel)
	layers := g.Layers(sel, order)
	for _, i := range order {
		d := g.Def(i)
		v.keys = append(v.keys, d.Key)
		v.layer[d.Key] = layers[i]
		grp := d.GroupName()
		if _, ok := v.byGrp[grp]; !ok {
			v.groups = append(v.groups, grp)
		}
		v.byGrp[grp] = append(v.byGrp[grp], d.Key)
		for k, j := range g.Upstream(i) {
			e := edge{from: g.Def(j).Key, dep: g.IsDep(i, k)}
			if sel[j] {
				v.up[d.Key] = append(v.up[d.Key], e)
			} else {
				v.others[d.Key] = append(v.others[d.Key], e)
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

// writeText writes the layered list: each asset with "<- " and the
// inputs it loads, then "<.. " and the assets it runs after without
// loading them.
func writeText(w io.Writer, v *view) {
	keys := slices.Clone(v.keys)
	slices.SortStableFunc(keys, func(x, y runtime.Key) int { return int(v.layer[x] - v.layer[y]) })
	width := 0
	for _, k := range keys {
		width = max(width, len(k))
	}
	last := int32(-1)
	for _, k := range keys {
		if l := v.layer[k]; l != last {
			last = l
			fmt.Fprintf(w, "layer %d\n", l+1)
		}
		var inputs, deps []string
		add := func(e edge, note string) {
			if e.dep {
				deps = append(deps, string(e.from)+note)
			} else {
				inputs = append(inputs, string(e.from)+note)
			}
		}
		for _, e := range v.up[k] {
			add(e, "")
		}
		for _, e := range v.others[k] {
			add(e, " (not selected)")
		}
		line := "  " + string(k)
		pad := strings.Repeat(" ", width-len(k)) + "  "
		if len(inputs) > 0 {
			line += pad + "<- " + strings.Join(inputs, ", ")
			pad = "  "
		}
		if len(deps) > 0 {
			line += pad + "<.. " + strings.Join(deps, ", ")
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

// writeMermaid writes a Mermaid flowchart, deps= edges dashed.
func writeMermaid(w io.Writer, v *view) {
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
		for _, e := range v.up[k] {
			arrow := "-->"
			if e.dep {
				arrow = "-.->"
			}
			fmt.Fprintf(w, "  %s %s %s\n", ids[e.from], arrow, ids[k])
		}
	}
}

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", "")
	return `"` + r.Replace(s) + `"`
}

// writeDOT writes a Graphviz digraph, deps= edges dashed; node ids are
// the quoted keys.
func writeDOT(w io.Writer, v *view) {
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
		for _, e := range v.up[k] {
			style := ""
			if e.dep {
				style = " [style=dashed]"
			}
			fmt.Fprintf(w, "  %s -> %s%s;\n", dotQuote(string(e.from)), dotQuote(string(k)), style)
		}
	}
	fmt.Fprintln(w, "}")
}
