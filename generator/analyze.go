package generator

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/assetgen/assetgen/internal/graph"
	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/internal/suggest"
	"golang.org/x/tools/go/packages"
)

// RuntimePath is the import path of the assetgen runtime.
const RuntimePath = "github.com/assetgen/assetgen/runtime"

// asset is one annotated function of a package.
type asset struct {
	fn       *types.Func
	fname    string // the function's name
	key      string
	name     string
	opts     Options
	desc     string
	source   string         // "file.go:line"
	pos      token.Position // of the function name
	params   []*param
	result   types.Type // nil when the function returns no value
	hasError bool       // the last result is an error
	bad      bool       // has a problem; known by name only
	external bool       // an external asset (the external flag): observed, never materialized
	partDone bool       // part is resolved (for an imported asset)
	dirLine  int        // line of the directive
	dirCol   int        // column of the directive's text, after "//asset:"
	from     *imported  // the package it is imported from; nil for a local asset
	why      string     // for an imported asset that is bad: what is wrong there
	// part is its partitions (partitions=); nil when unpartitioned. For
	// an imported asset it is resolved on first use (partDone).
	part *parts
	// multi is the multi-asset it is an output of, tag where its tag is;
	// nil for a plain asset.
	multi *multiFn
	tag   *tagSpot
}

// param is one parameter of an asset function.
type param struct {
	name string
	typ  types.Type
	up   *asset // the upstream asset, once resolved
	pos  token.Position
	ctx  bool // receives the context
	bad  bool // has a problem already reported
	// project: the parameter receives a column subset of the upstream's
	// rows (both are slices of structs), so its type differs.
	project bool
	// self: the parameter reads the asset's own earlier partitions.
	self bool
	// gather is how it receives the upstream partitions of a step.
	gather gather
	// rows: the parameter or its upstream's output is a stream of rows;
	// the edge was checked row against row.
	rows bool
	// res is the provider of the resource it receives; nil when it
	// receives no resource.
	res *provider
	// cfg: it receives the run's config (a struct embedding
	// runtime.Config).
	cfg bool
}

// analysis holds what is known about one package.
type analysis struct {
	pkg    *packages.Package
	fset   *token.FileSet
	qual   types.Qualifier
	assets []*asset
	errs   Errors
	dir    string      // the package's directory; "" when unknown
	im     *importer   // reads the packages imported from the same module
	deps   []*imported // the packages this one imports from its module
	used   []*imported // those its assets depend on, in import path order

	byPath map[string]*types.Package // the packages it imports, directly or not; built on first use
	decls  *declSource               // its own variable declarations, on first use
	depUps map[*asset][]*asset       // the asset of each deps= item; nil where unresolved

	checks     []*check              // the //check: functions, in source order
	validRules map[*asset][]RuleItem // the checks= rules of each asset that hold

	providers []*provider                           // the //resource: functions, in source order
	docs      map[*types.TypeName]map[string]string // config structs: field docs, read while the syntax is at hand
}

func (a *analysis) errorf(pos token.Position, format string, args ...any) {
	a.errs = append(a.errs, Diagnostic{File: pos.Filename, Line: pos.Line, Col: pos.Column, Msg: fmt.Sprintf(format, args...)})
}

func (a *analysis) position(p token.Pos) token.Position { return a.fset.Position(p) }

// sourceName names file for AssetDef.Source: relative to the root of its
// module, slash-separated, so that it is the same on every machine and
// tells apart the files of different packages ("crm/crm.go", not
// "crm.go"); the base name when the file is outside any module.
func (a *analysis) sourceName(file string) string {
	if mod := a.im.moduleOf(filepath.Dir(file)); mod.root != "" {
		if rel, err := filepath.Rel(mod.root, file); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(file)
}

// analyze finds the assets of pkg and checks them and their graph.
// Parameters and deps= that name no asset of pkg are looked up in the
// packages pkg imports from its own module, which im reads (nil: a new
// importer).
func analyze(pkg *packages.Package, dir string, im *importer) *analysis {
	a := &analysis{pkg: pkg, fset: pkg.Fset, qual: qualifier(pkg.Types), im: im}
	if a.im == nil {
		a.im = newImporter()
	}
	if files := slices.Concat(pkg.GoFiles, pkg.CompiledGoFiles); len(files) > 0 {
		a.dir = filepath.Dir(files[0])
	}
	// Go errors come first: the graph of a package that does not compile
	// would only add noise.
	if a.errs = loadErrors(pkg, dir); len(a.errs) > 0 || pkg.Types == nil {
		return a
	}
	for _, f := range pkg.Syntax {
		a.collect(f)
	}
	if obj := pkg.Types.Scope().Lookup("Assets"); obj != nil && !strings.HasSuffix(a.position(obj.Pos()).Filename, string(filepath.Separator)+OutputName) {
		a.errorf(a.position(obj.Pos()), "package %s already declares Assets, which the generated %s defines; rename it", pkg.Name, OutputName)
	}
	a.resources()
	a.resolve()
	a.multiConfigs()
	a.edges()
	a.cycles()
	a.resolveChecks()
	return a
}

// releaseSyntax drops the analysis's references to the package's syntax
// trees, which only the analysis reads.
func (a *analysis) releaseSyntax() {
	a.decls = nil
}

// declKinds names declarations in messages.
var declKinds = map[token.Token]string{token.TYPE: "type", token.VAR: "variable", token.CONST: "constant", token.IMPORT: "import"}

// collect finds the directives of one file.
func (a *analysis) collect(f *ast.File) {
	docs := map[*ast.CommentGroup]bool{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Doc != nil {
				docs[d.Doc] = true
				if !a.checkFunction(d) && !a.provider(d) {
					a.function(d)
				}
			}
		case *ast.GenDecl:
			what := declKinds[d.Tok]
			groups := []*ast.CommentGroup{d.Doc}
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					groups = append(groups, s.Doc)
				case *ast.ValueSpec:
					groups = append(groups, s.Doc)
				}
			}
			for _, g := range groups {
				if g == nil {
					continue
				}
				docs[g] = true
				for _, c := range g.List {
					if _, _, ok := directiveText(c.Text); ok {
						a.errorf(a.position(c.Pos()), "//asset: directive on a %s declaration; only top-level functions can be assets", what)
					}
				}
			}
		}
	}
	// Elsewhere only the exact form counts: "// asset: ..." in a free
	// comment is more likely prose.
	for _, g := range f.Comments {
		if docs[g] {
			continue
		}
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, Directive) {
				a.errorf(a.position(c.Pos()), "//asset: directive is not in the doc comment of a function (no blank line may separate them)")
			}
		}
	}
}

// findDirective splits a doc comment into its first //asset: line, any
// further ones, and the other lines.
func findDirective(doc *ast.CommentGroup) (dir *ast.Comment, extra, rest []*ast.Comment) {
	for _, c := range doc.List {
		if _, _, ok := directiveText(c.Text); !ok {
			rest = append(rest, c)
		} else if dir == nil {
			dir = c
		} else {
			extra = append(extra, c)
		}
	}
	return dir, extra, rest
}

// spec is what a directive says about its asset, before type checking: the
// same for the package being generated and for a package it imports.
type spec struct {
	opts    Options
	name    string
	key     string
	errs    SyntaxErrors // in the directive, at offsets of its text
	off     int          // offset of the directive's text in the comment line
	badName string       // why the default name is not a valid key component, or ""
}

// specOf parses the directive dir of function fname and computes the
// asset's name and key.
func specOf(dir *ast.Comment, fname string) spec {
	text, off, _ := directiveText(dir.Text)
	opts, errs := parseDirective(text)
	s := spec{opts: opts, errs: errs, off: off}
	s.name = opts.Name
	if s.name == "" {
		s.name = ident.Snake(fname)
		s.badName = ident.NameProblem(s.name)
	}
	s.key = strings.Join(append(slices.Clone(opts.Prefix), s.name), "/")
	if len(s.key) > ident.MaxKey && len(opts.Prefix) > 0 {
		// Each part is valid, but together they are too long: the prefix
		// is where a key gets long (a name has at most ident.MaxName bytes).
		s.errs = append(s.errs, &SyntaxError{Offset: opts.Offsets["prefix"],
			Msg: "prefix and name make a key " + ident.KeyProblem(s.key)})
	}
	return s
}

// bad reports whether the directive has a problem.
func (s spec) bad() bool { return len(s.errs) > 0 || s.badName != "" }

// resultOf splits an asset function's results into its output type (nil
// for none) and whether it returns an error; ok is false for any other
// shape.
func resultOf(sig *types.Signature) (result types.Type, hasError, ok bool) {
	res := sig.Results()
	switch {
	case res.Len() == 0:
	case res.Len() == 1 && isError(res.At(0).Type()):
		hasError = true
	case res.Len() == 1:
		result = res.At(0).Type()
	case res.Len() == 2 && isError(res.At(1).Type()) && !isError(res.At(0).Type()):
		result, hasError = res.At(0).Type(), true
	default:
		return nil, false, false
	}
	return result, hasError, true
}

// function checks one function whose doc comment may hold a directive.
func (a *analysis) function(fd *ast.FuncDecl) {
	dir, extra, rest := findDirective(fd.Doc)
	for _, c := range extra {
		a.errorf(a.position(c.Pos()), "second //asset: directive for %s (first at line %d); put all options on one line", fd.Name.Name, a.position(dir.Pos()).Line)
	}
	if dir == nil {
		return
	}
	namePos := a.position(fd.Name.Pos())
	if fd.Recv != nil {
		a.errorf(namePos, "//asset: directive on method %s; only top-level functions can be assets", fd.Name.Name)
		return
	}
	if fd.Name.Name == "init" || fd.Name.Name == "_" {
		a.errorf(namePos, "//asset: directive on func %s, which cannot be called; give the asset a function of its own", fd.Name.Name)
		return
	}
	as := &asset{fname: fd.Name.Name, pos: namePos}
	as.source = fmt.Sprintf("%s:%d", a.sourceName(namePos.Filename), a.position(fd.Pos()).Line)
	as.desc = strings.TrimSpace((&ast.CommentGroup{List: rest}).Text())
	sp := specOf(dir, fd.Name.Name)
	as.bad = sp.bad()
	dirPos := a.position(dir.Pos())
	for _, e := range sp.errs {
		p := dirPos
		p.Column += sp.off + e.Offset
		a.errorf(p, "%s", e.Msg)
	}
	as.opts = sp.opts
	as.dirLine, as.dirCol = dirPos.Line, dirPos.Column+sp.off
	as.name, as.key = sp.name, sp.key
	if sp.badName != "" {
		a.errorf(namePos, "asset name %q (from function %s) is not a valid key component: %s; set one with name=", as.name, fd.Name.Name, sp.badName)
	}
	a.assets = append(a.assets, as)

	fn, _ := a.pkg.Types.Scope().Lookup(fd.Name.Name).(*types.Func)
	if fn == nil || fn.Pos() != fd.Name.Pos() {
		as.bad = true
		return
	}
	as.fn = fn
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 {
		a.errorf(namePos, "asset function %s has type parameters; an asset must be a plain function", fd.Name.Name)
		as.bad = true
		return
	}
	if a.externalFunc(fd, as, sig) {
		return
	}
	if sig.Variadic() {
		a.errorf(a.position(sig.Params().At(sig.Params().Len()-1).Pos()), "asset function %s is variadic; give each upstream its own parameter", fd.Name.Name)
		as.bad = true
		return
	}
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		p := &param{name: v.Name(), typ: v.Type(), pos: a.position(v.Pos())}
		if !v.Pos().IsValid() || p.pos.Filename == "" {
			p.pos = namePos
		}
		if isContext(v.Type()) {
			p.ctx = true
		} else if p.name == "" || p.name == "_" {
			p.bad = true
			pos := p.pos
			if p.name == "" {
				pos = a.position(paramTypePos(fd, i))
			}
			a.errorf(pos, "parameter %d of %s has no name; name it after its upstream asset", i+1, fd.Name.Name)
			as.bad = true
		} else if isRuntimeContextValue(v.Type()) {
			p.bad = true
			a.errorf(p.pos, "parameter %s of %s has type runtime.Context; use *runtime.Context", p.name, fd.Name.Name)
			as.bad = true
		}
		as.params = append(as.params, p)
	}
	var ok bool
	if as.result, as.hasError, ok = resultOf(sig); !ok {
		a.errorf(a.position(fd.Type.Results.Pos()), "asset function %s returns %s; want T, (T, error), error or nothing", fd.Name.Name, types.TypeString(sig.Results(), a.qual))
		as.bad = true
	}
	if as.result != nil {
		if why := a.unnameable(as.result); why != "" {
			a.errorf(a.position(fd.Type.Results.Pos()), "output type of %s cannot be written in package %s: %s", fd.Name.Name, a.pkg.Name, why)
			as.bad = true
		} else if why := streamProblem(as.result, a.qual); why != "" {
			a.errorf(a.position(fd.Type.Results.Pos()), "asset function %s returns %s", fd.Name.Name, why)
			as.bad = true
		}
	}
	for _, p := range as.params {
		if p.ctx || p.bad {
			continue
		}
		if why := a.unnameable(p.typ); why != "" {
			a.errorf(p.pos, "type of parameter %s of %s cannot be written in package %s: %s", p.name, fd.Name.Name, a.pkg.Name, why)
			as.bad = true
		} else if why := streamProblem(p.typ, a.qual); why != "" {
			a.errorf(p.pos, "parameter %s of %s is %s", p.name, fd.Name.Name, why)
			p.bad = true
			as.bad = true
		}
	}
	if as.opts.Multi {
		a.multi(as, fd)
	}
}

// paramTypePos returns the position of the type of parameter i.
func paramTypePos(fd *ast.FuncDecl, i int) token.Pos {
	n := 0
	for _, f := range fd.Type.Params.List {
		k := max(len(f.Names), 1)
		if i < n+k {
			return f.Type.Pos()
		}
		n += k
	}
	return fd.Name.Pos()
}

// resolve checks keys for duplicates and binds every parameter to its
// upstream asset and every deps item to an asset. A name or key that no
// asset of the package has is looked up in the packages it imports from
// its own module: a local asset wins over an imported one of the same
// name, and two imported packages offering one are ambiguous.
func (a *analysis) resolve() {
	byKey := map[string]*asset{}
	byName := map[string][]*asset{}
	var names []string
	for _, as := range a.assets {
		if first, dup := byKey[as.key]; dup {
			a.errorf(as.pos, "duplicate asset %q: %s is also declared by %s at %s", as.key, as.declarer(), first.declarer(), a.short(first.pos))
			continue
		}
		byKey[as.key] = as
		if len(byName[as.name]) == 0 {
			names = append(names, as.name)
		}
		byName[as.name] = append(byName[as.name], as)
	}
	sort.Strings(names)
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	used := map[*imported]bool{}
	loaded := false
	load := func() {
		if !loaded {
			loaded = true
			a.deps = a.im.imports(a.dir, a.pkg)
		}
	}
	for _, as := range a.assets {
		if as.fn == nil {
			continue
		}
		fname := as.fname
		for _, p := range as.params {
			if p.ctx || p.bad || p.res != nil || p.cfg {
				continue
			}
			want := ident.Snake(p.name)
			cands := byName[want]
			if len(cands) == 0 {
				load()
				for _, ip := range a.deps {
					cands = append(cands, ip.byName[want]...)
				}
			}
			if len(cands) > 1 {
				var same []*asset
				for _, c := range cands {
					if slices.Equal(c.opts.Prefix, as.opts.Prefix) {
						same = append(same, c)
					}
				}
				if len(same) == 1 {
					cands = same
				}
			}
			switch {
			case len(cands) == 0:
				msg := fmt.Sprintf("parameter %s of %s names no asset: no asset is named %q in package %s%s%s", p.name, fname, want, a.pkg.Name, a.elsewhere(), a.noProvider(p.typ))
				msg += a.didYouMean(want, names, func(ip *imported) []string { return sortedKeys(ip.byName) })
				a.errorf(p.pos, "%s", msg)
				continue
			case len(cands) > 1:
				var ks []string
				for _, c := range cands {
					ks = append(ks, a.keyOf(c))
				}
				a.errorf(p.pos, "parameter %s of %s is ambiguous: assets %s are all named %q; give them distinct names", p.name, fname, strings.Join(ks, ", "), want)
				continue
			}
			up := cands[0]
			p.up = up
			if up.from != nil {
				used[up.from] = true
				if up.bad {
					a.errorf(p.pos, "parameter %s of %s: asset %q (func %s) of package %s %s; run assetgen there", p.name, fname, up.key, up.fname, up.from.path, up.why)
					continue
				}
			}
			if up.bad || up.fn == nil || up.external {
				continue
			}
			if up.result == nil {
				what := "nothing"
				if up.hasError {
					what = "only an error"
				}
				a.errorf(p.pos, "parameter %s of %s names asset %q, which has no output (%s returns %s, declared at %s); use deps=%s to order without passing data",
					p.name, fname, up.key, up.fname, what, a.where(up), up.key)
				continue
			}
		}
		var ups []*asset
		if len(as.opts.Deps) > 0 {
			ups = make([]*asset, len(as.opts.Deps))
			if a.depUps == nil {
				a.depUps = map[*asset][]*asset{}
			}
			a.depUps[as] = ups
		}
		for i, d := range as.opts.Deps {
			if up, ok := byKey[d]; ok {
				ups[i] = up
				continue
			}
			pos := as.pos
			pos.Line = as.dirLine
			pos.Column = as.dirCol + as.opts.DepOffsets[i]
			load()
			var found []*asset
			for _, ip := range a.deps {
				if up := ip.byKey[d]; up != nil {
					found = append(found, up)
				}
			}
			switch {
			case len(found) == 1:
				used[found[0].from] = true
				ups[i] = found[0]
				if found[0].bad {
					a.errorf(pos, "deps= of %s: asset %q (func %s) of package %s %s; run assetgen there", fname, d, found[0].fname, found[0].from.path, found[0].why)
				}
				continue
			case len(found) > 1:
				var ks []string
				for _, c := range found {
					ks = append(ks, a.keyOf(c))
				}
				a.errorf(pos, "deps= of %s is ambiguous: assets %s all have key %q; the keys of one Definitions must differ", fname, strings.Join(ks, ", "), d)
				continue
			}
			msg := fmt.Sprintf("deps= of %s names no asset: no asset has key %q in package %s%s", fname, d, a.pkg.Name, a.elsewhere())
			if s := a.didYouMean(d, keys, func(ip *imported) []string { return sortedKeys(ip.byKey) }); s != "" {
				msg += s
			} else if named := byName[path.Base(d)]; len(named) == 1 {
				msg += fmt.Sprintf(" (did you mean %q?)", named[0].key)
			}
			a.errorf(pos, "%s", msg)
		}
	}
	for _, ip := range a.deps {
		if used[ip] {
			a.used = append(a.used, ip)
		}
	}
}

// elsewhere names the packages searched besides the analysed one, for a
// message saying that a name was found in none.
func (a *analysis) elsewhere() string {
	switch len(a.deps) {
	case 0:
		return ""
	case 1:
		return " or in package " + a.deps[0].path + ", which it imports from its module"
	}
	var ps []string
	for _, ip := range a.deps {
		ps = append(ps, ip.path)
	}
	return " or in packages " + strings.Join(ps, ", ") + ", which it imports from its module"
}

// didYouMean returns " (did you mean ...?)" for the local or imported
// name closest to want, or "".
func (a *analysis) didYouMean(want string, local []string, of func(*imported) []string) string {
	cands := slices.Clone(local)
	from := map[string]string{}
	for _, ip := range a.deps {
		for _, n := range of(ip) {
			switch p, ok := from[n]; {
			case slices.Contains(local, n):
			case !ok:
				from[n] = ip.path
				cands = append(cands, n)
			case p != ip.path:
				from[n] = "" // in several packages
			}
		}
	}
	s, ok := suggest.Closest(want, cands)
	switch {
	case !ok:
		return ""
	case from[s] != "":
		return fmt.Sprintf(" (did you mean %q, of package %s?)", s, from[s])
	}
	return fmt.Sprintf(" (did you mean %q?)", s)
}

// keyOf returns the key of an asset, with its package when imported.
func (a *analysis) keyOf(as *asset) string {
	if as.from == nil {
		return as.key
	}
	return fmt.Sprintf("%s (package %s)", as.key, as.from.path)
}

// where returns where an asset is declared: file:line:col, relative to
// the analysed package's directory, and the package when imported.
func (a *analysis) where(as *asset) string {
	if as.from == nil {
		return a.short(as.pos)
	}
	return fmt.Sprintf("%s in package %s", a.relPos(as.pos), as.from.path)
}

// relPos returns a position in another package as file:line:col, the
// file relative to the analysed package's directory.
func (a *analysis) relPos(pos token.Position) string {
	name := pos.Filename
	if a.dir != "" {
		if rel, err := filepath.Rel(a.dir, name); err == nil {
			name = filepath.ToSlash(rel)
		}
	}
	return fmt.Sprintf("%s:%d:%d", name, pos.Line, pos.Column)
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// upstream returns the assets of the package that as depends on: inputs,
// then deps. Imported assets cannot be part of a cycle (Go has no import
// cycles) and are left out.
func (a *analysis) upstream(as *asset, byKey map[string]*asset) []*asset {
	var out []*asset
	for _, p := range as.params {
		if p.up != nil && p.up.from == nil && !p.self {
			out = append(out, p.up)
		}
	}
	for _, d := range as.opts.Deps {
		if up := byKey[d]; up != nil {
			out = append(out, up)
		}
	}
	return out
}

// cycles reports a cycle of each strongly connected component of the
// graph that has one, with its whole path (the shortest), starting at its
// asset declared first.
func (a *analysis) cycles() {
	byKey := map[string]*asset{}
	keys := make([]string, len(a.assets))
	for i, as := range a.assets {
		if _, dup := byKey[as.key]; !dup {
			byKey[as.key] = as
		}
		keys[i] = as.key
	}
	g := graph.New(keys, func(i int, add func(string, graph.Kind) int32) {
		for _, up := range a.upstream(a.assets[i], byKey) {
			add(up.key, graph.Data)
		}
	})
	for _, c := range g.Cycles() {
		// c follows "feeds" edges; the message, "depends on" ones.
		path := make([]string, len(c))
		for i, node := range c {
			path[len(c)-1-i] = a.assets[node].key
		}
		a.errorf(a.assets[c[0]].pos, "dependency cycle: %s (each asset depends on the next)", strings.Join(path, " -> "))
	}
}

// short returns a position as file:line:col with the base file name.
func (a *analysis) short(p token.Position) string {
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isContext reports whether t is context.Context or *runtime.Context.
func isContext(t types.Type) bool {
	if isNamed(t, "context", "Context") {
		return true
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return isNamed(p.Elem(), RuntimePath, "Context")
	}
	return false
}

func isRuntimeContextValue(t types.Type) bool { return isNamed(t, RuntimePath, "Context") }

func isNamed(t types.Type, path, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	o := n.Obj()
	return o.Pkg() != nil && o.Pkg().Path() == path && o.Name() == name
}

// unnameable returns why t cannot be written in the analysed package, or "".
func (a *analysis) unnameable(t types.Type) string {
	var why string
	seen := map[types.Type]bool{}
	var walk func(t types.Type)
	walk = func(t types.Type) {
		if why != "" || t == nil || seen[t] {
			return
		}
		seen[t] = true
		switch t := t.(type) {
		case *types.Alias:
			if !a.visible(t.Obj()) {
				walk(types.Unalias(t))
				return
			}
		case *types.Named:
			if !a.visible(t.Obj()) {
				why = fmt.Sprintf("%s is not exported by package %s", t.Obj().Name(), t.Obj().Pkg().Path())
				return
			}
			if t.Obj().Parent() != nil && t.Obj().Pkg() != nil && t.Obj().Parent() != t.Obj().Pkg().Scope() {
				why = fmt.Sprintf("%s is declared inside a function", t.Obj().Name())
				return
			}
		case *types.TypeParam:
			why = fmt.Sprintf("type parameter %s", t.Obj().Name())
			return
		case *types.Struct:
			for i := range t.NumFields() {
				if f := t.Field(i); !f.Exported() && f.Pkg() != a.pkg.Types {
					why = fmt.Sprintf("unexported field %s of package %s", f.Name(), f.Pkg().Path())
					return
				}
			}
		case *types.Interface:
			for i := range t.NumExplicitMethods() {
				if m := t.ExplicitMethod(i); !m.Exported() && m.Pkg() != a.pkg.Types {
					why = fmt.Sprintf("unexported method %s of package %s", m.Name(), m.Pkg().Path())
					return
				}
			}
		}
		for _, c := range components(t) {
			walk(c)
		}
	}
	walk(t)
	return why
}

// components returns the types t is written with: the type arguments of
// a named type or alias, the element (and key) of a composite type, the
// fields of a struct, the parameters and results of a signature, and the
// methods, embedded types and union terms of an interface.
func components(t types.Type) []types.Type {
	var out []types.Type
	args := func(l *types.TypeList) {
		for i := range l.Len() {
			out = append(out, l.At(i))
		}
	}
	vars := func(tu *types.Tuple) {
		for i := range tu.Len() {
			out = append(out, tu.At(i).Type())
		}
	}
	switch t := t.(type) {
	case *types.Alias:
		args(t.TypeArgs())
	case *types.Named:
		args(t.TypeArgs())
	case *types.Pointer:
		out = append(out, t.Elem())
	case *types.Slice:
		out = append(out, t.Elem())
	case *types.Array:
		out = append(out, t.Elem())
	case *types.Chan:
		out = append(out, t.Elem())
	case *types.Map:
		out = append(out, t.Key(), t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			out = append(out, t.Field(i).Type())
		}
	case *types.Signature:
		vars(t.Params())
		vars(t.Results())
	case *types.Tuple:
		vars(t)
	case *types.Interface:
		for i := range t.NumExplicitMethods() {
			out = append(out, t.ExplicitMethod(i).Type())
		}
		for i := range t.NumEmbeddeds() {
			out = append(out, t.EmbeddedType(i))
		}
	case *types.Union:
		for i := range t.Len() {
			out = append(out, t.Term(i).Type())
		}
	}
	return out
}

// visible reports whether the package can refer to o by name.
func (a *analysis) visible(o *types.TypeName) bool {
	return o.Pkg() == nil || o.Pkg() == a.pkg.Types || o.Exported()
}
