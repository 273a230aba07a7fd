package generator

import (
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/confval"
	"github.com/assetgen/assetgen/internal/ident"
)

// isConfig reports whether t is a config struct: a struct type that
// embeds runtime.Config.
func isConfig(t types.Type) bool {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Embedded() && isNamed(f.Type(), RuntimePath, "Config") {
			return true
		}
	}
	return false
}

// configParams marks the config parameters of fname's params: at most
// one, a struct embedding runtime.Config whose fields config can set and
// whose defaults parse. It reports whether they are all right.
func (a *analysis) configParams(fname string, params []*param) bool {
	ok := true
	var first *param
	for _, p := range params {
		if p.ctx || p.bad || !isConfig(p.typ) {
			continue
		}
		p.cfg = true
		if first != nil {
			a.errorf(p.pos, "%s takes a second config struct (%s); put every field in one (the first is %s)", fname, p.name, first.name)
			p.bad, ok = true, false
			continue
		}
		first = p
		if !a.configFields(p) {
			ok = false
		}
	}
	return ok
}

// configKind returns the config kind of t and its bit size, the
// generator's side of runtime's rule (package confval parses the values).
func configKind(t types.Type) (confval.Kind, int) {
	if isNamed(t, "time", "Duration") {
		return confval.Duration, 64
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch info := u.Info(); {
		case u.Kind() == types.String:
			return confval.String, 0
		case u.Kind() == types.Bool:
			return confval.Bool, 0
		case info&types.IsUnsigned != 0 && u.Kind() != types.Uintptr:
			return confval.Uint, basicBits(u.Kind())
		case info&types.IsInteger != 0 && u.Kind() != types.Uintptr:
			return confval.Int, basicBits(u.Kind())
		case info&types.IsFloat != 0:
			return confval.Float, basicBits(u.Kind())
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			return confval.Strings, 0
		}
	}
	return confval.Invalid, 0
}

func basicBits(k types.BasicKind) int {
	switch k {
	case types.Int8, types.Uint8:
		return 8
	case types.Int16, types.Uint16:
		return 16
	case types.Int32, types.Uint32, types.Float32:
		return 32
	}
	return 64
}

// configFields checks the fields of p's config struct, and keeps their
// docs.
func (a *analysis) configFields(p *param) bool {
	if n, ok := types.Unalias(p.typ).(*types.Named); ok {
		if a.docs == nil {
			a.docs = map[*types.TypeName]map[string]string{}
		}
		if _, done := a.docs[n.Obj()]; !done {
			a.docs[n.Obj()] = a.configDocs(n)
		}
	}
	st := p.typ.Underlying().(*types.Struct)
	ok := true
	names := map[string]*types.Var{} // config name -> the field of that name
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Exported() || f.Embedded() {
			continue
		}
		pos := a.position(f.Pos())
		name := confval.Name(f.Name(), reflect.StructTag(st.Tag(i)))
		if problem := confval.NameProblem(name); problem != "" {
			a.errorf(pos, "config field %s of %s is named %q: %s", f.Name(), types.TypeString(p.typ, a.qual), name, problem)
			ok = false
		} else if prev, dup := names[name]; dup {
			a.errorf(pos, "config field %s of %s is named %q, as field %s is: give one another name with a config tag", f.Name(), types.TypeString(p.typ, a.qual), name, prev.Name())
			ok = false
		} else {
			names[name] = f
		}
		k, bits := configKind(f.Type())
		if k == confval.Invalid {
			a.errorf(pos, "config field %s of %s has type %s, which config cannot set; use a string, bool, number, time.Duration or []string",
				f.Name(), types.TypeString(p.typ, a.qual), types.TypeString(f.Type(), a.qual))
			ok = false
			continue
		}
		if def, has := reflect.StructTag(st.Tag(i)).Lookup(confval.TagDefault); has {
			if _, err := confval.Check(k, bits, def); err != nil {
				a.errorf(pos, "config field %s of %s: default %q: %v", f.Name(), types.TypeString(p.typ, a.qual), def, err)
				ok = false
			}
		}
	}
	return ok
}

// configDocs returns the doc comments of the fields of a config struct
// declared in the package, by field name.
func (a *analysis) configDocs(n *types.Named) map[string]string {
	if n.Obj().Pkg() != a.pkg.Types {
		return nil
	}
	docs := map[string]string{}
	for _, f := range a.pkg.Syntax {
		ast.Inspect(f, func(node ast.Node) bool {
			ts, ok := node.(*ast.TypeSpec)
			if !ok || ts.Name.Pos() != n.Obj().Pos() {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return false
			}
			for _, fl := range st.Fields.List {
				doc := fl.Doc
				if doc == nil {
					doc = fl.Comment
				}
				if doc == nil {
					continue
				}
				for _, name := range fl.Names {
					docs[name.Name] = strings.TrimSpace(doc.Text())
				}
			}
			return false
		})
	}
	return docs
}

// configDef returns the Go expression of the ConfigDef of a config type.
func (e *emitter) configDef(t types.Type) string {
	rt := e.pkgName(RuntimePath)
	s := "&" + rt + ".ConfigDef{Type: " + e.pkgName("reflect") + ".TypeFor[" + e.typeText(t) + "]()"
	var docs map[string]string
	if n, ok := types.Unalias(t).(*types.Named); ok {
		docs = e.a.docs[n.Obj()]
	}
	if len(docs) > 0 {
		names := make([]string, 0, len(docs))
		for k := range docs {
			names = append(names, k)
		}
		sort.Strings(names)
		kvs := make([]string, len(names))
		for i, k := range names {
			kvs[i] = strconv.Quote(k) + ": " + strconv.Quote(docs[k])
		}
		s += ", Docs: map[string]string{" + strings.Join(kvs, ", ") + "}"
	}
	return s + "}"
}

// configParam returns the config parameter of params, or nil.
func configParam(params []*param) *param {
	for _, p := range params {
		if p.cfg && !p.bad {
			return p
		}
	}
	return nil
}

// providerName returns the name of pr's config section.
func providerName(pr *provider) string { return ident.Snake(pr.fname) }
