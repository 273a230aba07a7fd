package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/graph"
	"github.com/assetgen/assetgen/internal/ident"
)

// ResourceDirective is the comment prefix that marks a resource provider.
const ResourceDirective = "//resource:"

// spacedResourceDirective is ResourceDirective as gofmt rewrites it.
const spacedResourceDirective = "// resource:"

// resourceText returns the text after a resource directive and whether
// line is one.
func resourceText(line string) (string, bool) {
	for _, d := range []string{ResourceDirective, spacedResourceDirective} {
		if rest, ok := strings.CutPrefix(line, d); ok {
			return rest, true
		}
	}
	return "", false
}

// Cleanup shapes of a provider's results, as wire has them.
const (
	cleanupNone    = iota
	cleanupFunc    // func()
	cleanupFuncErr // func() error
)

// provider is a function marked //resource:, which builds a value assets
// receive by its type.
type provider struct {
	fn       *types.Func
	fname    string
	pos      token.Position // of the function name
	source   string         // "file.go:line"
	typ      types.Type     // the type it provides
	params   []*param       // context, config or resources
	cleanup  int            // cleanupNone, cleanupFunc or cleanupFuncErr
	hasError bool
	bad      bool
}

// provider checks a function whose doc comment may hold a //resource:
// directive and reports whether it does.
func (a *analysis) provider(fd *ast.FuncDecl) bool {
	var dir *ast.Comment
	asset := false
	for _, c := range fd.Doc.List {
		if _, ok := resourceText(c.Text); ok && dir == nil {
			dir = c
		} else if ok {
			a.errorf(a.position(c.Pos()), "second //resource: directive for %s", fd.Name.Name)
		}
		if _, _, ok := directiveText(c.Text); ok {
			asset = true
		}
	}
	if dir == nil {
		return false
	}
	namePos := a.position(fd.Name.Pos())
	if asset {
		a.errorf(namePos, "%s has both //asset: and //resource: directives; a function either computes an asset or provides a resource", fd.Name.Name)
		return true
	}
	if text, _ := resourceText(dir.Text); strings.TrimSpace(text) != "" {
		a.errorf(a.position(dir.Pos()), "//resource: takes no options (got %q)", strings.TrimSpace(text))
	}
	if fd.Recv != nil {
		a.errorf(namePos, "//resource: directive on method %s; only top-level functions can provide resources", fd.Name.Name)
		return true
	}
	fn, _ := a.pkg.Types.Scope().Lookup(fd.Name.Name).(*types.Func)
	if fn == nil || fn.Pos() != fd.Name.Pos() {
		return true
	}
	pr := &provider{fn: fn, fname: fd.Name.Name, pos: namePos}
	pr.source = fmt.Sprintf("%s:%d", a.sourceName(namePos.Filename), a.position(fd.Pos()).Line)
	a.providers = append(a.providers, pr)
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 || sig.Variadic() {
		a.errorf(namePos, "resource provider %s has type parameters or is variadic; a provider must be a plain function", fd.Name.Name)
		pr.bad = true
		return true
	}
	res := sig.Results()
	want := "want T, (T, error), (T, func(), error) or (T, func() error, error)"
	switch {
	case res.Len() == 1 && !isError(res.At(0).Type()):
	case res.Len() == 2 && isError(res.At(1).Type()) && !isError(res.At(0).Type()):
		pr.hasError = true
	case res.Len() == 3 && isError(res.At(2).Type()) && cleanupOf(res.At(1).Type()) != cleanupNone:
		pr.hasError, pr.cleanup = true, cleanupOf(res.At(1).Type())
	default:
		pos := namePos
		if fd.Type.Results != nil {
			pos = a.position(fd.Type.Results.Pos())
		}
		a.errorf(pos, "resource provider %s returns %s; %s", fd.Name.Name, types.TypeString(res, a.qual), want)
		pr.bad = true
		return true
	}
	pr.typ = res.At(0).Type()
	if why := a.unnameable(pr.typ); why != "" {
		a.errorf(namePos, "type provided by %s cannot be written in package %s: %s", fd.Name.Name, a.pkg.Name, why)
		pr.bad = true
	}
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		p := &param{name: v.Name(), typ: v.Type(), pos: a.position(v.Pos())}
		if !v.Pos().IsValid() || p.pos.Filename == "" {
			p.pos = namePos
		}
		switch {
		case isNamed(v.Type(), "context", "Context"):
			p.ctx = true
		case isContext(v.Type()):
			a.errorf(p.pos, "parameter %s of provider %s is a *runtime.Context, which only assets receive; take a context.Context", p.name, fd.Name.Name)
			p.bad, pr.bad = true, true
		}
		pr.params = append(pr.params, p)
	}
	return true
}

// cleanupOf returns the cleanup shape of t.
func cleanupOf(t types.Type) int {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() > 0 || sig.Variadic() {
		return cleanupNone
	}
	switch {
	case sig.Results().Len() == 0:
		return cleanupFunc
	case sig.Results().Len() == 1 && isError(sig.Results().At(0).Type()):
		return cleanupFuncErr
	}
	return cleanupNone
}

// resources binds resource parameters: a parameter of an asset, a check or
// a provider whose type a provider provides receives the resource. It
// reports two providers of one type, a provider parameter no provider
// provides, cycles among providers, and asset parameters whose name
// names an asset and whose type has a provider. Call it before resolve,
// which binds the other parameters to assets.
func (a *analysis) resources() {
	for _, as := range a.assets {
		if as.multi != nil && as.multi.outs[0] != as {
			continue // the outputs of a multi-asset share its parameters
		}
		if !a.configParams(as.fname, as.params) {
			as.bad = true
			if as.multi != nil {
				for _, o := range as.multi.outs {
					o.bad = true
				}
			}
		}
	}
	for _, pr := range a.providers {
		if !a.configParams(pr.fname, pr.params) {
			pr.bad = true
		}
	}
	for _, c := range a.checks {
		if !a.configParams("check "+c.fname, c.params) {
			c.bad = true
		}
	}
	if len(a.providers) == 0 {
		return
	}
	var byType typeMap[*provider]
	for _, pr := range a.providers {
		if pr.typ == nil {
			continue
		}
		if first := byType.at(pr.typ); first != nil {
			a.errorf(pr.pos, "two providers of resource %s: %s and %s (at %s); keep one, or give one a distinct named type",
				types.TypeString(pr.typ, a.qual), pr.fname, first.fname, a.short(first.pos))
			pr.bad = true
			continue
		}
		byType.set(pr.typ, pr)
	}
	for _, pr := range a.providers {
		for _, p := range pr.params {
			if p.ctx || p.bad || p.cfg {
				continue
			}
			if p.res = byType.at(p.typ); p.res == nil {
				a.errorf(p.pos, "parameter %s of provider %s: no //resource: function provides %s%s",
					p.name, pr.fname, types.TypeString(p.typ, a.qual), a.closestProvided(p.typ))
				pr.bad = true
			}
		}
	}
	names := map[string]*asset{}
	for _, as := range a.assets {
		names[as.name] = as
	}
	for _, as := range a.assets {
		if !a.bindResources(as.fname, as.params, names, &byType) {
			as.bad = true
		}
	}
	for _, c := range a.checks {
		if !a.bindResources("check "+c.fname, c.params, names, &byType) {
			c.bad = true
		}
	}
	a.providerCycles()
}

// bindResources binds the parameters of fname (an asset or a check)
// whose type a provider provides to that provider, and reports whether
// none is ambiguous: its name names an asset, too.
func (a *analysis) bindResources(fname string, params []*param, names map[string]*asset, byType *typeMap[*provider]) bool {
	ok := true
	for _, p := range params {
		if p.ctx || p.bad || p.cfg {
			continue
		}
		pr := byType.at(p.typ)
		if pr == nil {
			continue
		}
		if up := names[ident.Snake(p.name)]; up != nil {
			a.errorf(p.pos, "parameter %s of %s names asset %q and has type %s, which provider %s provides: rename the parameter to receive the resource, or give the asset another name (name=) to receive the asset",
				p.name, fname, up.key, types.TypeString(p.typ, a.qual), pr.fname)
			p.bad, ok = true, false
			continue
		}
		p.res = pr
	}
	return ok
}

// providerCycles reports each cycle among providers, at the provider
// declared first in it.
func (a *analysis) providerCycles() {
	keys := make([]string, len(a.providers))
	for i, pr := range a.providers {
		keys[i] = pr.fname
	}
	g := graph.New(keys, func(i int, add func(string, graph.Kind) int32) {
		for _, p := range a.providers[i].params {
			if p.res != nil {
				add(p.res.fname, graph.Data)
			}
		}
	})
	for _, c := range g.Cycles() {
		path := make([]string, len(c))
		for i, node := range c {
			path[len(c)-1-i] = a.providers[node].fname
		}
		first := a.providers[c[0]]
		for _, node := range c {
			a.providers[node].bad = true
		}
		a.errorf(first.pos, "resource providers form a cycle: %s (each takes the resource of the next)", strings.Join(path, " -> "))
	}
}

// closestProvided returns " (providers exist for ...)" listing the
// provided types when t has none, to help with a pointer left out.
func (a *analysis) closestProvided(t types.Type) string {
	var ts []string
	for _, pr := range a.providers {
		if pr.typ != nil {
			ts = append(ts, types.TypeString(pr.typ, a.qual))
		}
	}
	if len(ts) == 0 {
		return ""
	}
	sort.Strings(ts)
	ts = slices.Compact(ts)
	return "; providers exist for " + strings.Join(ts, ", ")
}

// noProvider returns, when the package has providers, that none
// provides t: a parameter names no asset and gets no resource either.
func (a *analysis) noProvider(t types.Type) string {
	if len(a.providers) == 0 {
		return ""
	}
	return ", and no //resource: function provides " + types.TypeString(t, a.qual)
}

// typeMap maps identical types to values.
type typeMap[V any] struct {
	keys []types.Type
	vals []V
}

func (m *typeMap[V]) at(t types.Type) V {
	for i, k := range m.keys {
		if types.Identical(k, t) {
			return m.vals[i]
		}
	}
	var zero V
	return zero
}

func (m *typeMap[V]) set(t types.Type, v V) {
	m.keys = append(m.keys, t)
	m.vals = append(m.vals, v)
}

// resourceDefName returns the name of the function returning the
// ResourceDef of pr.
func (e *emitter) resourceDefName(pr *provider) string {
	if e.resNames == nil {
		e.resNames = map[*provider]string{}
		scope := e.a.pkg.Types.Scope()
		for _, p := range e.a.providers {
			base := "resource" + upperFirst(p.fname)
			name := base
			for i := 2; scope.Lookup(name) != nil; i++ {
				name = fmt.Sprintf("%s%d", base, i)
			}
			e.resNames[p] = name
		}
	}
	return e.resNames[pr]
}

// resourceList returns the Go expression of the ResourceDefs of params'
// resources, or "" when they take none.
func (e *emitter) resourceList(params []*param) string {
	var defs []string
	for _, p := range params {
		if p.res != nil {
			defs = append(defs, e.resourceDefName(p.res)+"()")
		}
	}
	if len(defs) == 0 {
		return ""
	}
	return "[]*" + e.pkgName(RuntimePath) + ".ResourceDef{" + strings.Join(defs, ", ") + "}"
}

// writeResource writes the function returning the ResourceDef of pr.
func (e *emitter) writeResource(w *bytes.Buffer, pr *provider) {
	rt := e.pkgName(RuntimePath)
	name := e.resourceDefName(pr)
	fmt.Fprintf(w, "// %s provides resource %s, built by %s.\n", name, e.typeText(pr.typ), pr.fname)
	fmt.Fprintf(w, "func %s() *%s.ResourceDef {\n\treturn &%s.ResourceDef{\n", name, rt, rt)
	fields := []field{{key: "Type", value: e.pkgName("reflect") + ".TypeFor[" + e.typeText(pr.typ) + "]()"}, {key: "Name", value: strconv.Quote(providerName(pr))}}
	if p := configParam(pr.params); p != nil {
		fields = append(fields, field{key: "Config", value: e.configDef(p.typ)})
	}
	if l := e.resourceList(pr.params); l != "" {
		fields = append(fields, field{key: "Needs", value: l})
	}
	fields = append(fields, field{key: "Source", value: fmt.Sprintf("%q", pr.source)})
	width := 0
	for _, f := range fields {
		width = max(width, len(f.key))
	}
	for _, f := range fields {
		fmt.Fprintf(w, "\t\t%s:%s%s,\n", f.key, strings.Repeat(" ", width-len(f.key)+1), f.value)
	}
	ctx := e.pkgName("context")
	fmt.Fprintf(w, "\t\tBuild: func(ctx %s.Context, r *%s.Resources) (any, func() error, error) {\n", ctx, rt)
	scope := e.a.pkg.Types.Scope()
	args := make([]string, len(pr.params))
	for i, p := range pr.params {
		if p.ctx {
			args[i] = "ctx"
			continue
		}
		v := fmt.Sprintf("r%d", i)
		for scope.Lookup(v) != nil || v == pr.fname {
			v += "_"
		}
		args[i] = v
		if p.cfg {
			fmt.Fprintf(w, "\t\t\t%s, err := %s.ResourceConfig[%s](r, %q)\n\t\t\tif err != nil {\n\t\t\t\treturn nil, nil, err\n\t\t\t}\n",
				v, rt, e.typeText(p.typ), providerName(pr))
			continue
		}
		fmt.Fprintf(w, "\t\t\t%s, err := %s.Use[%s](ctx, r, %s())\n\t\t\tif err != nil {\n\t\t\t\treturn nil, nil, err\n\t\t\t}\n",
			v, rt, e.typeText(p.typ), e.resourceDefName(p.res))
	}
	call := pr.fname + "(" + strings.Join(args, ", ") + ")"
	switch pr.cleanup {
	case cleanupFunc:
		fmt.Fprintf(w, "\t\t\tv, cleanup, err := %s\n\t\t\tif cleanup == nil {\n\t\t\t\treturn v, nil, err\n\t\t\t}\n\t\t\treturn v, func() error { cleanup(); return nil }, err\n", call)
	case cleanupFuncErr:
		fmt.Fprintf(w, "\t\t\tv, cleanup, err := %s\n\t\t\treturn v, cleanup, err\n", call)
	default:
		if pr.hasError {
			fmt.Fprintf(w, "\t\t\tv, err := %s\n\t\t\treturn v, nil, err\n", call)
		} else {
			fmt.Fprintf(w, "\t\t\treturn %s, nil, nil\n", call)
		}
	}
	w.WriteString("\t\t},\n\t}\n}\n")
}
