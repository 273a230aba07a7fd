package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/columns/gotypes"
	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/suggest"
)

// CheckDirective is the comment prefix that marks a check function.
const CheckDirective = "//check:"

// spacedCheckDirective is CheckDirective as gofmt rewrites it (see
// spacedDirective).
const spacedCheckDirective = "// check:"

// checkDirectiveText returns the options text of a comment line that is
// a check directive, and its byte offset in the line.
func checkDirectiveText(line string) (text string, off int, ok bool) {
	return cutDirective(line, CheckDirective, spacedCheckDirective)
}

// CheckOptions are the parsed options of one //check: directive.
type CheckOptions struct {
	Name     string // name=: the check's name; empty means the default
	Asset    string // asset=: the key (or name) of the asset checked
	Blocking bool   // blocking=true
	// Offsets holds the byte offset, in the directive text, of each
	// option's value, by option name.
	Offsets map[string]int
}

// checkOptionNames lists the options of a check directive.
var checkOptionNames = []string{"name", "asset", "blocking"}

// ParseCheckDirective parses the options of a check directive: text is
// what follows "//check:". The syntax is that of ParseDirective.
func ParseCheckDirective(text string) (CheckOptions, error) {
	o, errs := parseCheckDirective(text)
	if len(errs) > 0 {
		return o, errs
	}
	return o, nil
}

func parseCheckDirective(text string) (CheckOptions, SyntaxErrors) {
	var o CheckOptions
	var p directiveParser
	p.options(text, checkOptionNames, nil, func(key string, valStart int, items []item) {
		v, off := items[0].text, items[0].off
		switch key {
		case "name":
			if why := ident.NameProblem(v); why != "" {
				p.errorf(off, "invalid name %q: %s", v, why)
				return
			}
			o.Name = v
		case "asset":
			if why := ident.KeyProblem(v); why != "" {
				p.errorf(off, "invalid asset key %q: %s", v, why)
				return
			}
			o.Asset = v
		case "blocking":
			b, ok := p.boolean(key, v, off)
			if !ok {
				return
			}
			o.Blocking = b
		}
		if o.Offsets == nil {
			o.Offsets = map[string]int{}
		}
		o.Offsets[key] = valStart
	})
	return o, p.errs
}

// RuleItem is one declarative column check of the checks= option:
// [warn:|blocking:]KIND(COLUMN) or KIND(COLUMN:ARG); row_count(min:N)
// and row_count(max:N) take no column.
type RuleItem struct {
	Kind      string   // not_null, unique, accepted_values, min, max, row_count
	Column    string   // the column, as written; row_count: min or max
	Values    []string // accepted_values: the values, split at |
	Bound     float64  // min, max, row_count
	BoundText string   // min, max, row_count: as written
	Warn      bool     // warn: a failure has severity warn
	Blocking  bool     // blocking: a failure skips the asset's downstream steps
	Offset    int      // of the item, in the directive text
	ColOffset int      // of the column, in the directive text; the item's when quoted
}

// Name returns the check's name: KIND_COLUMN, the column in snake_case
// (row_count_min, row_count_max for row_count).
func (r RuleItem) Name() string { return r.Kind + "_" + ident.Snake(r.Column) }

// ruleKinds lists the column rules, and whether each takes an argument.
var ruleKinds = map[string]bool{"not_null": false, "unique": false, "accepted_values": true, "min": true, "max": true, "row_count": true}

// ruleModifiers lists the prefixes of a rule: warn: and blocking:.
var ruleModifiers = []string{"blocking", "warn"}

// ruleSyntax is how a rule is written, for messages.
const ruleSyntax = "want RULE(COLUMN) or RULE(COLUMN:ARG), optionally after warn: or blocking:, such as not_null(id), warn:min(amount:0) or row_count(min:1)"

// rules sets the items of checks=.
func (p *directiveParser) rules(o *Options, items []item) {
	kinds := sortedKeys(ruleKinds)
	for _, it := range items {
		text, off := it.text, it.off
		var r RuleItem
		// A modifier is a word and a colon before the parenthesis.
		if i, j := strings.IndexByte(text, ':'), strings.IndexByte(text, '('); i >= 0 && (j < 0 || i < j) {
			mod := text[:i]
			switch mod {
			case "warn":
				r.Warn = true
			case "blocking":
				r.Blocking = true
			default:
				p.errorf(off, "unknown rule modifier %q%s; a rule may start with warn: (a failure is a warning) or blocking: (a failure skips the downstream steps)", mod, suggest.Hint(mod, ruleModifiers))
				continue
			}
			text = text[i+1:]
			if !it.quoted {
				off += i + 1
			}
			if m, _, ok := strings.Cut(text, ":"); ok && !strings.Contains(m, "(") && slices.Contains(ruleModifiers, m) {
				if m == mod {
					p.errorf(off, "modifier %s: written twice; write it once", m)
				} else {
					p.errorf(off, "rule with both %s: and %s:; a warning never blocks: keep one", mod, m)
				}
				continue
			}
		}
		kind, rest, ok := strings.Cut(text, "(")
		if !ok || !strings.HasSuffix(rest, ")") || len(rest) < 2 {
			p.errorf(off, "malformed check %q: %s", it.text, ruleSyntax)
			continue
		}
		arg, hasArg := "", false
		col := rest[:len(rest)-1]
		col, arg, hasArg = strings.Cut(col, ":")
		r.Kind, r.Column, r.Offset, r.ColOffset = kind, col, it.off, off
		if !it.quoted {
			r.ColOffset = off + len(kind) + 1
		}
		takes, known := ruleKinds[kind]
		switch {
		case !known:
			p.errorf(off, "unknown check %q%s; the checks are %s", kind, suggest.Hint(kind, kinds), strings.Join(kinds, ", "))
			continue
		case kind == "row_count" && col != "min" && col != "max":
			p.errorf(r.ColOffset, "check row_count takes min:N or max:N, not %q: row_count(min:1), row_count(max:1000000)", col)
			continue
		case col == "":
			p.errorf(r.ColOffset, "check %s needs a column: %s(COLUMN)", kind, kind)
			continue
		case takes && (!hasArg || arg == ""):
			p.errorf(off, "check %s needs a value: %s", kind, map[string]string{
				"accepted_values": "accepted_values(COLUMN:A|B|C)", "min": "min(COLUMN:NUMBER)", "max": "max(COLUMN:NUMBER)", "row_count": "row_count(min:N) or row_count(max:N)"}[kind])
			continue
		case !takes && hasArg:
			p.errorf(off, "check %s takes no value: %s(COLUMN)", kind, kind)
			continue
		}
		switch kind {
		case "accepted_values":
			r.Values = strings.Split(arg, "|")
		case "min", "max":
			b, err := strconv.ParseFloat(arg, 64)
			if err != nil || math.IsInf(b, 0) || math.IsNaN(b) {
				p.errorf(off, "invalid %s %q for column %s: want a number", kind, arg, col)
				continue
			}
			r.Bound, r.BoundText = b, arg
		case "row_count":
			n, err := strconv.ParseUint(arg, 10, 53)
			if err != nil {
				p.errorf(off, "invalid row_count %s %q: want a whole number of rows, 0 or more", col, arg)
				continue
			}
			r.Bound, r.BoundText = float64(n), strconv.FormatUint(n, 10)
		}
		o.Checks = append(o.Checks, r)
	}
}

// check is one check function of a package.
type check struct {
	fn       *types.Func
	fname    string
	name     string
	opts     CheckOptions
	desc     string
	source   string
	pos      token.Position // of the function name
	dirLine  int
	dirCol   int // column of the directive's text
	params   []*param
	target   *asset
	result   bool // returns a runtime.CheckResult (else an error)
	hasError bool // returns an error (alone, or after the result)
	bad      bool
}

// checkFunction handles fd when its doc comment has a //check:
// directive, and reports whether it had one.
func (a *analysis) checkFunction(fd *ast.FuncDecl) bool {
	var dir *ast.Comment
	var rest []*ast.Comment
	for _, c := range fd.Doc.List {
		if _, _, ok := checkDirectiveText(c.Text); !ok {
			rest = append(rest, c)
		} else if dir == nil {
			dir = c
		} else {
			a.errorf(a.position(c.Pos()), "second //check: directive for %s (first at line %d); put all options on one line", fd.Name.Name, a.position(dir.Pos()).Line)
		}
	}
	if dir == nil {
		return false
	}
	namePos := a.position(fd.Name.Pos())
	for _, c := range rest {
		if _, _, ok := directiveText(c.Text); ok {
			a.errorf(namePos, "func %s has both //asset: and //check: directives; a check is a function of its own", fd.Name.Name)
			return true
		}
	}
	if fd.Recv != nil {
		a.errorf(namePos, "//check: directive on method %s; only top-level functions can be checks", fd.Name.Name)
		return true
	}
	text, off, _ := checkDirectiveText(dir.Text)
	opts, errs := parseCheckDirective(text)
	dirPos := a.position(dir.Pos())
	for _, e := range errs {
		p := dirPos
		p.Column += off + e.Offset
		a.errorf(p, "%s", e.Msg)
	}
	c := &check{fname: fd.Name.Name, pos: namePos, opts: opts, bad: len(errs) > 0,
		dirLine: dirPos.Line, dirCol: dirPos.Column + off}
	c.source = fmt.Sprintf("%s:%d", a.sourceName(namePos.Filename), a.position(fd.Pos()).Line)
	c.desc = strings.TrimSpace((&ast.CommentGroup{List: rest}).Text())
	c.name = opts.Name
	if c.name == "" {
		c.name = ident.Snake(fd.Name.Name)
		if why := ident.NameProblem(c.name); why != "" {
			a.errorf(namePos, "check name %q (from function %s) is not valid: %s; set one with name=", c.name, fd.Name.Name, why)
			c.bad = true
		}
	}
	a.checks = append(a.checks, c)
	fn, _ := a.pkg.Types.Scope().Lookup(fd.Name.Name).(*types.Func)
	if fn == nil || fn.Pos() != fd.Name.Pos() {
		c.bad = true
		return true
	}
	c.fn = fn
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 || sig.Variadic() {
		a.errorf(namePos, "check function %s has type parameters or is variadic; a check must be a plain function", fd.Name.Name)
		c.bad = true
		return true
	}
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		p := &param{name: v.Name(), typ: v.Type(), pos: a.position(v.Pos())}
		if isContext(v.Type()) {
			p.ctx = true
		} else if p.name == "" || p.name == "_" {
			a.errorf(a.position(paramTypePos(fd, i)), "parameter %d of check %s has no name; name it after the asset it reads", i+1, fd.Name.Name)
			p.bad, c.bad = true, true
		} else if why := a.unnameable(p.typ); why != "" {
			a.errorf(p.pos, "type of parameter %s of check %s cannot be written in package %s: %s", p.name, fd.Name.Name, a.pkg.Name, why)
			p.bad, c.bad = true, true
		}
		c.params = append(c.params, p)
	}
	res := sig.Results()
	switch {
	case res.Len() == 1 && isError(res.At(0).Type()):
		c.hasError = true
	case res.Len() == 1 && isNamed(res.At(0).Type(), RuntimePath, "CheckResult"):
		c.result = true
	case res.Len() == 2 && isNamed(res.At(0).Type(), RuntimePath, "CheckResult") && isError(res.At(1).Type()):
		c.result, c.hasError = true, true
	default:
		pos := namePos
		if fd.Type.Results != nil {
			pos = a.position(fd.Type.Results.Pos())
		}
		a.errorf(pos, "check function %s returns %s; want error, runtime.CheckResult or (runtime.CheckResult, error)", fd.Name.Name, types.TypeString(res, a.qual))
		c.bad = true
	}
	return true
}

// resolveChecks binds the parameters of every check to assets, finds the
// asset each checks, and checks the column rules of every asset and the
// check names of each asset.
func (a *analysis) resolveChecks() {
	byName := map[string][]*asset{}
	byKey := map[string]*asset{}
	var names, keys []string
	for _, as := range a.assets {
		if byKey[as.key] == nil {
			byKey[as.key] = as
			keys = append(keys, as.key)
		}
		if len(byName[as.name]) == 0 {
			names = append(names, as.name)
		}
		byName[as.name] = append(byName[as.name], as)
	}
	slices.Sort(names)
	slices.Sort(keys)
	for _, c := range a.checks {
		if c.fn == nil {
			continue
		}
		var ups []*asset
		for _, p := range c.params {
			if p.ctx || p.bad || p.cfg || p.res != nil {
				continue
			}
			want := ident.Snake(p.name)
			cands := byName[want]
			switch {
			case len(cands) == 0:
				a.errorf(p.pos, "parameter %s of check %s names no asset: no asset is named %q in package %s%s%s", p.name, c.fname, want, a.pkg.Name, suggest.Hint(want, names), a.noProvider(p.typ))
				c.bad = true
				continue
			case len(cands) > 1:
				a.errorf(p.pos, "parameter %s of check %s is ambiguous: several assets are named %q", p.name, c.fname, want)
				c.bad = true
				continue
			}
			up := cands[0]
			p.up = up
			if !slices.Contains(ups, up) {
				ups = append(ups, up)
			}
			switch {
			case up.bad || up.fn == nil:
				c.bad = true
			case up.result == nil:
				a.errorf(p.pos, "parameter %s of check %s names asset %q, which has no output (%s, declared at %s)", p.name, c.fname, up.key, up.fname, a.short(up.pos))
				c.bad = true
			case !types.AssignableTo(up.result, p.typ):
				a.errorf(p.pos, "parameter %s of check %s has type %s, but asset %q returns %s", p.name, c.fname,
					types.TypeString(p.typ, a.qual), up.key, types.TypeString(up.result, a.qual))
				c.bad = true
			}
		}
		switch {
		case c.opts.Asset != "":
			t := byKey[c.opts.Asset]
			if t == nil && len(byName[c.opts.Asset]) == 1 {
				t = byName[c.opts.Asset][0]
			}
			if t == nil {
				pos := c.pos
				pos.Line, pos.Column = c.dirLine, c.dirCol+c.opts.Offsets["asset"]
				if m := a.multiNamed(c.opts.Asset); m != nil {
					outs := make([]string, len(m.outs))
					for i, o := range m.outs {
						outs[i] = o.key
					}
					a.errorf(pos, "asset= of check %s names multi-asset %s, whose outputs are assets of their own: name one of them (%s)", c.fname, m.fname, strings.Join(outs, ", "))
				} else {
					a.errorf(pos, "asset= of check %s names no asset: no asset has key %q in package %s%s", c.fname, c.opts.Asset, a.pkg.Name, suggest.Hint(c.opts.Asset, keys))
				}
				c.bad = true
				continue
			}
			c.target = t
		case len(ups) == 1:
			c.target = ups[0]
		case len(ups) == 0 && !c.bad:
			a.errorf(c.pos, "check %s names no asset: give it a parameter named after the asset it checks, or say which with asset=", c.fname)
			c.bad = true
			continue
		case len(ups) > 1:
			ks := make([]string, len(ups))
			for i, u := range ups {
				ks[i] = u.key
			}
			a.errorf(c.pos, "check %s reads assets %s: say which it checks with asset=", c.fname, strings.Join(ks, ", "))
			c.bad = true
			continue
		default:
			continue
		}
		for _, p := range c.params {
			if p.up != nil && p.up != c.target && p.up.part != nil {
				a.errorf(p.pos, "parameter %s of check %s reads partitioned asset %q, which is not the asset it checks (%s); a check reads its own asset's partition and unpartitioned assets", p.name, c.fname, p.up.key, c.target.key)
				c.bad = true
			}
		}
	}
	// Check names, per asset: column rules first, then functions in
	// source order.
	a.validRules = map[*asset][]RuleItem{}
	for _, as := range a.assets {
		seen := map[string]string{}
		rules := a.columnRules(as)
		a.validRules[as] = rules
		for _, r := range rules {
			if prev, dup := seen[r.Name()]; dup {
				a.errorf(a.at(as, r.Offset), "duplicate check %q of asset %s (also %s)", r.Name(), as.key, prev)
				continue
			}
			seen[r.Name()] = "in its checks= option"
		}
		for _, c := range a.checks {
			if c.target != as {
				continue
			}
			if prev, dup := seen[c.name]; dup {
				a.errorf(c.pos, "duplicate check %q of asset %s (also %s); give one another name with name=", c.name, as.key, prev)
				c.bad = true
				continue
			}
			seen[c.name] = "func " + c.fname + " at " + a.short(c.pos)
		}
	}
}

// at returns the position of byte off of the directive text of as.
func (a *analysis) at(as *asset, off int) token.Position {
	if pos, ok := a.tagPos(as, "", off); ok {
		return pos // the checks of an output of a multi-asset
	}
	pos := as.pos
	pos.Line, pos.Column = as.dirLine, as.dirCol+off
	return pos
}

// columnRules checks the checks= rules of as against the columns of its
// output and returns those that hold.
func (a *analysis) columnRules(as *asset) []RuleItem {
	rules := as.opts.Checks
	if len(rules) == 0 || as.fn == nil || as.bad {
		return nil
	}
	var elem types.Type
	ok := false
	if as.result != nil {
		elem, _, ok = gotypes.RowOf(as.result)
	}
	if !ok {
		out := "no output"
		if as.result != nil {
			out = "output " + types.TypeString(as.result, a.qual)
		}
		a.errorf(a.at(as, as.opts.Offsets["checks"]), "checks= on asset %s, whose %s is not a table: column checks need a []T or []*T of a struct", as.key, out)
		return nil
	}
	cols, err := gotypes.Of(elem)
	if err != nil {
		return nil // the column rule's error is reported with the edges that need it
	}
	var colNames []string
	for _, c := range cols {
		colNames = append(colNames, c.Name)
	}
	var good []RuleItem
	for _, r := range rules {
		if r.Kind == "row_count" {
			good = append(good, r)
			continue
		}
		i := slices.IndexFunc(cols, func(c columns.Column[types.Type]) bool { return columns.Fold(c.Name) == columns.Fold(r.Column) })
		if i < 0 {
			a.errorf(a.at(as, r.ColOffset), "check %s of asset %s: %s has no column %q%s; its columns are %s", r.Kind, as.key,
				types.TypeString(elem, a.qual), r.Column, suggest.Hint(r.Column, colNames), strings.Join(colNames, ", "))
			continue
		}
		if (r.Kind == "min" || r.Kind == "max") && !numeric(cols[i].Type) {
			a.errorf(a.at(as, r.ColOffset), "check %s of asset %s: column %s is of type %s, not a number", r.Kind, as.key, cols[i].Name, types.TypeString(cols[i].Type, a.qual))
			continue
		}
		r.Column = cols[i].Name
		good = append(good, r)
	}
	return good
}

// numeric reports whether a column of type t holds numbers: an integer
// or float, through pointers and database/sql's Null types.
func numeric(t types.Type) bool {
	for {
		switch u := t.Underlying().(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Basic:
			return u.Info()&(types.IsInteger|types.IsFloat) != 0
		case *types.Struct:
			if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "database/sql" &&
				strings.HasPrefix(n.Obj().Name(), "Null") && u.NumFields() == 2 {
				t = u.Field(0).Type()
				continue
			}
		}
		return false
	}
}

// checksOf returns the checks of as that the generated file defines.
func (a *analysis) checksOf(as *asset) []*check {
	var out []*check
	for _, c := range a.checks {
		if c.target == as && !c.bad {
			out = append(out, c)
		}
	}
	return out
}

// checksField returns the value of the Checks field of asset i, or "".
func (e *emitter) checksField(i int) string {
	as := e.a.assets[i]
	rules := e.a.validRules[as]
	fns := e.a.checksOf(as)
	if len(rules) == 0 && len(fns) == 0 {
		return ""
	}
	rt := e.pkgName(RuntimePath)
	q := strconv.Quote
	var b strings.Builder
	fmt.Fprintf(&b, "[]*%s.CheckDef{\n", rt)
	for _, r := range rules {
		fmt.Fprintf(&b, "\t\t\t{Name: %s", q(r.Name()))
		if r.Blocking {
			b.WriteString(", Blocking: true")
		}
		if r.Kind == "row_count" {
			fmt.Fprintf(&b, ", Rule: &%s.ColumnRule{Kind: %s.%s", rt, rt, ruleConst[r.Name()])
		} else {
			fmt.Fprintf(&b, ", Rule: &%s.ColumnRule{Kind: %s.%s, Column: %s", rt, rt, ruleConst[r.Kind], q(r.Column))
		}
		if len(r.Values) > 0 {
			qs := make([]string, len(r.Values))
			for i, v := range r.Values {
				qs[i] = q(v)
			}
			fmt.Fprintf(&b, ", Values: []string{%s}", strings.Join(qs, ", "))
		}
		if r.BoundText != "" {
			fmt.Fprintf(&b, ", Bound: %s", r.BoundText)
		}
		if r.Warn {
			fmt.Fprintf(&b, ", Severity: %s.SeverityWarn", rt)
		}
		fmt.Fprintf(&b, "}, Source: %s},\n", q(as.source))
	}
	for _, c := range fns {
		fmt.Fprintf(&b, "\t\t\t{Name: %s", q(c.name))
		if c.opts.Blocking {
			b.WriteString(", Blocking: true")
		}
		if c.desc != "" {
			fmt.Fprintf(&b, ", Description: %s", q(c.desc))
		}
		var ins []string
		for _, p := range c.params {
			if p.up != nil {
				ins = append(ins, fmt.Sprintf("{Name: %s, Key: %s, Type: %s.TypeFor[%s]()}", q(p.name), q(p.up.key), e.pkgName("reflect"), e.typeText(p.typ)))
			}
		}
		if len(ins) > 0 {
			fmt.Fprintf(&b, ", Inputs: []%s.Input{%s}", rt, strings.Join(ins, ", "))
		}
		if l := e.resourceList(c.params); l != "" {
			fmt.Fprintf(&b, ", Resources: %s", l)
		}
		if p := configParam(c.params); p != nil {
			fmt.Fprintf(&b, ", Config: %s", e.configDef(p.typ))
		}
		fmt.Fprintf(&b, ", Run: %s, Source: %s},\n", e.checkFuncs[c], q(c.source))
	}
	b.WriteString("\t\t}")
	return b.String()
}

// ruleConst names the runtime constant of each rule kind.
var ruleConst = map[string]string{
	"not_null": "RuleNotNull", "unique": "RuleUnique", "accepted_values": "RuleAcceptedValues", "min": "RuleMin", "max": "RuleMax",
	"row_count_min": "RuleRowCountMin", "row_count_max": "RuleRowCountMax",
}

// nameChecks chooses the name of each check's generated function.
func (e *emitter) nameChecks(free func(string) bool, take func(string)) {
	e.checkFuncs = map[*check]string{}
	for _, c := range e.a.checks {
		if c.bad || c.target == nil {
			continue
		}
		name := "check" + upperFirst(c.fname)
		for i := 2; !free(name); i++ {
			name = fmt.Sprintf("check%s%d", upperFirst(c.fname), i)
		}
		take(name)
		e.checkFuncs[c] = name
	}
}

// checksSimple reports whether the types of the checks of as are written
// on one line, as simple says of an asset's.
func (e *emitter) checksSimple(as *asset) bool {
	for _, c := range e.a.checksOf(as) {
		for _, p := range c.params {
			if !p.ctx && !e.simpleType(p.typ) {
				return false
			}
		}
	}
	return true
}

// writeCheckFuncs writes the Run function of every check, each through
// decl.
func (e *emitter) writeCheckFuncs(decl func(simple bool, write func(*bytes.Buffer)) error) error {
	for _, c := range e.a.checks {
		name, ok := e.checkFuncs[c]
		if !ok {
			continue
		}
		simple := true
		for _, p := range c.params {
			simple = simple && (p.ctx || e.simpleType(p.typ))
		}
		if err := decl(simple, func(w *bytes.Buffer) { e.writeCheckFunc(w, c, name) }); err != nil {
			return err
		}
	}
	return nil
}

// writeCheckFunc writes the Run function of check c: each input loaded
// into a variable of the parameter's type, its resources and config
// fetched, then a direct call.
func (e *emitter) writeCheckFunc(w *bytes.Buffer, c *check, name string) {
	rt := e.pkgName(RuntimePath)
	fmt.Fprintf(w, "// %s loads the inputs of check %s of %s and calls %s.\n", name, c.name, c.target.key, c.fname)
	fmt.Fprintf(w, "func %s(ctx *%s.Context, in %s.Inputs) (%s.CheckResult, error) {\n", name, rt, rt, rt)
	scope := e.a.pkg.Types.Scope()
	var args []string
	input := 0
	for _, p := range c.params {
		if p.ctx {
			args = append(args, "ctx")
			continue
		}
		v := p.name
		for n := 1; e.reserve[v] || scope.Lookup(v) != nil || types.Universe.Lookup(v) != nil || slices.Contains(args, v); n++ {
			v = p.name + "Arg"
			if n > 1 {
				v = fmt.Sprintf("%sArg%d", p.name, n)
			}
		}
		args = append(args, v)
		switch {
		case p.cfg:
			fmt.Fprintf(w, "\t%s, err := %s.CheckConfig[%s](ctx)\n", v, rt, e.typeText(p.typ))
		case p.res != nil:
			fmt.Fprintf(w, "\t%s, err := %s.Resource[%s](ctx)\n", v, rt, e.typeText(p.typ))
		default:
			fmt.Fprintf(w, "\t%s, err := %s.Load[%s](ctx, in, %d)\n", v, rt, e.typeText(p.typ), input)
			input++
		}
		fmt.Fprintf(w, "\tif err != nil {\n\t\treturn %s.CheckResult{}, err\n\t}\n", rt)
	}
	call := c.fname + "(" + strings.Join(args, ", ") + ")"
	if c.result {
		if c.hasError {
			fmt.Fprintf(w, "\treturn %s\n}\n", call)
		} else {
			fmt.Fprintf(w, "\treturn %s, nil\n}\n", call)
		}
		return
	}
	fmt.Fprintf(w, "\treturn %s.CheckError(%s)\n}\n", rt, call)
}
