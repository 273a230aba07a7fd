package generator

import (
	"bytes"
	"fmt"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"
)

// emit returns the generated source of the analysed package: the same
// bytes as emitJen, produced without formatting the whole file. The
// declarations of an asset whose types are all simple (no struct,
// interface or function literal types, which gofmt may lay out over
// several lines) are written directly in gofmt's layout; the others, and
// the assignability checks, are built with jennifer and formatted one
// declaration at a time. On large packages, formatting the whole file
// would cost more than loading the package.
func emit(a *analysis) ([]byte, error) {
	e := newEmitter(a)
	var body bytes.Buffer
	body.Grow(len(a.assets)*800 + 512)
	e.writeAssets(&body)
	for i, as := range a.assets {
		if e.simple(as) {
			body.WriteByte('\n')
			e.writeDef(&body, i)
			body.WriteByte('\n')
			e.writeCompute(&body, i)
			continue
		}
		for _, c := range []*jen.Statement{e.defFunc(i), e.computeFunc(i)} {
			body.WriteByte('\n')
			if err := e.render(&body, c); err != nil {
				return nil, err
			}
		}
	}
	if len(e.checks) > 0 {
		body.WriteByte('\n')
		if err := e.render(&body, e.checksDecl()); err != nil {
			return nil, err
		}
	}

	var out bytes.Buffer
	out.Grow(body.Len() + 512)
	fmt.Fprintf(&out, "%s\n\npackage %s\n\n", Header, a.pkg.Name)
	paths := make([]string, 0, len(e.used))
	for p := range e.used {
		paths = append(paths, p)
	}
	// The standard library first, then the rest, as goimports groups them.
	sort.Slice(paths, func(i, j int) bool {
		if si, sj := isStd(paths[i]), isStd(paths[j]); si != sj {
			return si
		}
		return paths[i] < paths[j]
	})
	spec := func(p string) string {
		if name := e.imports[p]; name != e.bases[p] {
			return name + " " + strconv.Quote(p)
		}
		return strconv.Quote(p)
	}
	if len(paths) == 1 {
		fmt.Fprintf(&out, "import %s\n\n", spec(paths[0]))
	} else {
		out.WriteString("import (\n")
		for i, p := range paths {
			if i > 0 && isStd(paths[i-1]) && !isStd(p) {
				out.WriteByte('\n')
			}
			fmt.Fprintf(&out, "\t%s\n", spec(p))
		}
		out.WriteString(")\n\n")
	}
	out.Write(body.Bytes())
	return out.Bytes(), nil
}

// render writes one declaration built with jennifer, formatted, and a
// newline.
func (e *emitter) render(w *bytes.Buffer, c *jen.Statement) error {
	if err := c.RenderWithFile(w, e.f); err != nil {
		return fmt.Errorf("rendering %s: %v", OutputName, err)
	}
	w.WriteByte('\n')
	return nil
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
		if p.ctx {
			continue
		}
		fmt.Fprintf(&inputs, "\t\t\t{Name: %s, Key: %s, Type: %s.TypeFor[%s]()},\n", q(p.name), q(p.up.key), e.pkgName("reflect"), e.typeText(p.typ))
	}
	if inputs.Len() > 0 {
		fields = append(fields, field{key: "Inputs", value: "[]" + rt + ".Input{\n" + inputs.String() + "\t\t}", multiline: true})
	}
	if len(o.Deps) > 0 {
		add("Deps", list("[]"+rt+".Key", o.Deps))
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
	add("Source", q(as.source))
	add("Compute", e.computes[i])

	fmt.Fprintf(w, "// %s defines asset %s, computed by %s.\n", e.defs[i], as.key, as.decl.Name.Name)
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

// writeCompute writes the Compute function of asset i.
func (e *emitter) writeCompute(w *bytes.Buffer, i int) {
	as := e.a.assets[i]
	rt := e.pkgName(RuntimePath)
	fmt.Fprintf(w, "// %s loads the inputs of %s and calls %s.\n", e.computes[i], as.key, as.decl.Name.Name)
	fmt.Fprintf(w, "func %s(ctx *%s.Context, in %s.Inputs) (any, error) {\n", e.computes[i], rt, rt)
	args := make([]string, 0, len(as.params))
	input := 0
	for j, p := range as.params {
		if p.ctx {
			args = append(args, "ctx")
			continue
		}
		v := e.vars[i][j]
		fmt.Fprintf(w, "\t%s, err := %s.Load[%s](ctx, in, %d)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n", v, rt, e.typeText(p.typ), input)
		args = append(args, v)
		input++
	}
	call := as.decl.Name.Name + "(" + strings.Join(args, ", ") + ")"
	switch {
	case as.result != nil && as.hasError:
		assign := "="
		if input == 0 {
			assign = ":="
		}
		fmt.Fprintf(w, "\tvar out %s\n\tout, err %s %s\n\treturn out, err\n", e.typeText(as.result), assign, call)
	case as.result != nil:
		fmt.Fprintf(w, "\tvar out %s = %s\n\treturn out, nil\n", e.typeText(as.result), call)
	case as.hasError:
		fmt.Fprintf(w, "\treturn nil, %s\n", call)
	default:
		fmt.Fprintf(w, "\t%s\n\treturn nil, nil\n", call)
	}
	w.WriteString("}\n")
}

// simple reports whether every type of as is written on one line the
// same way by go/types and by gofmt.
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
		return t.Kind() != types.UnsafePointer
	case *types.Alias:
		if !e.a.visible(t.Obj()) {
			return false
		}
		return e.simpleArgs(t.TypeArgs())
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
		_, inner := t.Elem().(*types.Chan)
		return !inner && e.simpleType(t.Elem())
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

// typeText writes a simple type as the file names it.
func (e *emitter) typeText(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == e.a.pkg.Types {
			return ""
		}
		return e.pkgName(p.Path())
	})
}

// durationText writes d as a multiple of its largest whole unit, as
// duration does.
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

// isStd reports whether an import path is of the standard library: its
// first element has no dot.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// groupImports rewrites the import block of a file jennifer rendered (one
// sorted group) into two groups, the standard library first, as emit
// writes it.
func groupImports(src []byte) []byte {
	start := bytes.Index(src, []byte("\nimport (\n"))
	if start < 0 {
		return src
	}
	start += len("\nimport (\n")
	end := bytes.Index(src[start:], []byte("\n)\n"))
	if end < 0 {
		return src
	}
	var std, other []string
	for _, l := range strings.Split(string(src[start:start+end]), "\n") {
		spec := strings.TrimSpace(l)
		if spec == "" {
			continue
		}
		_, quoted, _ := strings.Cut(spec, `"`)
		if isStd(strings.TrimSuffix(quoted, `"`)) {
			std = append(std, l)
		} else {
			other = append(other, l)
		}
	}
	block := strings.Join(std, "\n")
	if len(std) > 0 && len(other) > 0 {
		block += "\n\n"
	}
	block += strings.Join(other, "\n")
	out := append([]byte{}, src[:start]...)
	out = append(out, block...)
	return append(out, src[start+end:]...)
}
