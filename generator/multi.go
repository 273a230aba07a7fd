package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/suggest"
)

// multiWord starts the directive of a multi-asset: "// asset: multi ...".
const multiWord = "multi"

// multiTag is the struct tag naming the outputs of a multi-asset.
const multiTag = "asset"

// outputOptions are the options an output's tag may set, after its name;
// the others are the function's, set on its directive.
var outputOptions = []string{"group", "io", "kinds", "owners", "tags", "partition_column", "checks"}

// multiOnly are the directive options that belong to each output of a
// multi-asset rather than to the function.
var multiOnly = []string{"name", "checks", "partition_column"}

// multiFn is a multi-asset: one function whose result is a struct, each
// of whose tagged fields is an asset.
type multiFn struct {
	fname  string
	result types.Type // the struct the function returns
	outs   []*asset   // its outputs, in field order
	fields []string   // the field of each output
}

// multiNamed returns the multi-asset of the package whose function is
// name, or whose function's name in snake case is; nil for none.
func (a *analysis) multiNamed(name string) *multiFn {
	for _, as := range a.assets {
		if m := as.multi; m != nil && as.from == nil && (m.fname == name || ident.Snake(m.fname) == name) {
			return m
		}
	}
	return nil
}

// tagSpot is where the tag of an output of a multi-asset is: options set
// there are positioned from it, not from the directive.
type tagSpot struct {
	line, col int             // of the tag's value
	set       map[string]bool // the options the tag sets
}

// output is one field of the result of a multi-asset, as its tag
// declares it: an output, or a problem.
type output struct {
	field   *types.Var
	name    string       // the output's name
	opts    Options      // the options of its tag
	errs    SyntaxErrors // in the tag's value, at offsets of it
	problem string       // why the field is no valid output, reported at the field
	named   bool         // the name is valid and the first of its kind: an output
}

// outputsOf reads the outputs of multi-asset fname from the fields of
// st, its result: each exported field tagged `asset:"NAME OPTIONS"`,
// leaving out the fields tagged `asset:"-"` and the unexported untagged
// ones. An exported untagged field, a tagged unexported one, an invalid
// or duplicate name is a problem. It is the one rule for the analysed
// package and the packages it imports.
func outputsOf(fname string, result types.Type, st *types.Struct, qual types.Qualifier) []output {
	var outs []output
	byName := map[string]string{}
	for i := range st.NumFields() {
		f := st.Field(i)
		o := output{field: f}
		tag, tagged := reflect.StructTag(st.Tag(i)).Lookup(multiTag)
		switch {
		case tagged && tag == "-":
			continue
		case !tagged && f.Exported():
			o.problem = fmt.Sprintf("field %s of %s, the result of multi-asset %s, has no %s tag: tag it `%s:%q` to make it an output, or `%s:\"-\"` to leave it out",
				f.Name(), types.TypeString(result, qual), fname, multiTag, multiTag, ident.Snake(f.Name()), multiTag)
		case !tagged:
			continue // unexported and untagged: the function's own
		case !f.Exported():
			o.problem = fmt.Sprintf("field %s of %s, the result of multi-asset %s, is unexported: an output must be an exported field", f.Name(), types.TypeString(result, qual), fname)
		}
		if o.problem != "" {
			outs = append(outs, o)
			continue
		}
		o.name = tag
		if i := strings.IndexAny(tag, " \t"); i >= 0 {
			o.name = tag[:i]
		}
		if why := ident.NameProblem(o.name); why != "" {
			o.errs = SyntaxErrors{{Msg: fmt.Sprintf("invalid output name %q in the %s tag of field %s of multi-asset %s: %s", o.name, multiTag, f.Name(), fname, why)}}
		} else if prev, dup := byName[o.name]; dup {
			o.errs = SyntaxErrors{{Msg: fmt.Sprintf("output %q of multi-asset %s: field %s has the name of field %s; give each output its own name", o.name, fname, f.Name(), prev)}}
		} else {
			byName[o.name], o.named = f.Name(), true
			o.opts, o.errs = parseDirective(strings.Repeat(" ", len(o.name)) + tag[len(o.name):])
			o.errs = append(o.errs, outputProblems(o.opts)...)
		}
		outs = append(outs, o)
	}
	return outs
}

// outputAsset returns the asset of output o of mf, whose function is as.
func outputAsset(as *asset, mf *multiFn, o output) *asset {
	out := *as
	out.name, out.result, out.multi = o.name, o.field.Type(), mf
	out.key = strings.Join(append(slices.Clone(as.opts.Prefix), o.name), "/")
	out.opts = outputOpts(as.opts, o.opts)
	out.bad = as.bad || len(o.errs) > 0
	mf.outs = append(mf.outs, &out)
	mf.fields = append(mf.fields, o.field.Name())
	return &out
}

// multiStruct returns the struct a multi-asset returns, or why there
// is none.
func multiStruct(as *asset, qual types.Qualifier) (*types.Struct, string) {
	want := "want a struct whose exported fields, tagged `asset:\"name\"`, are its outputs"
	if as.result == nil {
		return nil, fmt.Sprintf("multi-asset %s returns no value; %s", as.fname, want)
	}
	st, ok := types.Unalias(as.result).Underlying().(*types.Struct)
	if !ok {
		return nil, fmt.Sprintf("multi-asset %s returns %s, which is not a struct; %s", as.fname, types.TypeString(as.result, qual), want)
	}
	return st, ""
}

// multi replaces as, the function of a multi-asset (the last asset
// collected), with its outputs: one asset per tagged field of its result,
// sharing its parameters, each with the directive's options and its
// tag's.
func (a *analysis) multi(as *asset, fd *ast.FuncDecl) {
	if as.fn == nil {
		return
	}
	resPos := as.pos
	if fd.Type.Results != nil {
		resPos = a.position(fd.Type.Results.Pos())
	}
	st, why := multiStruct(as, a.qual)
	if why != "" {
		if !as.bad {
			a.errorf(resPos, "%s", why)
		}
		as.bad = true
		return
	}
	mf := &multiFn{fname: as.fname, result: as.result}
	fields := a.fieldSyntax(st)
	bad := as.bad
	outs := outputsOf(as.fname, as.result, st, a.qual)
	for _, o := range outs {
		pos := as.pos
		if p := a.position(o.field.Pos()); p.Filename != "" {
			pos = p
		}
		if o.problem != "" {
			a.errorf(pos, "%s", o.problem)
			bad = true
			continue
		}
		spot := &tagSpot{line: pos.Line, col: pos.Column, set: map[string]bool{}}
		exact := false
		fl := fields[o.field.Pos()]
		if fl != nil && fl.Tag != nil && strings.HasPrefix(fl.Tag.Value, "`") {
			if k := strings.Index(fl.Tag.Value, multiTag+`:"`); k >= 0 {
				lp := a.position(fl.Tag.Pos())
				spot.line, spot.col, exact = lp.Line, lp.Column+k+len(multiTag)+2, true
			}
		}
		at := func(off int) token.Position {
			p := pos
			if exact {
				p.Line, p.Column = spot.line, spot.col+off
			}
			return p
		}
		for _, e := range o.errs {
			a.errorf(at(e.Offset), "%s", e.Msg)
		}
		if !o.named {
			bad = true
			continue
		}
		for k := range o.opts.Offsets {
			spot.set[k] = true
		}
		out := outputAsset(as, mf, o)
		out.pos, out.tag = pos, spot
		if fl != nil && fl.Doc != nil {
			out.desc = strings.TrimSpace(fl.Doc.Text()) // the output's own doc
		} else if fl != nil && fl.Comment != nil {
			out.desc = strings.TrimSpace(fl.Comment.Text())
		}
		if why := ident.KeyProblem(out.key); why != "" {
			a.errorf(at(0), "prefix and output name %q make a key %s", o.name, why)
			out.bad = true
		}
		if stream(out.result) != nil || streamProblem(out.result, a.qual) != "" {
			a.errorf(pos, "output %s of multi-asset %s is a stream of rows; an output of a multi-asset must be a value, such as a slice", o.name, as.fname)
			out.bad = true
		}
	}
	if len(mf.outs) == 0 {
		if !bad {
			a.errorf(resPos, "multi-asset %s returns %s, which has no field tagged `%s:\"name\"`; want a struct whose exported fields, tagged `asset:\"name\"`, are its outputs", as.fname, types.TypeString(as.result, a.qual), multiTag)
		}
		as.bad = true
		return
	}
	if bad {
		for _, o := range mf.outs {
			o.bad = true
		}
	}
	a.assets = append(a.assets[:len(a.assets)-1], mf.outs...)
}

// importedOutputs returns the outputs of as, a multi-asset of an
// imported package, as outputsOf reads them; each is bad when any
// problem would be reported there.
func importedOutputs(as *asset) []*asset {
	st, why := multiStruct(as, nil)
	if why != "" {
		as.bad, as.why = true, "has an invalid multi-asset result"
		return []*asset{as}
	}
	mf := &multiFn{fname: as.fname, result: as.result}
	bad := false
	for _, o := range outputsOf(as.fname, as.result, st, nil) {
		if o.problem != "" || len(o.errs) > 0 {
			bad = true
		}
		if o.named {
			outputAsset(as, mf, o)
		}
	}
	for _, o := range mf.outs {
		if bad {
			o.bad, o.why = true, "has an invalid multi-asset result"
		}
	}
	return mf.outs
}

// outputProblems returns the options of an output's tag that are not
// an output's to set.
func outputProblems(o Options) SyntaxErrors {
	var errs SyntaxErrors
	for k, off := range o.Offsets {
		if !slices.Contains(outputOptions, k) {
			msg := fmt.Sprintf("option %s is the function's: set it on the //asset: directive, not on one output", k)
			if s, ok := suggest.Closest(k, outputOptions); ok {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			errs = append(errs, &SyntaxError{Offset: off, Msg: msg})
		}
	}
	if o.Multi {
		errs = append(errs, &SyntaxError{Msg: "multi belongs on the //asset: directive"})
	}
	slices.SortFunc(errs, func(x, y *SyntaxError) int { return x.Offset - y.Offset })
	return errs
}

// outputOpts returns the options of an output: the function's, with
// those its tag sets.
func outputOpts(fn, tag Options) Options {
	o := fn
	if tag.Group != "" {
		o.Group = tag.Group
	}
	if tag.IO != "" {
		o.IO = tag.IO
	}
	if tag.Kinds != nil {
		o.Kinds = tag.Kinds
	}
	if tag.Owners != nil {
		o.Owners = tag.Owners
	}
	if tag.Tags != nil {
		o.Tags = tag.Tags
	}
	o.PartitionColumn, o.Checks = tag.PartitionColumn, tag.Checks
	o.Offsets = map[string]int{}
	for k, v := range fn.Offsets {
		o.Offsets[k] = v
	}
	for k, v := range tag.Offsets {
		o.Offsets[k] = v
	}
	return o
}

// fieldSyntax returns the syntax of the fields of st, by the position of
// the field, when st is declared in the package's files.
func (a *analysis) fieldSyntax(st *types.Struct) map[token.Pos]*ast.Field {
	out := map[token.Pos]*ast.Field{}
	if st.NumFields() == 0 {
		return out
	}
	first := st.Field(0).Pos()
	for _, f := range a.pkg.Syntax {
		if f.FileStart > first || first >= f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			s, ok := n.(*ast.StructType)
			if !ok || s.Pos() > first || first >= s.End() {
				return true
			}
			for _, fl := range s.Fields.List {
				if len(fl.Names) == 0 {
					out[fl.Type.Pos()] = fl
				}
				for _, n := range fl.Names {
					out[n.Pos()] = fl
				}
			}
			return false
		})
	}
	return out
}

// tagPos returns the position of byte off of the value of option key of
// as, and whether the tag of an output sets it.
func (a *analysis) tagPos(as *asset, key string, off int) (token.Position, bool) {
	if as.tag == nil || (key != "" && !as.tag.set[key]) {
		return token.Position{}, false
	}
	pos := as.pos
	pos.Line, pos.Column = as.tag.line, as.tag.col+off
	return pos, true
}

// nameMulti names the AssetDef function of as, an output of a
// multi-asset, after its function and its name, and the Compute function
// and runtime.Multi variable of its multi-asset, once.
func (e *emitter) nameMulti(as *asset, free func(string) bool, taken map[string]bool) {
	mf := as.multi
	if e.multis == nil {
		e.multis = map[*multiFn]string{}
	}
	fn := upperFirst(mf.fname)
	if mf.outs[0] == as {
		base := fn
		for i := 2; !free("compute"+base) || !free("multi"+base); i++ {
			base = fmt.Sprintf("%s%d", fn, i)
		}
		taken["compute"+base], taken["multi"+base] = true, true
		e.multis[mf] = "multi" + base
	}
	base := fn + camel(as.name)
	for i := 2; !free("asset" + base); i++ {
		base = fmt.Sprintf("%s%s%d", fn, camel(as.name), i)
	}
	taken["asset"+base] = true
	e.defs = append(e.defs, "asset"+base)
	e.computes = append(e.computes, "compute"+strings.TrimPrefix(e.multis[mf], "multi"))
}

// camel returns a snake_case name in CamelCase: raw_orders -> RawOrders.
func camel(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

// writeMulti writes the runtime.Multi variable of the multi-asset whose
// first output is asset i, and its Compute function: the inputs loaded
// as for any asset, one call, and the outputs in field order.
func (e *emitter) writeMulti(w *bytes.Buffer, i int) {
	as := e.a.assets[i]
	mf := as.multi
	rt := e.pkgName(RuntimePath)
	name, compute := e.multis[mf], e.computes[i]
	keys := make([]string, len(mf.outs))
	outs := make([]string, len(mf.outs))
	for j, o := range mf.outs {
		keys[j] = fmt.Sprintf("%q", o.key)
		outs[j] = "out." + mf.fields[j]
	}
	fmt.Fprintf(w, "// %s is the multi-asset computed by %s, whose outputs are %s.\n", name, mf.fname, strings.Join(keys, ", "))
	fmt.Fprintf(w, "var %s = &%s.Multi{\n\tName: %q,\n\tKeys: []%s.Key{%s},\n", name, rt, mf.fname, rt, strings.Join(keys, ", "))
	if as.opts.CanSubset {
		w.WriteString("\tCanSubset: true,\n")
	}
	if p := configParam(as.params); p != nil {
		fmt.Fprintf(w, "\tConfig: %s,\n", e.configDef(p.typ))
	}
	fmt.Fprintf(w, "\tCompute: %s,\n}\n\n", compute)
	fmt.Fprintf(w, "// %s loads the inputs of %s, calls it and returns its outputs.\n", compute, mf.fname)
	fmt.Fprintf(w, "func %s(ctx *%s.Context, in %s.Inputs) ([]any, error) {\n", compute, rt, rt)
	args, declared := e.writeLoads(w, i)
	call := mf.fname + "(" + strings.Join(args, ", ") + ")"
	ret := "\treturn []any{" + strings.Join(outs, ", ") + "}, nil\n"
	if as.hasError {
		assign := "="
		if !declared {
			assign = ":="
		}
		fmt.Fprintf(w, "\tvar out %s\n\tout, err %s %s\n\tif err != nil {\n\t\treturn nil, err\n\t}\n%s", e.typeText(mf.result), assign, call, ret)
	} else {
		fmt.Fprintf(w, "\tvar out %s = %s\n%s", e.typeText(mf.result), call, ret)
	}
	w.WriteString("}\n")
}

// declarer names what declares as, for messages: its function, and for
// an output of a multi-asset, its field.
func (as *asset) declarer() string {
	if as.multi == nil {
		return as.fname
	}
	i := slices.Index(as.multi.outs, as)
	if i < 0 {
		return "multi-asset " + as.fname
	}
	return fmt.Sprintf("multi-asset %s (field %s)", as.fname, as.multi.fields[i])
}
