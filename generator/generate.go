package generator

import (
	"bytes"
	"fmt"
	"go/format"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/assetgen/assetgen/partition"
)

// emitter writes the generated file of one package.
type emitter struct {
	a        *analysis
	imports  map[string]string // import path -> name used in the file
	bases    map[string]string // import path -> the package's declared name
	used     map[string]bool   // import paths the file refers to
	reserve  map[string]bool   // names a Compute local variable must not take
	defs     []string          // per asset: the function returning its AssetDef
	computes []string          // per asset: its Compute function
	vars     [][]string        // per asset and parameter: the local variable
	checks   [][2]types.Type   // upstream output and parameter types to check

	checkFuncs map[*check]string    // the Run function of each check
	resNames   map[*provider]string // the function returning each ResourceDef
	multis     map[*multiFn]string  // the variable holding each runtime.Multi
}

func newEmitter(a *analysis) *emitter {
	pkg := a.pkg
	e := &emitter{a: a, imports: map[string]string{}, bases: map[string]string{}, used: map[string]bool{}}
	e.plan()
	scope := pkg.Types.Scope()
	e.reserve = map[string]bool{"ctx": true, "in": true, "err": true, "out": true}
	for _, name := range e.imports {
		e.reserve[name] = true
	}
	for _, imp := range pkg.Types.Imports() {
		e.reserve[imp.Name()] = true
	}
	taken := map[string]bool{}
	free := func(name string) bool { return !taken[name] && scope.Lookup(name) == nil }
	seen := map[string]bool{}
	for _, as := range a.assets {
		if as.multi != nil {
			e.nameMulti(as, free, taken)
		} else {
			base := upperFirst(as.fname)
			for i := 2; !free("asset"+base) || !free("compute"+base); i++ {
				base = fmt.Sprintf("%s%d", upperFirst(as.fname), i)
			}
			taken["asset"+base], taken["compute"+base] = true, true
			e.defs = append(e.defs, "asset"+base)
			e.computes = append(e.computes, "compute"+base)
		}

		vars := make([]string, len(as.params))
		params := map[string]bool{}
		for _, p := range as.params {
			params[p.name] = true
		}
		for i, p := range as.params {
			if p.ctx {
				continue
			}
			v := p.name
			if e.reserve[v] || types.Universe.Lookup(v) != nil || scope.Lookup(v) != nil {
				v += "Arg"
				for n := 2; params[v] || e.reserve[v] || scope.Lookup(v) != nil; n++ {
					v = fmt.Sprintf("%sArg%d", p.name, n)
				}
				params[v] = true
			}
			vars[i] = v
			if a.checked(p) {
				id := types.TypeString(p.up.result, nil) + "\x00" + types.TypeString(p.receiver(), nil)
				if !seen[id] {
					seen[id] = true
					e.checks = append(e.checks, [2]types.Type{p.up.result, p.receiver()})
				}
			}
		}
		e.vars = append(e.vars, vars)
	}
	e.nameChecks(free, func(name string) { taken[name] = true })
	return e
}

// checked reports whether the generated file checks that the output of
// p's upstream is assignable to what receives it: when their types differ
// and the upstream's can be written in the package (an imported upstream
// may return a type unexported there).
func (a *analysis) checked(p *param) bool {
	up := p.up
	if up == nil || up.result == nil || p.project || p.rows || types.Identical(up.result, p.receiver()) {
		return false
	}
	return up.from == nil || a.unnameable(up.result) == ""
}

// receiver returns the type that receives the output of one upstream
// partition: the element of a map[string]T parameter that gathers them by
// key, else the parameter's.
func (p *param) receiver() types.Type {
	if p.gather == gatherMap {
		return mapElem(p.typ)
	}
	return p.typ
}

// assetsDoc returns the doc comment of the Assets function, as lines
// without the comment marker.
func (a *analysis) assetsDoc() []string {
	lines := []string{fmt.Sprintf("Assets returns the assets defined in package %s, in source order.", a.pkg.Name)}
	if len(a.used) == 0 {
		return lines
	}
	if len(a.used) == 1 {
		return append(lines, "",
			"Some of them depend on assets of package "+a.used[0].path+":",
			"put its Assets in the same runtime.Definitions as these.")
	}
	lines = append(lines, "",
		"Some of them depend on assets of other packages: put the Assets of each",
		"in the same runtime.Definitions as these:", "")
	for _, ip := range a.used {
		lines = append(lines, "  - "+ip.path)
	}
	return lines
}

// plan names every package the file may import: its own name, or an
// alias when the package already declares that name or another import
// has it. Names are chosen in import path order.
func (e *emitter) plan() {
	pkgs := map[string]string{RuntimePath: "runtime", "reflect": "reflect", "time": "time"}
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Basic:
			if t.Kind() == types.UnsafePointer {
				pkgs["unsafe"] = "unsafe"
			}
		case *types.Alias:
			o := t.Obj()
			if o.Pkg() != nil && e.a.visible(o) {
				pkgs[o.Pkg().Path()] = o.Pkg().Name()
			} else if o.Pkg() != nil {
				walk(types.Unalias(t))
			}
		case *types.Named:
			if o := t.Obj(); o.Pkg() != nil {
				pkgs[o.Pkg().Path()] = o.Pkg().Name()
			}
		}
		for _, c := range components(t) {
			walk(c)
		}
	}
	for _, as := range e.a.assets {
		walk(as.result)
		walk(stream(as.result)) // the row type, written for RowsOf
		if as.multi != nil {
			walk(as.multi.result)
		}
		for _, p := range as.params {
			walk(p.typ)
			walk(stream(p.typ))
			if p.up != nil && p.up.from != nil && e.a.checked(p) {
				walk(p.up.result)
			}
		}
		if len(as.opts.Map) > 0 {
			pkgs[PartitionPath] = "partition"
		}
		for _, c := range e.a.checksOf(as) {
			for _, p := range c.params {
				walk(p.typ)
			}
		}
		if as.part != nil && as.part.v != nil {
			if vp := as.part.v.Pkg(); vp != e.a.pkg.Types {
				pkgs[vp.Path()] = vp.Name()
			}
		}
	}
	for _, pr := range e.a.providers {
		walk(pr.typ)
		for _, p := range pr.params {
			walk(p.typ)
		}
		pkgs["context"] = "context"
	}
	delete(pkgs, e.a.pkg.PkgPath)
	paths := make([]string, 0, len(pkgs))
	for p := range pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	scope := e.a.pkg.Types.Scope()
	taken := map[string]bool{}
	for _, path := range paths {
		base := pkgs[path]
		name := base
		for i := 1; taken[name] || scope.Lookup(name) != nil || token.IsKeyword(name); i++ {
			name = base + "pkg"
			if i > 1 {
				name = fmt.Sprintf("%spkg%d", base, i)
			}
		}
		taken[name] = true
		e.imports[path] = name
		e.bases[path] = base
	}
}

// emit returns the generated source of the analysed package.
//
// Every declaration is written as text, in gofmt's layout where the
// layout is plain: one line per field and statement, the values of
// consecutive one-line fields aligned. A declaration with a type that
// gofmt lays out over several lines with aligned columns (a struct or an
// interface literal, or a function type) is written with its line breaks
// where gofmt keeps them and formatted alone with go/format. Formatting
// the whole file would cost more than loading the package.
//
// The package clause and imports come first in the file but are known
// only at the end (a type may or may not be written); the room they
// need at most is left at the start of the buffer and filled last, so
// the body is never copied.
func emit(a *analysis) ([]byte, error) {
	e := newEmitter(a)
	room := len(e.header(e.imports))
	var w bytes.Buffer
	w.Grow(room + e.sizeHint())
	w.Write(make([]byte, room))
	e.writeAssets(&w)
	var scratch bytes.Buffer
	decl := func(simple bool, write func(*bytes.Buffer)) error {
		w.WriteByte('\n')
		if simple {
			write(&w)
			return nil
		}
		scratch.Reset()
		write(&scratch)
		src, err := format.Source(scratch.Bytes())
		if err != nil {
			return fmt.Errorf("formatting %s: %v", OutputName, err)
		}
		w.Write(src)
		return nil
	}
	for i, as := range a.assets {
		simple := e.simple(as) && e.checksSimple(as)
		if err := decl(simple, func(w *bytes.Buffer) { e.writeDef(w, i) }); err != nil {
			return nil, err
		}
		switch {
		case as.external:
			// observed by its own function
		case as.multi == nil:
			if err := decl(simple, func(w *bytes.Buffer) { e.writeCompute(w, i) }); err != nil {
				return nil, err
			}
		case as.multi.outs[0] == as:
			if err := decl(false, func(w *bytes.Buffer) { e.writeMulti(w, i) }); err != nil {
				return nil, err
			}
		}
	}
	if err := e.writeCheckFuncs(decl); err != nil {
		return nil, err
	}
	for _, pr := range a.providers {
		if !pr.bad {
			if err := decl(false, func(w *bytes.Buffer) { e.writeResource(w, pr) }); err != nil {
				return nil, err
			}
		}
	}
	if len(e.checks) > 0 {
		simple := true
		for _, c := range e.checks {
			simple = simple && e.simpleType(c[0]) && e.simpleType(c[1])
		}
		if err := decl(simple, e.writeChecks); err != nil {
			return nil, err
		}
	}
	used := map[string]string{}
	for p := range e.used {
		used[p] = e.imports[p]
	}
	head := e.header(used)
	out := w.Bytes()
	if len(head) > room {
		return nil, fmt.Errorf("internal error: %s imports %d bytes, more than the %d planned", OutputName, len(head), room)
	}
	start := room - len(head)
	copy(out[start:], head)
	return out[start:], nil
}

// sizeHint estimates the size of the file's body, so that its buffer
// is allocated once.
func (e *emitter) sizeHint() int {
	n := 512 + 64*len(e.checks)
	for _, as := range e.a.assets {
		n += 700 + 2*len(as.key) + len(as.desc) + len(as.source) + 160*len(as.params)
	}
	return n
}

// header returns the file's first lines: the generated-code comment, the
// package clause and the imports of the given paths (path -> name), the
// standard library first, then the rest, as goimports groups them.
func (e *emitter) header(imports map[string]string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\npackage %s\n\n", Header, e.a.pkg.Name)
	paths := make([]string, 0, len(imports))
	for p := range imports {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		if si, sj := isStd(paths[i]), isStd(paths[j]); si != sj {
			return si
		}
		return paths[i] < paths[j]
	})
	spec := func(p string) string {
		if name := imports[p]; name != e.bases[p] {
			return name + " " + strconv.Quote(p)
		}
		return strconv.Quote(p)
	}
	switch len(paths) {
	case 0:
	case 1:
		fmt.Fprintf(&b, "import %s\n\n", spec(paths[0]))
	default:
		b.WriteString("import (\n")
		for i, p := range paths {
			if i > 0 && isStd(paths[i-1]) && !isStd(p) {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "\t%s\n", spec(p))
		}
		b.WriteString(")\n\n")
	}
	return b.Bytes()
}

// isStd reports whether an import path is of the standard library: its
// first element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// pkgName returns the name the file uses for path, and records the import.
func (e *emitter) pkgName(path string) string {
	e.used[path] = true
	return e.imports[path]
}

// writeAssets writes the Assets function.
func (e *emitter) writeAssets(w *bytes.Buffer) {
	rt := e.pkgName(RuntimePath)
	for _, l := range e.a.assetsDoc() {
		w.WriteString(strings.TrimRight("// "+l, " "))
		w.WriteByte('\n')
	}
	fmt.Fprintf(w, "func Assets() []*%s.AssetDef {\n", rt)
	if len(e.defs) == 0 {
		fmt.Fprintf(w, "\treturn []*%s.AssetDef{}\n}\n", rt)
		return
	}
	fmt.Fprintf(w, "\treturn []*%s.AssetDef{\n", rt)
	for _, d := range e.defs {
		w.WriteString("\t\t")
		w.WriteString(d)
		w.WriteString("(),\n")
	}
	w.WriteString("\t}\n}\n")
}

// field is one key: value line of a composite literal.
type field struct {
	key, value string
	multiline  bool
}

// writeDef writes the function returning the AssetDef of asset i.
func (e *emitter) writeDef(w *bytes.Buffer, i int) {
	as := e.a.assets[i]
	o := as.opts
	rt := e.pkgName(RuntimePath)
	q := strconv.Quote
	fields := []field{{key: "Key", value: q(as.key)}}
	add := func(k, v string) { fields = append(fields, field{key: k, value: v}) }
	if o.Group != "" {
		add("Group", q(o.Group))
	}
	if o.IO != "" {
		add("IOManager", q(o.IO))
	}
	if as.desc != "" {
		add("Description", q(as.desc))
	}
	if o.CodeVersion != "" {
		add("CodeVersion", q(o.CodeVersion))
	}
	list := func(typ string, ss []string) string {
		qs := make([]string, len(ss))
		for i, s := range ss {
			qs[i] = q(s)
		}
		return typ + "{" + strings.Join(qs, ", ") + "}"
	}
	if len(o.Kinds) > 0 {
		add("Kinds", list("[]string", o.Kinds))
	}
	if len(o.Owners) > 0 {
		add("Owners", list("[]string", o.Owners))
	}
	if len(o.Tags) > 0 {
		keys := make([]string, 0, len(o.Tags))
		for k := range o.Tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		kvs := make([]string, len(keys))
		for i, k := range keys {
			kvs[i] = q(k) + ": " + q(o.Tags[k])
		}
		add("Tags", "map[string]string{"+strings.Join(kvs, ", ")+"}")
	}
	var inputs strings.Builder
	for _, p := range as.params {
		if p.ctx || p.res != nil || p.cfg {
			continue
		}
		fmt.Fprintf(&inputs, "\t\t\t{Name: %s, Key: %s, Type: %s.TypeFor[%s]()", q(p.name), q(p.up.key), e.pkgName("reflect"), e.typeText(p.typ))
		if m, ok := as.mapFor(p.name); ok {
			fmt.Fprintf(&inputs, ", Mapping: %s", e.mappingText(m.Mapping))
		}
		switch p.gather {
		case gatherMap:
			fmt.Fprintf(&inputs, ", Gather: %s.GatherMap", rt)
		case gatherConcat:
			fmt.Fprintf(&inputs, ", Gather: %s.GatherConcat", rt)
		}
		inputs.WriteString("},\n")
	}
	if inputs.Len() > 0 {
		fields = append(fields, field{key: "Inputs", value: "[]" + rt + ".Input{\n" + inputs.String() + "\t\t}", multiline: true})
	}
	if len(o.Deps) > 0 {
		add("Deps", list("[]"+rt+".Key", o.Deps))
	}
	if dm := depMappings(as); len(dm) > 0 {
		kvs := make([]string, len(dm))
		for i, m := range dm {
			kvs[i] = q(m.Name) + ": " + e.mappingText(m.Mapping)
		}
		add("DepMappings", "map["+rt+".Key]"+e.pkgName(PartitionPath)+".Mapping{"+strings.Join(kvs, ", ")+"}")
	}
	if as.result != nil {
		add("OutputType", e.pkgName("reflect")+".TypeFor["+e.typeText(as.result)+"]()")
	}
	if o.Retries > 0 {
		add("Retries", strconv.Itoa(o.Retries))
	}
	if o.RetryDelay > 0 {
		add("RetryDelay", durationText(e.pkgName("time"), o.RetryDelay))
	}
	if o.Timeout > 0 {
		add("Timeout", durationText(e.pkgName("time"), o.Timeout))
	}
	if as.part != nil && as.part.v != nil {
		v := as.part.v
		ref := v.Name()
		if v.Pkg() != e.a.pkg.Types {
			ref = e.pkgName(v.Pkg().Path()) + "." + ref
		}
		add("Partitions", ref)
	}
	switch o.Backfill {
	case 0, 1:
	case BackfillSingle:
		add("Backfill", rt+".BackfillSingle")
	default:
		add("Backfill", strconv.Itoa(o.Backfill))
	}
	if o.PartitionColumn != "" {
		add("PartitionColumn", q(o.PartitionColumn))
	}
	if o.Automation != "" {
		add("Automation", q(o.Automation))
	}
	if o.Freshness != "" {
		add("Freshness", q(o.Freshness))
	}
	if c := e.checksField(i); c != "" {
		fields = append(fields, field{key: "Checks", value: c, multiline: true})
	}
	if l := e.resourceList(as.params); l != "" {
		add("Resources", l)
	}
	if p := configParam(as.params); p != nil && as.multi == nil { // a multi-asset's is its Multi's
		add("Config", e.configDef(p.typ))
	}
	if o.Observe {
		add("ObserveOutput", "true")
	}
	add("Source", q(as.source))
	switch {
	case as.external:
		add("Observe", as.fname)
		fmt.Fprintf(w, "// %s defines external asset %s, observed by %s.\n", e.defs[i], as.key, as.fname)
	case as.multi != nil:
		add("Multi", e.multis[as.multi])
		fmt.Fprintf(w, "// %s defines asset %s, computed by %s.\n", e.defs[i], as.key, as.fname)
	default:
		add("Compute", e.computes[i])
		fmt.Fprintf(w, "// %s defines asset %s, computed by %s.\n", e.defs[i], as.key, as.fname)
	}
	fmt.Fprintf(w, "func %s() *%s.AssetDef {\n\treturn &%s.AssetDef{\n", e.defs[i], rt, rt)
	// gofmt aligns the values of consecutive one-line fields; a field
	// spanning several lines ends the run.
	for j := 0; j < len(fields); {
		if fields[j].multiline {
			fmt.Fprintf(w, "\t\t%s: %s,\n", fields[j].key, fields[j].value)
			j++
			continue
		}
		end, width := j, 0
		for ; end < len(fields) && !fields[end].multiline; end++ {
			width = max(width, len(fields[end].key))
		}
		for ; j < end; j++ {
			f := fields[j]
			w.WriteString("\t\t")
			w.WriteString(f.key)
			w.WriteByte(':')
			w.WriteString(strings.Repeat(" ", width-len(f.key)+1))
			w.WriteString(f.value)
			w.WriteString(",\n")
		}
	}
	w.WriteString("\t}\n}\n")
}

// writeCompute writes the Compute function of asset i: each input loaded
// into a variable of the parameter's own type, then a direct call.
func (e *emitter) writeCompute(w *bytes.Buffer, i int) {
	as := e.a.assets[i]
	rt := e.pkgName(RuntimePath)
	fmt.Fprintf(w, "// %s loads the inputs of %s and calls %s.\n", e.computes[i], as.key, as.fname)
	fmt.Fprintf(w, "func %s(ctx *%s.Context, in %s.Inputs) (any, error) {\n", e.computes[i], rt, rt)
	args, declared := e.writeLoads(w, i)
	call := as.fname + "(" + strings.Join(args, ", ") + ")"
	out := "out"
	if as.result != nil {
		if elem := stream(as.result); elem != nil {
			out = rt + ".RowsOf[" + e.typeText(elem) + "](out)" // for the I/O manager
		}
	}
	switch {
	case as.result != nil && as.hasError:
		assign := "="
		if !declared {
			assign = ":="
		}
		fmt.Fprintf(w, "\tvar out %s\n\tout, err %s %s\n\treturn %s, err\n", e.typeText(as.result), assign, call, out)
	case as.result != nil:
		fmt.Fprintf(w, "\tvar out %s = %s\n\treturn %s, nil\n", e.typeText(as.result), call, out)
	case as.hasError:
		fmt.Fprintf(w, "\treturn nil, %s\n", call)
	default:
		fmt.Fprintf(w, "\t%s\n\treturn nil, nil\n", call)
	}
	w.WriteString("}\n")
}

// writeLoads writes the statements of a Compute function that load the
// inputs, config and resources of asset i into local variables, each
// returning on error, and returns the arguments of the call and whether
// they declared err.
func (e *emitter) writeLoads(w *bytes.Buffer, i int) (args []string, declared bool) {
	as := e.a.assets[i]
	rt := e.pkgName(RuntimePath)
	args = make([]string, 0, len(as.params))
	input := 0
	for j, p := range as.params {
		if p.ctx {
			args = append(args, "ctx")
			continue
		}
		v := e.vars[i][j]
		if p.cfg {
			fmt.Fprintf(w, "\t%s, err := %s.AssetConfig[%s](ctx)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n", v, rt, e.typeText(p.typ))
			args = append(args, v)
			declared = true
			continue
		}
		if p.res != nil {
			fmt.Fprintf(w, "\t%s, err := %s.Resource[%s](ctx)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n", v, rt, e.typeText(p.typ))
			args = append(args, v)
			declared = true
			continue
		}
		if elem := stream(p.typ); elem != nil {
			// iter.Seq2[T, error], converted to a stream type of the
			// package's own.
			fmt.Fprintf(w, "\t%s, err := %s.LoadStream[%s](ctx, in, %d)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n", v, rt, e.typeText(elem), input)
			if n, ok := types.Unalias(p.typ).(*types.Named); ok && !isNamed(n, "iter", "Seq2") {
				v = e.typeText(p.typ) + "(" + v + ")"
			}
		} else {
			fmt.Fprintf(w, "\t%s, err := %s.Load[%s](ctx, in, %d)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n", v, rt, e.typeText(p.typ), input)
		}
		args = append(args, v)
		input++
		declared = true
	}
	return args, declared
}

// writeChecks declares one function literal per edge whose types differ,
// so that go build checks that each upstream's output is assignable to
// the parameter that receives it.
func (e *emitter) writeChecks(w *bytes.Buffer) {
	w.WriteString("// Each upstream's output is assignable to the parameter that receives it.\nvar (\n")
	for _, c := range e.checks {
		fmt.Fprintf(w, "\t_ = func(v %s) %s {\n\t\treturn v\n\t}\n", e.typeText(c[0]), e.typeText(c[1]))
	}
	w.WriteString(")\n")
}

// simple reports whether every type of as is written on one line the
// way gofmt writes it, so that its declarations need no formatting.
func (e *emitter) simple(as *asset) bool {
	if as.result != nil && !e.simpleType(as.result) {
		return false
	}
	for _, p := range as.params {
		if !p.ctx && !e.simpleType(p.typ) {
			return false
		}
	}
	return true
}

func (e *emitter) simpleType(t types.Type) bool {
	switch t := t.(type) {
	case *types.Basic:
		return true
	case *types.Alias:
		return e.simpleArgs(t.TypeArgs()) && (e.a.visible(t.Obj()) || e.simpleType(types.Unalias(t)))
	case *types.Named:
		return e.simpleArgs(t.TypeArgs())
	case *types.Pointer:
		return e.simpleType(t.Elem())
	case *types.Slice:
		return e.simpleType(t.Elem())
	case *types.Array:
		return e.simpleType(t.Elem())
	case *types.Map:
		return e.simpleType(t.Key()) && e.simpleType(t.Elem())
	case *types.Chan:
		return e.simpleType(t.Elem())
	case *types.Interface:
		return t.NumEmbeddeds() == 0 && t.NumExplicitMethods() == 0
	}
	return false
}

func (e *emitter) simpleArgs(l *types.TypeList) bool {
	for i := range l.Len() {
		if !e.simpleType(l.At(i)) {
			return false
		}
	}
	return true
}

// typeText returns a type as the file writes it.
func (e *emitter) typeText(t types.Type) string {
	var b strings.Builder
	e.writeType(&b, t)
	return b.String()
}

// writeType writes a type as the package refers to it, recording the
// packages it names. Struct and interface literals are written one field
// or method a line, as gofmt keeps them; everything else on one line.
func (e *emitter) writeType(w *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			w.WriteString(e.pkgName("unsafe"))
			w.WriteString(".Pointer")
			return
		}
		w.WriteString(t.Name())
	case *types.Alias:
		if !e.a.visible(t.Obj()) {
			e.writeType(w, types.Unalias(t))
			return
		}
		e.writeNamed(w, t.Obj(), t.TypeArgs())
	case *types.Named:
		e.writeNamed(w, t.Obj(), t.TypeArgs())
	case *types.Pointer:
		w.WriteByte('*')
		e.writeType(w, t.Elem())
	case *types.Slice:
		w.WriteString("[]")
		e.writeType(w, t.Elem())
	case *types.Array:
		fmt.Fprintf(w, "[%d]", t.Len())
		e.writeType(w, t.Elem())
	case *types.Map:
		w.WriteString("map[")
		e.writeType(w, t.Key())
		w.WriteByte(']')
		e.writeType(w, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			w.WriteString("chan<- ")
		case types.RecvOnly:
			w.WriteString("<-chan ")
		default:
			w.WriteString("chan ")
		}
		// chan (<-chan T): without the parentheses it would read as
		// chan<- chan T.
		elem, ok := t.Elem().(*types.Chan)
		paren := ok && t.Dir() == types.SendRecv && elem.Dir() == types.RecvOnly
		if paren {
			w.WriteByte('(')
		}
		e.writeType(w, t.Elem())
		if paren {
			w.WriteByte(')')
		}
	case *types.Signature:
		w.WriteString("func")
		e.writeSignature(w, t)
	case *types.Struct:
		if t.NumFields() == 0 {
			w.WriteString("struct{}")
			return
		}
		w.WriteString("struct {\n")
		for i := range t.NumFields() {
			f := t.Field(i)
			if !f.Embedded() {
				w.WriteString(f.Name())
				w.WriteByte(' ')
			}
			e.writeType(w, f.Type())
			if tag := t.Tag(i); tag != "" {
				w.WriteByte(' ')
				if strings.ContainsAny(tag, "`\r") {
					w.WriteString(strconv.Quote(tag))
				} else {
					w.WriteString("`" + tag + "`")
				}
			}
			w.WriteByte('\n')
		}
		w.WriteByte('}')
	case *types.Interface:
		if t.NumEmbeddeds() == 0 && t.NumExplicitMethods() == 0 {
			w.WriteString("interface{}")
			return
		}
		w.WriteString("interface {\n")
		for i := range t.NumEmbeddeds() {
			e.writeType(w, t.EmbeddedType(i))
			w.WriteByte('\n')
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			w.WriteString(m.Name())
			e.writeSignature(w, m.Signature())
			w.WriteByte('\n')
		}
		w.WriteByte('}')
	case *types.Union:
		for i := range t.Len() {
			if i > 0 {
				w.WriteString(" | ")
			}
			if t.Term(i).Tilde() {
				w.WriteByte('~')
			}
			e.writeType(w, t.Term(i).Type())
		}
	default:
		// Not reached for types that pass analysis; written as go/types
		// prints them so the build reports anything unexpected.
		w.WriteString(types.TypeString(t, qualifier(e.a.pkg.Types)))
	}
}

// writeNamed writes a named or alias type with its type arguments.
func (e *emitter) writeNamed(w *strings.Builder, o *types.TypeName, args *types.TypeList) {
	if p := o.Pkg(); p != nil && p != e.a.pkg.Types {
		w.WriteString(e.pkgName(p.Path()))
		w.WriteByte('.')
	}
	w.WriteString(o.Name())
	if args.Len() > 0 {
		w.WriteByte('[')
		for i := range args.Len() {
			if i > 0 {
				w.WriteString(", ")
			}
			e.writeType(w, args.At(i))
		}
		w.WriteByte(']')
	}
}

// writeSignature writes a function's parameter and result types.
func (e *emitter) writeSignature(w *strings.Builder, s *types.Signature) {
	w.WriteByte('(')
	for i := range s.Params().Len() {
		if i > 0 {
			w.WriteString(", ")
		}
		t := s.Params().At(i).Type()
		if sl, ok := t.(*types.Slice); ok && s.Variadic() && i == s.Params().Len()-1 {
			w.WriteString("...")
			t = sl.Elem()
		}
		e.writeType(w, t)
	}
	w.WriteByte(')')
	switch n := s.Results().Len(); n {
	case 0:
	case 1:
		w.WriteByte(' ')
		e.writeType(w, s.Results().At(0).Type())
	default:
		w.WriteString(" (")
		for i := range n {
			if i > 0 {
				w.WriteString(", ")
			}
			e.writeType(w, s.Results().At(i).Type())
		}
		w.WriteByte(')')
	}
}

// mappingText returns the Go expression of a mapping, with the name the
// file gives package partition.
func (e *emitter) mappingText(m partition.Mapping) string {
	s := m.GoString()
	if rest, ok := strings.CutPrefix(s, "partition."); ok {
		return e.pkgName(PartitionPath) + "." + rest
	}
	return s
}

// upperFirst returns s with its first letter in upper case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// units are the time units durations are written in, largest first.
var units = []struct {
	d    time.Duration
	name string
}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
	{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"}}

// durationText writes d as a multiple of its largest whole unit:
// 2 * time.Second.
func durationText(timePkg string, d time.Duration) string {
	for _, u := range units {
		if d%u.d == 0 {
			if d == u.d {
				return timePkg + "." + u.name
			}
			return strconv.FormatInt(int64(d/u.d), 10) + " * " + timePkg + "." + u.name
		}
	}
	return strconv.FormatInt(int64(d), 10)
}
