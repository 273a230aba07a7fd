package generator

import (
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/internal/columns/gotypes"
	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
)

// PartitionPath is the import path of the partitions package.
const PartitionPath = "github.com/assetgen/assetgen/partition"

// kindUnknown is the kind of a definition known only at run time: a
// variable of type partition.Definition whose value was not evaluated.
const kindUnknown partition.Kind = 255

// parts is what the generator knows of an asset's partitions.
type parts struct {
	name string     // as written in partitions=
	v    *types.Var // the variable holding the definition
	kind partition.Kind
	def  partition.Definition // the evaluated definition, when valid; else nil
}

// kindOf returns the kind of p; KindNone for nil.
func kindOf(p *parts) partition.Kind {
	if p == nil {
		return partition.KindNone
	}
	return p.kind
}

// gather is how a parameter receives the upstream partitions of a step,
// as runtime.Gather.
type gather uint8

const (
	gatherOne    gather = iota // one value: runtime.GatherOne
	gatherMap                  // map[string]T by partition key: runtime.GatherMap
	gatherConcat               // the rows of every partition: runtime.GatherConcat
)

// defKind returns the kind a variable of type t holds, when t is one of
// partition's definition types: kindUnknown for partition.Definition.
func defKind(t types.Type) (partition.Kind, bool) {
	if isNamed(t, PartitionPath, "Definition") {
		return kindUnknown, true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		if n, ok := types.Unalias(p.Elem()).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == PartitionPath {
			if k := partition.TypeKind(n.Obj().Name()); k != partition.KindNone {
				return k, true
			}
		}
	}
	return 0, false
}

// optPos returns the position of the value of option key in the
// directive of as.
func (a *analysis) optPos(as *asset, key string) token.Position {
	if pos, ok := a.tagPos(as, key, as.opts.Offsets[key]); ok {
		return pos
	}
	return a.dirPos(as, as.opts.Offsets[key])
}

// dirPos returns the position of byte off of the directive of as.
func (a *analysis) dirPos(as *asset, off int) token.Position {
	pos := as.pos
	pos.Line = as.dirLine
	pos.Column = as.dirCol + off
	return pos
}

// edges resolves the partitions of the package's assets, checks their
// options, and checks every input: its partition mapping, and that the
// parameter's type fits the upstream's output and what the step gathers.
func (a *analysis) edges() {
	for _, as := range a.assets {
		if as.fn != nil && as.opts.Partitions != "" {
			a.partitions(as)
		}
	}
	for _, as := range a.assets {
		if as.fn == nil {
			continue
		}
		a.backfill(as)
		a.partitionColumn(as)
		// The index of the map= item of each name, and whether it was used.
		var maps map[string]int
		var used []bool
		if len(as.opts.Map) > 0 {
			maps = make(map[string]int, len(as.opts.Map))
			for i, m := range as.opts.Map {
				maps[m.Name] = i
			}
			used = make([]bool, len(as.opts.Map))
		}
		for _, p := range as.params {
			if p.ctx {
				continue
			}
			var mp MapItem
			if i, ok := maps[p.name]; ok {
				used[i], mp = true, as.opts.Map[i]
			}
			up := p.up
			if p.bad || up == nil || up.bad || up.fn == nil || up.result == nil {
				// (An external upstream has no output type: the parameter
				// loads what its I/O manager reads, of the same partition.)
				continue
			}
			a.input(as, p, mp)
		}
		for i, d := range as.opts.Deps {
			if j, ok := maps[d]; ok && !used[j] {
				used[j] = true
				a.dep(as, i, as.opts.Map[j])
				continue
			}
			a.dep(as, i, MapItem{})
		}
		for i, m := range as.opts.Map {
			if !used[i] {
				var names []string
				for _, p := range as.params {
					if !p.ctx {
						names = append(names, p.name)
					}
				}
				names = append(names, as.opts.Deps...)
				a.errorf(a.dirPos(as, m.Offset), "map=%s:%s: %s has no parameter or deps= key %s%s",
					m.Name, m.Mapping, as.fname, m.Name, suggest.Hint(m.Name, names))
			}
		}
	}
}

// partitions resolves partitions=NAME of local asset as: a package-level
// variable of the package, or of a package of the module that the
// asset's file imports, holding a partitions definition.
func (a *analysis) partitions(as *asset) {
	name := as.opts.Partitions
	pos := a.optPos(as, "partitions")
	as.part = &parts{name: name, kind: kindUnknown}
	tp, vname := a.pkg.Types, name
	if pkg, n, ok := strings.Cut(name, "."); ok {
		vname = n
		file := a.fileOf(as)
		p, found := a.importPath(file, pkg)
		if !found {
			var names []string
			for _, spec := range file.Imports {
				if spec.Name != nil && spec.Name.Name != "_" && spec.Name.Name != "." {
					names = append(names, spec.Name.Name)
				} else if p, err := strconv.Unquote(spec.Path.Value); err == nil && a.typesPkg(p) != nil {
					names = append(names, a.typesPkg(p).Name())
				}
			}
			a.errorf(pos, "partitions=%s: %s imports no package named %s%s", name, relPath(a.dir, as.pos.Filename), pkg, suggest.Hint(pkg, names))
			return
		}
		mod := a.im.moduleOf(a.dir)
		if _, ok := a.im.inModule(mod, p); !ok {
			a.errorf(pos, "partitions=%s: package %s is not in module %s; declare the definition in a package of the module (var %s = ...)", name, p, mod.path, vname)
			return
		}
		if tp = a.typesPkg(p); tp == nil {
			a.errorf(pos, "partitions=%s: package %s is not loaded", name, p)
			return
		}
	}
	obj := tp.Scope().Lookup(vname)
	in := "package " + tp.Name()
	want := fmt.Sprintf("a package-level variable holding a partitions definition, such as var %s = partition.Daily(\"2024-01-01\")", vname)
	switch o := obj.(type) {
	case nil:
		a.errorf(pos, "partitions=%s names no variable of %s%s", name, in, a.partsHint(tp, vname))
		return
	case *types.Func:
		a.errorf(pos, "partitions=%s names function %s of %s; name %s", name, vname, in, want)
		return
	case *types.Const:
		a.errorf(pos, "partitions=%s names constant %s of %s; name %s", name, vname, in, want)
		return
	case *types.TypeName:
		a.errorf(pos, "partitions=%s names type %s of %s; name %s", name, vname, in, want)
		return
	case *types.Var:
		if tp != a.pkg.Types && !o.Exported() {
			a.errorf(pos, "partitions=%s: variable %s is not exported by package %s", name, vname, tp.Path())
			return
		}
		k, ok := defKind(o.Type())
		if !ok {
			a.errorf(pos, "partitions=%s: variable %s of %s has type %s, not a partitions definition (*partition.Time, *partition.Static, *partition.Multi, *partition.Dynamic or partition.Definition)%s",
				name, vname, in, types.TypeString(o.Type(), a.qual), a.partsHint(tp, vname))
			return
		}
		as.part.v, as.part.kind = o, k
		ev := a.evalVar(o)
		switch {
		case ev.prob != nil:
			a.reportDef(as, ev)
		case ev.def != nil:
			as.part.def, as.part.kind = ev.def, ev.def.Kind()
		}
		return
	}
	a.errorf(pos, "partitions=%s names %s of %s; name %s", name, vname, in, want)
}

// partsHint returns a did-you-mean among the package-level variables of
// tp that hold partitions definitions.
func (a *analysis) partsHint(tp *types.Package, name string) string {
	var names []string
	scope := tp.Scope()
	for _, n := range scope.Names() {
		if v, ok := scope.Lookup(n).(*types.Var); ok && (tp == a.pkg.Types || v.Exported()) {
			if _, ok := defKind(v.Type()); ok {
				names = append(names, n)
			}
		}
	}
	return suggest.Hint(name, names)
}

// reportDef reports the problem of an invalid definition: where it is,
// in the analysed package (once); else at the directive of as, which
// names it.
func (a *analysis) reportDef(as *asset, ev *defEval) {
	pr := ev.prob
	if pr.v.Pkg() == a.pkg.Types {
		if !ev.said {
			ev.said = true
			a.errorf(pr.pos, "invalid partitions definition %s: %s", pr.v.Name(), pr.msg)
		}
		return
	}
	a.errorf(a.optPos(as, "partitions"), "partitions=%s: invalid partitions definition %s (at %s in package %s): %s",
		as.opts.Partitions, pr.v.Name(), a.relPos(pr.pos), pr.v.Pkg().Path(), pr.msg)
}

// partsOf returns the partitions of an asset; for an imported one, they
// are resolved on first use, as far as they can be: a problem there is
// reported when that package is generated.
func (a *analysis) partsOf(as *asset) *parts {
	if as.from == nil || as.partDone {
		return as.part
	}
	as.partDone = true
	name := as.opts.Partitions
	if name == "" {
		return nil
	}
	as.part = &parts{name: name, kind: kindUnknown}
	tp, vname := as.from.types, name
	if pkg, n, ok := strings.Cut(name, "."); ok {
		vname = n
		p, found := a.importPath(a.fileOf(as), pkg)
		if tp = a.typesPkg(p); !found || tp == nil {
			return as.part
		}
	}
	v, ok := tp.Scope().Lookup(vname).(*types.Var)
	if !ok {
		return as.part
	}
	k, ok := defKind(v.Type())
	if !ok {
		return as.part
	}
	as.part.v, as.part.kind = v, k
	if ev := a.evalVar(v); ev.def != nil {
		as.part.def, as.part.kind = ev.def, ev.def.Kind()
	}
	return as.part
}

// backfill checks backfill=: it needs partitions, and an output that the
// runtime can split by partition, since a step may cover several.
func (a *analysis) backfill(as *asset) {
	b := as.opts.Backfill
	if b == 0 || b == 1 {
		return
	}
	pos := a.optPos(as, "backfill")
	text := backfillText(b)
	switch {
	case !hasPartitions(as):
		a.errorf(pos, "backfill=%s: %s is not partitioned; add partitions=NAME", text, as.fname)
	case as.result == nil:
		// Nothing to store, nothing to split.
	case mapElem(as.result) != nil:
	case table(as.result) != nil && as.opts.PartitionColumn != "": // a slice or stream of rows
	case table(as.result) != nil:
		a.errorf(pos, "backfill=%s: a step of %s covers several partitions, and its table output %s must be split by partition: add partition_column=COLUMN naming the column that holds the partition",
			text, as.fname, types.TypeString(as.result, a.qual))
	default:
		a.errorf(pos, "backfill=%s: a step of %s covers several partitions, so its output must be one the runtime can split by partition: map[string]T keyed by partition, or a table []T with partition_column=COLUMN; %s returns %s",
			text, as.fname, as.fname, types.TypeString(as.result, a.qual))
	}
}

// hasPartitions reports whether the directive of as gives partitions=,
// valid or not.
func hasPartitions(as *asset) bool {
	_, ok := as.opts.Offsets["partitions"]
	return ok
}

func backfillText(b int) string {
	if b == BackfillSingle {
		return "single"
	}
	return strconv.Itoa(b)
}

// partitionColumn checks partition_column=: a column of the row struct
// of a table output that can hold the partition (columns.Partition).
func (a *analysis) partitionColumn(as *asset) {
	col := as.opts.PartitionColumn
	if col == "" {
		return
	}
	pos := a.optPos(as, "partition_column")
	if !hasPartitions(as) {
		a.errorf(pos, "partition_column=%s: %s is not partitioned; add partitions=NAME", col, as.fname)
		return
	}
	if as.result == nil || as.bad {
		return
	}
	rows := table(as.result) // a stream's rows as a slice
	if rows == nil {
		rows = as.result
	}
	elem, _, ok := gotypes.RowOf(rows)
	if !ok {
		a.errorf(pos, "partition_column=%s: %s returns %s, not a table (a slice or a stream of structs) with columns", col, as.fname, types.TypeString(as.result, a.qual))
		return
	}
	kind := kindOf(as.part)
	if kind == kindUnknown {
		kind = partition.KindNone // checked again at run time
	}
	_, _, err := gotypes.Partition(elem, col, kind)
	var perr *columns.PartitionError[types.Type]
	switch {
	case errors.As(err, &perr):
		a.errorf(pos, "partition_column=%s: %s", col, perr.Format(func(t types.Type) string { return types.TypeString(t, a.qual) }))
	case err != nil:
		a.errorf(pos, "partition_column=%s: %s: %v", col, types.TypeString(elem, a.qual), err)
	}
}

// input checks the mapping of parameter p of as, decides how it
// receives its upstream's partitions and checks its type. mp is its map=
// item, when it has one.
func (a *analysis) input(as *asset, p *param, mp MapItem) {
	up, down := a.partsOf(p.up), as.part
	m, mpos := mp.Mapping, a.dirPos(as, mp.Offset)
	explicit := m != nil
	if p.up == as {
		// The asset reads its own earlier partitions: only a window
		// before them can do that; without map= it is the cycle the
		// cycle check reports.
		if m == nil {
			return
		}
		p.self = true
		if err := a.checkSelf(as, m); err != nil {
			a.errorf(mpos, "map=%s:%s: %s reads its own partitions: %s", p.name, m, as.fname, oneLine(err))
			return
		}
		f, why := a.fan(m, explicit, down, down, 1)
		a.receive(as, p, f, why)
		return
	}
	if m != nil {
		if err := checkMapping(m, up, down); err != nil {
			a.errorf(mpos, "map=%s:%s: %s", p.name, m, a.mappingProblem(as, p.up, up, down, err))
			return
		}
	} else if up != nil && down != nil {
		var err error
		if m, err = defaultMapping(up, down); err != nil {
			a.errorf(p.pos, "parameter %s of %s: %s; write map=%s:MAPPING in the directive", p.name, as.fname, oneLine(err), p.name)
			return
		}
	}
	f, why := a.fan(m, explicit, up, down, as.opts.Backfill)
	a.receive(as, p, f, why)
}

// dep checks the partition mapping of deps= item i of as: the explicit
// one (mp), or the default.
func (a *analysis) dep(as *asset, i int, mp MapItem) {
	upAsset := a.depUps[as][i]
	if upAsset == nil || upAsset.bad {
		return
	}
	up, down := a.partsOf(upAsset), as.part
	if mp.Mapping != nil {
		if err := checkMapping(mp.Mapping, up, down); err != nil {
			a.errorf(a.dirPos(as, mp.Offset), "map=%s:%s: %s", mp.Name, mp.Mapping, a.mappingProblem(as, upAsset, up, down, err))
		}
		return
	}
	if up != nil && down != nil {
		if _, err := defaultMapping(up, down); err != nil {
			a.errorf(a.dirPos(as, as.opts.DepOffsets[i]), "deps=%s of %s: %s; write map=%s:MAPPING in the directive", as.opts.Deps[i], as.fname, oneLine(err), as.opts.Deps[i])
		}
	}
}

// mappingProblem explains why a mapping does not fit.
func (a *analysis) mappingProblem(as, upAsset *asset, up, down *parts, err error) string {
	switch {
	case up == nil && down == nil:
		return fmt.Sprintf("neither %s nor asset %q (declared at %s) is partitioned", as.fname, upAsset.key, a.where(upAsset))
	case up == nil:
		return fmt.Sprintf("asset %q (declared at %s) is not partitioned; an unpartitioned input needs no mapping", upAsset.key, a.where(upAsset))
	}
	return fmt.Sprintf("%s (asset %q, declared at %s, has partitions %s; %s has %s)", oneLine(err), upAsset.key, a.where(upAsset), up.name, as.fname, partsName(down))
}

// oneLine returns the text of an error on one line: errors.Join puts
// each of several problems on its own.
func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

func partsName(p *parts) string {
	if p == nil {
		return "none"
	}
	return p.name
}

// checkSelf checks a mapping of an asset onto its own partitions.
func (a *analysis) checkSelf(as *asset, m partition.Mapping) error {
	if err := partition.CheckSelf(m); err != nil {
		return err
	}
	p := as.part
	if p == nil {
		return fmt.Errorf("%s is not partitioned", as.fname)
	}
	if p.kind != kindUnknown {
		if err := partition.CheckKinds(m, p.kind, p.kind); err != nil {
			return err
		}
	}
	if b := as.opts.Backfill; b != 0 && b != 1 {
		return fmt.Errorf("a step of backfill=%s would read partitions it writes itself; use backfill=1", backfillText(b))
	}
	return nil
}

// checkMapping checks an explicit mapping between an upstream's
// partitions and a downstream's (nil: unpartitioned): the kinds, when
// the types tell them, then the definitions, when both were evaluated.
func checkMapping(m partition.Mapping, up, down *parts) error {
	if up == nil {
		return partition.CheckKinds(m, partition.KindNone, partition.KindNone)
	}
	uk, dk := kindOf(up), kindOf(down)
	if uk == kindUnknown || dk == kindUnknown {
		return nil
	}
	if err := partition.CheckKinds(m, uk, dk); err != nil {
		return err
	}
	if (up == nil || up.def != nil) && (down == nil || down.def != nil) {
		return partition.Check(m, defOf(up), defOf(down))
	}
	return nil
}

func defOf(p *parts) partition.Definition {
	if p == nil {
		return nil
	}
	return p.def
}

// defaultMapping returns partition.Default between two partitioned
// assets, as far as it is known: from the definitions when both were
// evaluated, else from the kinds; nil when only the run can tell.
func defaultMapping(up, down *parts) (partition.Mapping, error) {
	switch {
	case up.v != nil && up.v == down.v:
		return partition.Identity(), nil
	case up.def != nil && down.def != nil:
		m, err := partition.Default(up.def, down.def)
		if err == nil {
			if err = partition.Check(m, up.def, down.def); err != nil {
				err = fmt.Errorf("the default mapping %s does not fit: %w", m, err)
			}
		}
		return m, err
	}
	uk, dk := up.kind, down.kind
	list := func(k partition.Kind) bool { return k == partition.KindStatic || k == partition.KindDynamic }
	switch {
	case uk == partition.KindTime && dk == partition.KindTime:
		return partition.TimeWindow(0, 0), nil
	case list(uk) && list(dk):
		return partition.Identity(), nil
	case uk == partition.KindTime && list(dk) || list(uk) && dk == partition.KindTime:
		return nil, fmt.Errorf("no default partition mapping from %s partitions %s to %s partitions %s", uk, up.name, dk, down.name)
	}
	return nil, nil
}

// fan is how many upstream partitions one step of a parameter reads.
type fan uint8

const (
	fanOne     fan = iota
	fanMany        // possibly several
	fanUnknown     // only the run can tell
)

// fan tells how many upstream partitions one step reads through m (nil:
// not known; explicit: given by map=) from up to down, with backfill b,
// and why several.
func (a *analysis) fan(m partition.Mapping, explicit bool, up, down *parts, b int) (fan, string) {
	switch {
	case up == nil || m == partition.Last():
		return fanOne, ""
	case b != 0 && b != 1:
		return fanMany, fmt.Sprintf("backfill=%s: a step covers several partitions", backfillText(b))
	case down == nil:
		return fanMany, "it is not partitioned, so it reads every partition"
	case m == nil:
		return fanUnknown, ""
	}
	how := "mapping " + m.String()
	if !explicit {
		how = "the default mapping " + m.String()
	}
	s := m.String()
	switch {
	case m == partition.Identity():
		return fanOne, ""
	case m == partition.All():
		return fanMany, how
	case strings.HasPrefix(s, "window"):
		if strings.Contains(s, partition.RangeSep) {
			return fanMany, how + " spans several partitions"
		}
		if up.v != nil && up.v == down.v {
			return fanOne, ""
		}
		ut, ok1 := up.def.(*partition.Time)
		dt, ok2 := down.def.(*partition.Time)
		switch {
		case !ok1 || !ok2:
			return fanUnknown, ""
		case dt.Within(ut):
			return fanOne, ""
		}
		return fanMany, fmt.Sprintf("%s: a partition of %s overlaps several of %s", how, down.name, up.name)
	case strings.HasPrefix(s, "dim("):
		switch {
		case up.kind == partition.KindMulti:
			return fanMany, how + " reads every partition of the other dimensions"
		case down.kind == partition.KindMulti:
			return fanOne, ""
		}
		return fanUnknown, ""
	case strings.HasPrefix(s, "static("):
		return staticFan(m, up, down, how)
	}
	return fanUnknown, ""
}

// staticFan tells whether a static map reads several upstream keys for
// some downstream key, from the downstream's keys, when they are known.
func staticFan(m partition.Mapping, up, down *parts, how string) (fan, string) {
	ds, ok := down.def.(*partition.Static)
	if !ok || up.def == nil {
		return fanUnknown, ""
	}
	none := func(string) ([]string, error) { return nil, nil } // no dynamic keys: those read are missing
	dk, err1 := ds.Resolve(partition.Env{})
	uk, err2 := up.def.Resolve(partition.Env{Dynamic: none})
	if err1 != nil || err2 != nil {
		return fanUnknown, ""
	}
	for i := range dk.Len() {
		r, err := m.Upstream(dk.Span(i, i+1), uk)
		if err != nil {
			return fanUnknown, ""
		}
		if r.Subset.Len()+len(r.Missing) > 1 {
			return fanMany, fmt.Sprintf("%s reads several partitions for %s", how, dk.Key(i))
		}
	}
	return fanOne, ""
}

// mapElem returns T when t is a map[string]T (or a type defined as one).
func mapElem(t types.Type) types.Type {
	m, ok := t.Underlying().(*types.Map)
	if !ok || !types.Identical(m.Key(), types.Typ[types.String]) {
		return nil
	}
	return m.Elem()
}

// isRows reports whether t is a table: a slice of structs (or of
// pointers to structs).
func isRows(t types.Type) bool {
	_, _, ok := gotypes.RowOf(t)
	return ok
}

// receive decides how parameter p of as receives what one step reads of
// its upstream, f partitions (why: the reason when several), and checks
// that its type fits: one upstream output (assignable, or a column
// subset of its rows), a map[string]T by partition key, or the rows of
// every partition concatenated.
func (a *analysis) receive(as *asset, p *param, f fan, why string) {
	out := p.up.result
	if stream(out) != nil || stream(p.typ) != nil {
		a.receiveRows(as, p, f, why)
		return
	}
	fits := func(g gather, t types.Type) bool {
		ok := types.AssignableTo(out, t)
		project := false
		if !ok {
			ok, _, _ = projects(out, t, a.qual)
			project = ok
		}
		if ok {
			p.gather, p.project = g, project
		}
		return ok
	}
	one := func() bool { return fits(gatherOne, p.typ) }
	byKey := func() bool {
		elem := mapElem(p.typ)
		return elem != nil && fits(gatherMap, elem)
	}
	concat := func() bool { return isRows(p.typ) && isRows(out) && fits(gatherConcat, p.typ) }
	partitioned := a.partsOf(p.up) != nil
	switch f {
	case fanOne:
		if one() || (partitioned && byKey()) {
			return
		}
	case fanMany:
		if byKey() || concat() {
			return
		}
		a.several(as, p, why)
		return
	default:
		if concat() || one() || byKey() {
			return
		}
	}
	a.mismatch(as, p)
}

// mismatch reports a parameter that cannot receive its upstream's output.
func (a *analysis) mismatch(as *asset, p *param) {
	up := p.up
	ok, rows, why := projects(up.result, p.typ, a.qual)
	switch {
	case ok:
	case rows:
		a.errorf(p.pos, "parameter %s of %s has type %s, but asset %q returns %s (declared at %s), which is not assignable to it, nor a column subset of it: %s",
			p.name, as.fname, types.TypeString(p.typ, a.qual), up.key, types.TypeString(up.result, a.qual), a.where(up), why)
	default:
		a.errorf(p.pos, "parameter %s of %s has type %s, but asset %q returns %s (declared at %s), which is not assignable to it",
			p.name, as.fname, types.TypeString(p.typ, a.qual), up.key, types.TypeString(up.result, a.qual), a.where(up))
	}
}

// several reports a parameter that cannot receive several partitions.
func (a *analysis) several(as *asset, p *param, why string) {
	up := p.up
	res := types.TypeString(up.result, a.qual)
	shapes := fmt.Sprintf("map[string]%s, keyed by partition", res)
	if isRows(up.result) {
		shapes += fmt.Sprintf(", or %s, the rows of every partition concatenated (or a column subset of them)", res)
	}
	a.errorf(p.pos, "parameter %s of %s has type %s, but a step reads several partitions of asset %q (declared at %s): %s; give it type %s",
		p.name, as.fname, types.TypeString(p.typ, a.qual), up.key, a.where(up), why, shapes)
}

// depMappings returns the explicit mappings of the deps= keys of as, by
// key, sorted.
func depMappings(as *asset) []MapItem {
	var out []MapItem
	for _, m := range as.opts.Map {
		for _, d := range as.opts.Deps {
			if d == m.Name && !isParam(as, m.Name) {
				out = append(out, m)
				break
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// mapFor returns the map= item for parameter name.
func (as *asset) mapFor(name string) (MapItem, bool) {
	for _, m := range as.opts.Map {
		if m.Name == name {
			return m, true
		}
	}
	return MapItem{}, false
}

func isParam(as *asset, name string) bool {
	for _, p := range as.params {
		if !p.ctx && p.name == name {
			return true
		}
	}
	return false
}
