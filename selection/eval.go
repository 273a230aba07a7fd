package selection

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/graph"
	"github.com/assetgen/assetgen/internal/suggest"
)

// Node is one asset of a graph, as far as selection is concerned.
type Node struct {
	Key      string            // slash-separated key path: "a/b/name"
	Group    string            // group name
	Kinds    []string          // kinds
	Owners   []string          // owners
	Tags     map[string]string // tags
	Upstream []string          // keys of the assets this one depends on
}

// Graph is a set of nodes and the edges between them, ready for
// evaluating expressions.
type Graph struct {
	nodes []Node
	g     *graph.Graph
}

// NewGraph builds a graph of nodes. Upstream keys that name no node are
// ignored; of nodes with the same key, the first counts, and a node with
// an empty key is left out.
func NewGraph(nodes []Node) *Graph {
	keys := make([]string, len(nodes))
	for i, n := range nodes {
		keys[i] = n.Key
	}
	return &Graph{
		nodes: nodes,
		g: graph.New(keys, func(i int, add func(string, graph.Kind) int32) {
			for _, u := range nodes[i].Upstream {
				add(u, graph.Data)
			}
		}),
	}
}

// Select parses expr and evaluates it against g.
func (g *Graph) Select(expr string) ([]string, error) {
	e, err := Parse(expr)
	if err != nil {
		return nil, err
	}
	return e.Eval(g)
}

// Eval returns the keys of the nodes e selects, in the order of the nodes
// given to NewGraph. A part of e that matches no node is an error: a key
// with a did-you-mean, a wildcard or an attribute value that matches
// nothing.
func (e *Expr) Eval(g *Graph) ([]string, error) {
	ev := &evaluator{g: g, src: e.src}
	s, err := ev.eval(e.root)
	if err != nil {
		return nil, err
	}
	var keys []string
	for i, in := range s {
		if in {
			keys = append(keys, g.nodes[i].Key)
		}
	}
	return keys, nil
}

// set is a subset of a graph's nodes, by index.
type set []bool

type evaluator struct {
	g   *Graph
	src string
}

func (ev *evaluator) newSet() set { return make(set, len(ev.g.nodes)) }

func (ev *evaluator) errorf(pos int, format string, args ...any) *Error {
	return &Error{Expr: ev.src, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// node is an expression's syntax tree.
type node interface {
	String() string
}

// match selects the nodes whose attribute matches a value (with "*"
// wildcards); for tags, value is the tag's name. A null value (<null>)
// selects the nodes without the attribute: no kind, no owner, no tag, or
// for tagNull, the tag without a value.
type match struct {
	attr        string // key, group, kind, owner, tag
	value       string
	null        bool
	tagValue    string
	tagNull     bool
	hasTagValue bool
	at          int // position of the word
	valueAt     int // position of the value
	tagValueAt  int // position of the tag's value
}

func (m *match) String() string {
	s := m.attr + ":"
	if m.null {
		return s + null
	}
	s += quote(m.value)
	switch {
	case m.tagNull:
		s += "=" + null
	case m.hasTagValue:
		s += "=" + quote(m.tagValue)
	}
	return s
}

// quote quotes s when it would not read back as one plain value.
func quote(s string) string {
	plain := s != "" && !isDigits(s) && !strings.ContainsAny(s, " \t\r\n()+\"\\:=@<>")
	switch strings.ToLower(s) {
	case "and", "or", "not":
		plain = false
	}
	if plain {
		return s
	}
	return quoted(s)
}

// quoted returns s in double quotes. Inside quotes, only double quotes and
// backslashes are escaped, as Parse expects.
func quoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

type not struct {
	x  node
	at int
}

func (n *not) String() string { return "not " + n.x.String() }

type binary struct {
	op   string // and, or
	x, y node
	at   int
}

func (b *binary) String() string { return "(" + b.x.String() + " " + b.op + " " + b.y.String() + ")" }

// traversal adds up to up layers of upstream and down layers of
// downstream nodes to x; all means every layer, 0 none.
type traversal struct {
	x        node
	up, down int
	at       int
}

func (t *traversal) String() string {
	var b strings.Builder
	switch {
	case t.up == all:
		b.WriteString("+")
	case t.up > 0:
		b.WriteString(strconv.Itoa(t.up) + "+")
	}
	b.WriteString(t.x.String())
	switch {
	case t.down == all:
		b.WriteString("+")
	case t.down > 0:
		b.WriteString("+" + strconv.Itoa(t.down))
	}
	return b.String()
}

type call struct {
	fn string // roots, sinks
	x  node
	at int
}

func (c *call) String() string { return c.fn + "(" + c.x.String() + ")" }

func (ev *evaluator) eval(n node) (set, error) {
	switch n := n.(type) {
	case *match:
		return ev.match(n)
	case *not:
		x, err := ev.eval(n.x)
		if err != nil {
			return nil, err
		}
		for i := range x {
			x[i] = !x[i] && ev.g.g.Included(int32(i))
		}
		return x, nil
	case *binary:
		x, err := ev.eval(n.x)
		if err != nil {
			return nil, err
		}
		y, err := ev.eval(n.y)
		if err != nil {
			return nil, err
		}
		for i := range x {
			if n.op == "and" {
				x[i] = x[i] && y[i]
			} else {
				x[i] = x[i] || y[i]
			}
		}
		return x, nil
	case *traversal:
		x, err := ev.eval(n.x)
		if err != nil {
			return nil, err
		}
		up, down := ev.g.g.Reach(x, graph.Up, n.up), ev.g.g.Reach(x, graph.Down, n.down)
		for i := range x {
			x[i] = x[i] || up[i] || down[i]
		}
		return x, nil
	case *call:
		x, err := ev.eval(n.x)
		if err != nil {
			return nil, err
		}
		if n.fn == "sinks" {
			return ev.g.g.Sinks(x), nil
		}
		return ev.g.g.Roots(x), nil
	}
	panic(fmt.Sprintf("selection: unknown node %T", n))
}

func (ev *evaluator) match(m *match) (set, error) {
	s := ev.newSet()
	if m.attr == "key" && !strings.Contains(m.value, "*") {
		i, ok := ev.g.g.Index(m.value)
		if !ok {
			return nil, ev.notFound(m)
		}
		s[i] = true
		return s, nil
	}
	found := false
	value, tagValue := compile(m.value), compile(m.tagValue)
	for i, n := range ev.g.nodes {
		if !ev.g.g.Included(int32(i)) {
			continue
		}
		var ok bool
		switch {
		case m.null && m.attr == "group":
			ok = n.Group == ""
		case m.null && m.attr == "kind":
			ok = len(n.Kinds) == 0
		case m.null && m.attr == "owner":
			ok = len(n.Owners) == 0
		case m.null && m.attr == "tag":
			ok = len(n.Tags) == 0
		case m.attr == "key":
			ok = value.match(n.Key)
		case m.attr == "group":
			ok = value.match(n.Group)
		case m.attr == "kind":
			ok = slices.ContainsFunc(n.Kinds, value.match)
		case m.attr == "owner":
			ok = slices.ContainsFunc(n.Owners, value.match)
		case m.attr == "tag":
			for k, v := range n.Tags {
				if value.match(k) && (!m.hasTagValue || m.tagNull && v == "" || !m.tagNull && tagValue.match(v)) {
					ok = true
					break
				}
			}
		}
		if ok {
			s[i] = true
			found = true
		}
	}
	if found {
		return s, nil
	}
	return nil, ev.notFound(m)
}

// notFound explains why m matched nothing, suggesting a near value.
func (ev *evaluator) notFound(m *match) error {
	if m.null {
		what := map[string]string{"group": "a group", "kind": "a kind", "owner": "an owner", "tag": "a tag"}[m.attr]
		return ev.errorf(m.valueAt, "no asset matches %s:<null>: every asset has %s", m.attr, what)
	}
	seen := map[string]bool{}
	for _, n := range ev.g.nodes {
		switch m.attr {
		case "key":
			seen[n.Key] = true
		case "group":
			seen[n.Group] = true
		case "kind":
			for _, k := range n.Kinds {
				seen[k] = true
			}
		case "owner":
			for _, o := range n.Owners {
				seen[o] = true
			}
		case "tag":
			for k, v := range n.Tags {
				if m.hasTagValue && glob(m.value, k) {
					seen[v] = true
				} else if !m.hasTagValue {
					seen[k] = true
				}
			}
		}
	}
	delete(seen, "")
	known := slices.Sorted(maps.Keys(seen))
	value := m.value
	what := map[string]string{"key": "asset", "group": "group", "kind": "kind", "owner": "owner", "tag": "tag"}[m.attr]
	pos := m.valueAt
	if m.tagNull && len(known) > 0 {
		return ev.errorf(m.tagValueAt, "no asset matches tag:%s=<null>: tag %s has a value wherever it is set", quote(m.value), clip(m.value))
	}
	if m.attr == "tag" && m.hasTagValue {
		if len(known) > 0 {
			// The tag exists: the value is wrong.
			value, what = m.tagValue, "value of tag "+clip(m.value)
			pos = m.tagValueAt
		} else {
			for _, n := range ev.g.nodes {
				for k := range n.Tags {
					seen[k] = true
				}
			}
			known = slices.Sorted(maps.Keys(seen))
		}
	}
	tagValue := m.attr == "tag" && m.hasTagValue && what != "tag"
	if strings.Contains(value, "*") {
		if tagValue {
			return ev.errorf(pos, "no value of tag %s matches %s", clip(m.value), clip(value))
		}
		return ev.errorf(pos, "no %s matches %s", what, clip(value))
	}
	hint := suggest.Hint(value, known)
	if tagValue {
		return ev.errorf(pos, "tag %s has no value %s%s", clip(m.value), clip(value), hint)
	}
	if hint == "" && m.attr == "key" && !strings.Contains(value, "/") {
		// A bare name that is the last component of a prefixed key.
		for _, k := range known {
			if path.Base(k) == value {
				hint = fmt.Sprintf(" (did you mean %q?)", k)
				break
			}
		}
	}
	if hint == "" && strings.Contains(value, ",") {
		// Dagster's older comma lists: say how to write one here.
		hint = fmt.Sprintf(" (to select several, join them with or: %s)", clipText(strings.Join(strings.Split(value, ","), " or ")))
	}
	return ev.errorf(pos, "unknown %s %s%s", what, clip(value), hint)
}

// glob reports whether s matches pattern, where "*" matches any run of
// characters (slashes included) and everything else matches itself.
func glob(pattern, s string) bool { return compile(pattern).match(s) }

// pattern is a compiled glob: the literal parts between the stars.
type pattern []string

func compile(p string) pattern { return strings.Split(p, "*") }

func (parts pattern) match(s string) bool {
	if len(parts) == 1 {
		return parts[0] == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}

// Keys returns an expression that selects exactly the assets keys name,
// each quoted as needed: key:a or key:"b/c".
func Keys(keys []string) string {
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(" or ")
		}
		b.WriteString("key:")
		b.WriteString(quote(k))
	}
	return b.String()
}
