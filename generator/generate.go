package generator

import (
	"bytes"
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// emitter builds the generated file of one package with jennifer. emitJen
// renders the whole file through jennifer, which formats it with
// go/format; emit (in write.go) writes the same bytes faster.
type emitter struct {
	a        *analysis
	f        *jen.File
	imports  map[string]string // import path -> name used in the file
	bases    map[string]string // import path -> the package's declared name
	used     map[string]bool   // import paths the file refers to
	reserve  map[string]bool   // names a Compute local variable must not take
	defs     []string          // per asset: the function returning its AssetDef
	computes []string          // per asset: its Compute function
	vars     [][]string        // per asset and parameter: the local variable
	checks   [][2]types.Type   // upstream output and parameter types to check
}

func newEmitter(a *analysis) *emitter {
	pkg := a.pkg
	e := &emitter{a: a, f: jen.NewFilePathName(pkg.PkgPath, pkg.Name), imports: map[string]string{}, bases: map[string]string{}, used: map[string]bool{}}
	e.f.HeaderComment(Header[len("// "):])
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
		base := upperFirst(as.decl.Name.Name)
		for i := 2; !free("asset"+base) || !free("compute"+base); i++ {
			base = fmt.Sprintf("%s%d", upperFirst(as.decl.Name.Name), i)
		}
		taken["asset"+base], taken["compute"+base] = true, true
		e.defs = append(e.defs, "asset"+base)
		e.computes = append(e.computes, "compute"+base)

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
				id := types.TypeString(p.up.result, nil) + "\x00" + types.TypeString(p.typ, nil)
				if !seen[id] {
					seen[id] = true
					e.checks = append(e.checks, [2]types.Type{p.up.result, p.typ})
				}
			}
		}
		e.vars = append(e.vars, vars)
	}
	return e
}

// checked reports whether the generated file checks that the output of
// p's upstream is assignable to p: when their types differ and the
// upstream's can be written in the package (an imported upstream may
// return a type unexported there).
func (a *analysis) checked(p *param) bool {
	up := p.up
	if up == nil || up.result == nil || p.project || types.Identical(up.result, p.typ) {
		return false
	}
	return up.from == nil || a.unnameable(up.result) == ""
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
		for _, p := range as.params {
			walk(p.typ)
			if p.up != nil && p.up.from != nil && e.a.checked(p) {
				walk(p.up.result)
			}
		}
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
		if name == base {
			e.f.ImportName(path, name)
		} else {
			e.f.ImportAlias(path, name)
		}
	}
}

// qual returns path, for jen.Qual, and records that the file imports it.
func (e *emitter) qual(path string) string {
	e.used[path] = true
	return path
}

// emitJen returns the generated file built entirely with jennifer and
// formatted by it: the reference that emit must match byte for byte.
func emitJen(a *analysis) ([]byte, error) {
	e := newEmitter(a)
	e.f.Add(e.assetsFunc())
	for i := range a.assets {
		e.f.Line()
		e.f.Add(e.defFunc(i))
		e.f.Line()
		e.f.Add(e.computeFunc(i))
	}
	if len(e.checks) > 0 {
		e.f.Line()
		e.f.Add(e.checksDecl())
	}
	var buf bytes.Buffer
	if err := e.f.Render(&buf); err != nil {
		return nil, fmt.Errorf("rendering %s: %v", OutputName, err)
	}
	return groupImports(buf.Bytes()), nil
}

// assetsFunc is the exported Assets function.
func (e *emitter) assetsFunc() *jen.Statement {
	rt := e.qual(RuntimePath)
	items := make([]jen.Code, len(e.defs))
	for i, d := range e.defs {
		items[i] = jen.Id(d).Call()
	}
	doc := e.a.assetsDoc()
	for i, l := range doc {
		doc[i] = strings.TrimRight("// "+l, " ")
	}
	return jen.Comment(strings.Join(doc, "\n")).Line().
		Func().Id("Assets").Params().Index().Op("*").Qual(rt, "AssetDef").Block(
		jen.Return(jen.Index().Op("*").Qual(rt, "AssetDef").Custom(multi, items...)),
	)
}

// defFunc is the function returning the AssetDef of asset i.
func (e *emitter) defFunc(i int) *jen.Statement {
	as := e.a.assets[i]
	rt := e.qual(RuntimePath)
	return jen.Commentf("%s defines asset %s, computed by %s.", e.defs[i], as.key, as.decl.Name.Name).Line().
		Func().Id(e.defs[i]).Params().Op("*").Qual(rt, "AssetDef").Block(
		jen.Return(jen.Op("&").Qual(rt, "AssetDef").Add(e.def(i))),
	)
}

// computeFunc is the Compute function of asset i.
func (e *emitter) computeFunc(i int) *jen.Statement {
	as := e.a.assets[i]
	rt := e.qual(RuntimePath)
	return jen.Commentf("%s loads the inputs of %s and calls %s.", e.computes[i], as.key, as.decl.Name.Name).Line().
		Func().Id(e.computes[i]).Params(
		jen.Id("ctx").Op("*").Qual(rt, "Context"),
		jen.Id("in").Qual(rt, "Inputs"),
	).Params(jen.Any(), jen.Error()).Block(e.compute(i)...)
}

// checksDecl declares one function literal per edge whose types differ,
// so that go build checks that each upstream's output is assignable to
// the parameter that receives it.
func (e *emitter) checksDecl() *jen.Statement {
	specs := make([]jen.Code, len(e.checks))
	for i, c := range e.checks {
		specs[i] = jen.Id("_").Op("=").Func().Params(jen.Id("v").Add(e.typ(c[0]))).Add(e.typ(c[1])).Block(jen.Return(jen.Id("v")))
	}
	return jen.Comment("Each upstream's output is assignable to the parameter that receives it.").Line().
		Var().Defs(specs...)
}

// multi renders a composite literal's values one per line.
var multi = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// def returns the AssetDef literal of asset i.
func (e *emitter) def(i int) jen.Code {
	as := e.a.assets[i]
	rt := RuntimePath
	o := as.opts
	field := func(name string, v jen.Code) jen.Code { return jen.Id(name).Op(":").Add(v) }
	fields := []jen.Code{field("Key", jen.Lit(as.key))}
	if o.Group != "" {
		fields = append(fields, field("Group", jen.Lit(o.Group)))
	}
	if o.IO != "" {
		fields = append(fields, field("IOManager", jen.Lit(o.IO)))
	}
	if as.desc != "" {
		fields = append(fields, field("Description", jen.Lit(as.desc)))
	}
	if o.CodeVersion != "" {
		fields = append(fields, field("CodeVersion", jen.Lit(o.CodeVersion)))
	}
	strs := func(ss []string) jen.Code {
		vs := make([]jen.Code, len(ss))
		for i, s := range ss {
			vs[i] = jen.Lit(s)
		}
		return jen.Index().String().Values(vs...)
	}
	if len(o.Kinds) > 0 {
		fields = append(fields, field("Kinds", strs(o.Kinds)))
	}
	if len(o.Owners) > 0 {
		fields = append(fields, field("Owners", strs(o.Owners)))
	}
	if len(o.Tags) > 0 {
		keys := make([]string, 0, len(o.Tags))
		for k := range o.Tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		vs := make([]jen.Code, len(keys))
		for i, k := range keys {
			vs[i] = jen.Lit(k).Op(":").Lit(o.Tags[k])
		}
		fields = append(fields, field("Tags", jen.Map(jen.String()).String().Values(vs...)))
	}
	var inputs []jen.Code
	for _, p := range as.params {
		if p.ctx {
			continue
		}
		inputs = append(inputs, jen.Values(
			field("Name", jen.Lit(p.name)),
			field("Key", jen.Lit(p.up.key)),
			field("Type", jen.Qual(e.qual("reflect"), "TypeFor").Types(e.typ(p.typ)).Call()),
		))
	}
	if len(inputs) > 0 {
		fields = append(fields, field("Inputs", jen.Index().Qual(e.qual(rt), "Input").Custom(multi, inputs...)))
	}
	if len(o.Deps) > 0 {
		vs := make([]jen.Code, len(o.Deps))
		for i, d := range o.Deps {
			vs[i] = jen.Lit(d)
		}
		fields = append(fields, field("Deps", jen.Index().Qual(e.qual(rt), "Key").Values(vs...)))
	}
	if as.result != nil {
		fields = append(fields, field("OutputType", jen.Qual(e.qual("reflect"), "TypeFor").Types(e.typ(as.result)).Call()))
	}
	if o.Retries > 0 {
		fields = append(fields, field("Retries", jen.Lit(o.Retries)))
	}
	if o.RetryDelay > 0 {
		fields = append(fields, field("RetryDelay", duration(e.qual("time"), o.RetryDelay)))
	}
	if o.Timeout > 0 {
		fields = append(fields, field("Timeout", duration(e.qual("time"), o.Timeout)))
	}
	fields = append(fields, field("Source", jen.Lit(as.source)))
	fields = append(fields, field("Compute", jen.Id(e.computes[i])))
	return jen.Custom(multi, fields...)
}

// compute returns the body of an asset's Compute function: each input
// loaded into a variable of the parameter's own type, then a direct call.
func (e *emitter) compute(i int) []jen.Code {
	as := e.a.assets[i]
	var body, args []jen.Code
	input := 0
	for j, p := range as.params {
		if p.ctx {
			args = append(args, jen.Id("ctx"))
			continue
		}
		v := e.vars[i][j]
		body = append(body,
			jen.List(jen.Id(v), jen.Err()).Op(":=").Qual(e.qual(RuntimePath), "Load").Types(e.typ(p.typ)).Call(jen.Id("ctx"), jen.Id("in"), jen.Lit(input)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		)
		args = append(args, jen.Id(v))
		input++
	}
	call := jen.Id(as.decl.Name.Name).Call(args...)
	switch {
	case as.result != nil && as.hasError:
		assign := "="
		if input == 0 {
			assign = ":="
		}
		body = append(body,
			jen.Var().Id("out").Add(e.typ(as.result)),
			jen.List(jen.Id("out"), jen.Err()).Op(assign).Add(call),
			jen.Return(jen.Id("out"), jen.Err()))
	case as.result != nil:
		body = append(body,
			jen.Var().Id("out").Add(e.typ(as.result)).Op("=").Add(call),
			jen.Return(jen.Id("out"), jen.Nil()))
	case as.hasError:
		body = append(body, jen.Return(jen.Nil(), call))
	default:
		body = append(body, call, jen.Return(jen.Nil(), jen.Nil()))
	}
	return body
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

// duration writes d as a multiple of its largest whole unit: 2 * time.Second.
func duration(timePkg string, d time.Duration) jen.Code {
	for _, u := range units {
		if d%u.d == 0 {
			if d == u.d {
				return jen.Qual(timePkg, u.name)
			}
			return jen.Lit(int(d/u.d)).Op("*").Qual(timePkg, u.name)
		}
	}
	return jen.Lit(int(d))
}

// typ returns the code of a type as the package writes it.
func (e *emitter) typ(t types.Type) jen.Code {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return jen.Qual(e.qual("unsafe"), "Pointer")
		}
		return jen.Id(t.Name())
	case *types.Alias:
		o := t.Obj()
		if !e.a.visible(o) {
			return e.typ(types.Unalias(t))
		}
		return e.named(o, t.TypeArgs())
	case *types.Named:
		return e.named(t.Obj(), t.TypeArgs())
	case *types.Pointer:
		return jen.Op("*").Add(e.typ(t.Elem()))
	case *types.Slice:
		return jen.Index().Add(e.typ(t.Elem()))
	case *types.Array:
		return jen.Index(jen.Lit(int(t.Len()))).Add(e.typ(t.Elem()))
	case *types.Map:
		return jen.Map(e.typ(t.Key())).Add(e.typ(t.Elem()))
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			return jen.Chan().Op("<-").Add(e.typ(t.Elem()))
		case types.RecvOnly:
			return jen.Op("<-").Chan().Add(e.typ(t.Elem()))
		}
		return jen.Chan().Add(e.typ(t.Elem()))
	case *types.Signature:
		return jen.Func().Add(e.signature(t))
	case *types.Struct:
		fields := make([]jen.Code, t.NumFields())
		for i := range t.NumFields() {
			f := t.Field(i)
			var c *jen.Statement
			if f.Embedded() {
				c = jen.Add(e.typ(f.Type()))
			} else {
				c = jen.Id(f.Name()).Add(e.typ(f.Type()))
			}
			if tag := t.Tag(i); tag != "" {
				if strings.ContainsAny(tag, "`\r") {
					c.Add(jen.Lit(tag))
				} else {
					c.Op("`" + tag + "`")
				}
			}
			fields[i] = c
		}
		return jen.Struct(fields...)
	case *types.Interface:
		var elems []jen.Code
		for i := range t.NumEmbeddeds() {
			elems = append(elems, e.typ(t.EmbeddedType(i)))
		}
		for i := range t.NumExplicitMethods() {
			m := t.ExplicitMethod(i)
			elems = append(elems, jen.Id(m.Name()).Add(e.signature(m.Type().(*types.Signature))))
		}
		if len(elems) == 0 {
			return jen.Interface()
		}
		return jen.Interface(elems...)
	case *types.Union:
		var terms []jen.Code
		for i := range t.Len() {
			term := t.Term(i)
			c := e.typ(term.Type())
			if term.Tilde() {
				c = jen.Op("~").Add(c)
			}
			if i > 0 {
				terms = append(terms, jen.Op("|"))
			}
			terms = append(terms, c)
		}
		return jen.Add(terms...)
	}
	// Not reached for types that pass analysis; written as go/types
	// prints them so the build reports anything unexpected.
	return jen.Id(types.TypeString(t, qualifier(e.a.pkg.Types)))
}

// named writes a named or alias type with its type arguments.
func (e *emitter) named(o *types.TypeName, args *types.TypeList) jen.Code {
	var c *jen.Statement
	switch p := o.Pkg(); {
	case p == nil || p == e.a.pkg.Types:
		c = jen.Id(o.Name())
	default:
		c = jen.Qual(e.qual(p.Path()), o.Name())
	}
	if args.Len() > 0 {
		ts := make([]jen.Code, args.Len())
		for i := range args.Len() {
			ts[i] = e.typ(args.At(i))
		}
		c.Types(ts...)
	}
	return c
}

// signature writes a function's parameters and results.
func (e *emitter) signature(s *types.Signature) *jen.Statement {
	params := make([]jen.Code, s.Params().Len())
	for i := range s.Params().Len() {
		t := s.Params().At(i).Type()
		if s.Variadic() && i == s.Params().Len()-1 {
			params[i] = jen.Op("...").Add(e.typ(t.(*types.Slice).Elem()))
			continue
		}
		params[i] = e.typ(t)
	}
	results := make([]jen.Code, s.Results().Len())
	for i := range s.Results().Len() {
		results[i] = e.typ(s.Results().At(i).Type())
	}
	st := jen.Params(params...)
	switch len(results) {
	case 0:
	case 1:
		st.Add(results[0])
	default:
		st.Params(results...)
	}
	return st
}
