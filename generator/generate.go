package generator

import (
	"bytes"
	"fmt"
	"go/types"
	"sort"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"
)

// emitter writes the generated file of one package.
type emitter struct {
	a        *analysis
	f        *jen.File
	imported map[string]bool // import paths whose name is registered
	reserve  map[string]bool // names a Compute local variable must not take
}

// emit returns the generated source of the analysed package.
func emit(a *analysis) ([]byte, error) {
	pkg := a.pkg
	e := &emitter{a: a, f: jen.NewFilePathName(pkg.PkgPath, pkg.Name), imported: map[string]bool{}}
	e.f.HeaderComment(Header[len("// "):])
	e.reserve = map[string]bool{"ctx": true, "in": true, "err": true, "out": true,
		"runtime": true, "reflect": true, "time": true, "context": true}
	for _, imp := range pkg.Types.Imports() {
		e.reserve[imp.Name()] = true
	}

	items := make([]jen.Code, 0, len(a.assets))
	type check struct{ from, to types.Type }
	var checks []check
	seen := map[string]bool{}
	for _, as := range a.assets {
		items = append(items, e.def(as))
		for _, p := range as.params {
			if p.up == nil || p.up.result == nil || types.Identical(p.up.result, p.typ) {
				continue
			}
			id := types.TypeString(p.up.result, nil) + "\x00" + types.TypeString(p.typ, nil)
			if !seen[id] {
				seen[id] = true
				checks = append(checks, check{p.up.result, p.typ})
			}
		}
	}
	rt := e.qual(RuntimePath, "runtime")
	e.f.Commentf("Assets returns the assets defined in package %s, in source order.", pkg.Name)
	e.f.Func().Id("Assets").Params().Index().Op("*").Qual(rt, "AssetDef").Block(
		jen.Return(jen.Index().Op("*").Qual(rt, "AssetDef").Custom(multi, items...)),
	)
	if len(checks) > 0 {
		e.f.Line()
		e.f.Comment("Each upstream's output is assignable to the parameter that receives it.")
		specs := make([]jen.Code, len(checks))
		for i, c := range checks {
			specs[i] = jen.Id("_").Op("=").Func().Params(jen.Id("v").Add(e.typ(c.from))).Add(e.typ(c.to)).Block(jen.Return(jen.Id("v")))
		}
		e.f.Var().Defs(specs...)
	}
	var buf bytes.Buffer
	if err := e.f.Render(&buf); err != nil {
		return nil, fmt.Errorf("rendering %s: %v", OutputName, err)
	}
	return buf.Bytes(), nil
}

// multi renders a composite literal's values one per line.
var multi = jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}

// def returns the AssetDef literal of one asset.
func (e *emitter) def(as *asset) jen.Code {
	rt := e.qual(RuntimePath, "runtime")
	reflectPkg := e.qual("reflect", "reflect")
	timePkg := "time"
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
			field("Type", jen.Qual(reflectPkg, "TypeFor").Types(e.typ(p.typ)).Call()),
		))
	}
	if len(inputs) > 0 {
		fields = append(fields, field("Inputs", jen.Index().Qual(rt, "Input").Custom(multi, inputs...)))
	}
	if len(o.Deps) > 0 {
		vs := make([]jen.Code, len(o.Deps))
		for i, d := range o.Deps {
			vs[i] = jen.Lit(d)
		}
		fields = append(fields, field("Deps", jen.Index().Qual(rt, "Key").Values(vs...)))
	}
	if as.result != nil {
		fields = append(fields, field("OutputType", jen.Qual(reflectPkg, "TypeFor").Types(e.typ(as.result)).Call()))
	}
	if o.Retries > 0 {
		fields = append(fields, field("Retries", jen.Lit(o.Retries)))
	}
	if o.RetryDelay > 0 {
		fields = append(fields, field("RetryDelay", duration(e.qual(timePkg, "time"), o.RetryDelay)))
	}
	if o.Timeout > 0 {
		fields = append(fields, field("Timeout", duration(e.qual(timePkg, "time"), o.Timeout)))
	}
	fields = append(fields, field("Source", jen.Lit(as.source)))
	fields = append(fields, field("Compute", jen.Func().Params(
		jen.Id("ctx").Op("*").Qual(rt, "Context"),
		jen.Id("in").Qual(rt, "Inputs"),
	).Params(jen.Any(), jen.Error()).Block(e.compute(as)...)))
	return jen.Custom(multi, fields...)
}

// compute returns the body of an asset's Compute function: each input
// loaded into a variable of the parameter's own type, then a direct call.
func (e *emitter) compute(as *asset) []jen.Code {
	rt := e.qual(RuntimePath, "runtime")
	var body, args []jen.Code
	used := map[string]bool{}
	for _, p := range as.params {
		used[p.name] = true
	}
	input := 0
	for _, p := range as.params {
		if p.ctx {
			args = append(args, jen.Id("ctx"))
			continue
		}
		v := p.name
		if e.reserve[v] || types.Universe.Lookup(v) != nil || e.a.pkg.Types.Scope().Lookup(v) != nil {
			v += "Arg"
			for i := 2; used[v] || e.reserve[v] || e.a.pkg.Types.Scope().Lookup(v) != nil; i++ {
				v = fmt.Sprintf("%sArg%d", p.name, i)
			}
			used[v] = true
		}
		body = append(body,
			jen.List(jen.Id(v), jen.Err()).Op(":=").Qual(rt, "Load").Types(e.typ(p.typ)).Call(jen.Id("ctx"), jen.Id("in"), jen.Lit(input)),
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

// duration writes d as a multiple of its largest whole unit: 2 * time.Second.
func duration(timePkg string, d time.Duration) jen.Code {
	units := []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"}}
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

// qual registers the name of an imported package path and returns the
// path. The name is aliased when the package itself declares it.
func (e *emitter) qual(path, name string) string {
	if e.imported[path] || path == e.a.pkg.PkgPath {
		return path
	}
	e.imported[path] = true
	if e.a.pkg.Types.Scope().Lookup(name) != nil {
		e.f.ImportAlias(path, name+"pkg")
	} else {
		e.f.ImportName(path, name)
	}
	return path
}

// typ returns the code of a type as the package writes it.
func (e *emitter) typ(t types.Type) jen.Code {
	switch t := t.(type) {
	case *types.Basic:
		if t.Kind() == types.UnsafePointer {
			return jen.Qual(e.qual("unsafe", "unsafe"), "Pointer")
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
		c = jen.Qual(e.qual(p.Path(), p.Name()), o.Name())
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
