package generator

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"path"
	"strconv"

	"github.com/assetgen/assetgen/internal/ident"
	"github.com/assetgen/assetgen/partition"
	"golang.org/x/tools/go/packages"
)

// Partition definitions are evaluated from their source: a package-level
// variable initialised with a call of one of partition's constructors
// with constant arguments is built here, by calling package partition
// (pure, so the generator may run it), and what its Err says is reported
// at the argument that causes it. Anything else (a function of the
// user's, a variable argument) is left to run time.

// declSource is the package-level variable declarations of one package.
type declSource struct {
	fset  *token.FileSet
	types *types.Package
	files []*ast.File
	vars  map[string]varDecl // by name, indexed on first use
}

// varDecl is the initializer of a package-level variable and its file.
type varDecl struct {
	file *ast.File
	init ast.Expr // nil when the variable has none
}

// lookup returns the declaration of variable name.
func (s *declSource) lookup(name string) (varDecl, bool) {
	if s.vars == nil {
		s.vars = map[string]varDecl{}
		for _, f := range s.files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						v := varDecl{file: f}
						if len(vs.Values) == len(vs.Names) {
							v.init = vs.Values[i]
						}
						s.vars[n.Name] = v
					}
				}
			}
		}
	}
	d, ok := s.vars[name]
	return d, ok
}

// defEval is the outcome of evaluating one variable.
type defEval struct {
	def  partition.Definition // nil when not evaluated, or invalid
	prob *defProblem          // why the definition is invalid
	busy bool                 // being evaluated (a cycle through a Dims literal)
	done bool
	said bool // prob has been reported
}

// defProblem is an invalid definition: its error, at the argument that
// causes it.
type defProblem struct {
	pos token.Position
	msg string
	v   *types.Var // the variable whose initializer it is in
}

// source returns the declarations of package tp: the analysed package's
// syntax, or the files of a package it imports, as the load listed them.
func (a *analysis) source(tp *types.Package) *declSource {
	if tp == a.pkg.Types {
		if a.decls == nil {
			a.decls = &declSource{fset: a.fset, types: tp, files: a.pkg.Syntax}
		}
		return a.decls
	}
	if s := a.im.sources[tp]; s != nil {
		return s
	}
	s := &declSource{fset: a.im.fset, types: tp}
	if files := goFilesOf(a.pkg, tp.Path()); files != nil {
		s.files = a.im.parseAll(files)
	}
	a.im.sources[tp] = s
	return s
}

// goFilesOf returns the Go files of the package of that import path
// among those pkg imports, directly or not.
func goFilesOf(pkg *packages.Package, path string) []string {
	seen := map[*packages.Package]bool{}
	queue := []*packages.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if ip := p.Imports[path]; ip != nil {
			return ip.GoFiles
		}
		for _, ip := range p.Imports {
			if !seen[ip] {
				seen[ip] = true
				queue = append(queue, ip)
			}
		}
	}
	return nil
}

// typesPkg returns the package of an import path among those the analysed
// package imports, directly or not, or nil.
func (a *analysis) typesPkg(path string) *types.Package {
	if a.byPath == nil {
		a.byPath = map[string]*types.Package{a.pkg.Types.Path(): a.pkg.Types}
		var walk func(ps []*types.Package)
		walk = func(ps []*types.Package) {
			for _, p := range ps {
				if _, ok := a.byPath[p.Path()]; !ok {
					a.byPath[p.Path()] = p
					walk(p.Imports())
				}
			}
		}
		walk(a.pkg.Types.Imports())
	}
	return a.byPath[path]
}

// importPath returns the path of the package that file f imports under
// name, or blank with that name.
func (a *analysis) importPath(f *ast.File, name string) (string, bool) {
	if f == nil {
		return "", false
	}
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		// A blank import counts under the package's own name: a file may
		// import a package only for the definitions its directives name.
		n := ""
		switch {
		case spec.Name != nil && spec.Name.Name != "_":
			n = spec.Name.Name
		case a.typesPkg(p) != nil:
			n = a.typesPkg(p).Name()
		default:
			n = path.Base(p)
		}
		if n == name {
			return p, true
		}
	}
	return "", false
}

// evalVar evaluates the initializer of package-level variable v, once.
func (a *analysis) evalVar(v *types.Var) *defEval {
	ev := a.im.defs[v]
	if ev == nil {
		ev = &defEval{}
		a.im.defs[v] = ev
	}
	if ev.done || ev.busy {
		return ev
	}
	ev.busy = true
	src := a.source(v.Pkg())
	if d, ok := src.lookup(v.Name()); ok && d.init != nil {
		c := evalCtx{a: a, src: src, file: d.file, v: v}
		ev.def, ev.prob, _ = c.def(d.init)
	}
	ev.busy, ev.done = false, true
	return ev
}

// evalCtx evaluates expressions of one file.
type evalCtx struct {
	a    *analysis
	src  *declSource
	file *ast.File
	v    *types.Var // the variable being evaluated
}

func (c evalCtx) problem(at ast.Node, err error) *defProblem {
	return &defProblem{pos: c.src.fset.Position(at.Pos()), msg: oneLine(err), v: c.v}
}

// partitionName returns the name of partition's declaration that e
// refers to: partition.Daily, under any import name.
func (c evalCtx) partitionName(e ast.Expr) (string, bool) {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	if p, ok := c.a.importPath(c.file, x.Name); ok && p == PartitionPath {
		return sel.Sel.Name, true
	}
	return "", false
}

// def evaluates an expression yielding a definition. It returns the
// definition when it is valid, or the problem when it is not; ok is
// false when the expression cannot be evaluated here.
func (c evalCtx) def(e ast.Expr) (d partition.Definition, prob *defProblem, ok bool) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.def(e.X)
	case *ast.Ident:
		return c.varDef(c.src.types, e.Name)
	case *ast.SelectorExpr:
		x, isIdent := e.X.(*ast.Ident)
		if !isIdent {
			return nil, nil, false
		}
		p, found := c.a.importPath(c.file, x.Name)
		if !found || p == PartitionPath {
			return nil, nil, false
		}
		if tp := c.a.typesPkg(p); tp != nil {
			return c.varDef(tp, e.Sel.Name)
		}
		return nil, nil, false
	case *ast.CallExpr:
		return c.call(e)
	}
	return nil, nil, false
}

// varDef evaluates the variable name of package tp.
func (c evalCtx) varDef(tp *types.Package, name string) (partition.Definition, *defProblem, bool) {
	v, ok := tp.Scope().Lookup(name).(*types.Var)
	if !ok {
		return nil, nil, false
	}
	if _, ok := defKind(v.Type()); !ok {
		return nil, nil, false
	}
	ev := c.a.evalVar(v)
	return ev.def, ev.prob, ev.def != nil || ev.prob != nil
}

// call evaluates a call of one of partition's constructors.
func (c evalCtx) call(call *ast.CallExpr) (partition.Definition, *defProblem, bool) {
	fn, ok := c.partitionName(call.Fun)
	if !ok || call.Ellipsis.IsValid() {
		return nil, nil, false
	}
	args := call.Args
	switch fn {
	case "Hourly", "Daily", "Weekly", "Monthly", "Cron":
		var schedule ast.Expr
		if fn == "Cron" {
			if len(args) < 2 {
				return nil, nil, false
			}
			schedule, args = args[0], args[1:]
		}
		return c.time(call, fn, schedule, args)
	case "NewStatic":
		keys := make([]string, len(args))
		for i, arg := range args {
			if keys[i], ok = c.str(arg); !ok {
				return nil, nil, false
			}
		}
		s := partition.NewStatic(keys...)
		if s.Err() == nil {
			return s, nil, true
		}
		// The first key that makes the list invalid.
		var at ast.Node = call
		for k := 1; k <= len(keys); k++ {
			if partition.NewStatic(keys[:k]...).Err() != nil {
				at = args[k-1]
				break
			}
		}
		return nil, c.problem(at, s.Err()), true
	case "NewDynamic":
		if len(args) != 1 {
			return nil, nil, false
		}
		name, ok := c.str(args[0])
		if !ok {
			return nil, nil, false
		}
		d := partition.NewDynamic(name)
		if d.Err() != nil {
			return nil, c.problem(args[0], d.Err()), true
		}
		return d, nil, true
	case "NewMulti":
		if len(args) != 1 {
			return nil, nil, false
		}
		return c.multi(call, args[0])
	}
	return nil, nil, false
}

// time evaluates a time-window constructor: its start, the cron schedule
// of Cron, and its options.
func (c evalCtx) time(call *ast.CallExpr, fn string, schedule ast.Expr, args []ast.Expr) (partition.Definition, *defProblem, bool) {
	if len(args) < 1 {
		return nil, nil, false
	}
	spec := ""
	if schedule != nil {
		var ok bool
		if spec, ok = c.str(schedule); !ok {
			return nil, nil, false
		}
	}
	start, ok := c.str(args[0])
	if !ok {
		return nil, nil, false
	}
	opts := make([]partition.Option, len(args)-1)
	for i, arg := range args[1:] {
		if opts[i], ok = c.option(arg); !ok {
			return nil, nil, false
		}
	}
	build := func(start string, skip int) *partition.Time {
		o := make([]partition.Option, 0, len(opts))
		for i, opt := range opts {
			if i != skip {
				o = append(o, opt)
			}
		}
		switch fn {
		case "Hourly":
			return partition.Hourly(start, o...)
		case "Daily":
			return partition.Daily(start, o...)
		case "Weekly":
			return partition.Weekly(start, o...)
		case "Monthly":
			return partition.Monthly(start, o...)
		}
		return partition.Cron(spec, start, o...)
	}
	t := build(start, -1)
	if t.Err() == nil {
		return t, nil, true
	}
	// The option without which the definition is valid is the one at
	// fault; else the cron schedule, when it fails from a plain start;
	// else the start.
	var at ast.Node = args[0]
	for i := range opts {
		if build(start, i).Err() == nil {
			at = args[1+i].(*ast.CallExpr).Args[0]
			return nil, c.problem(at, t.Err()), true
		}
	}
	if schedule != nil && partition.Cron(spec, "2024-01-01").Err() != nil {
		at = schedule
	}
	return nil, c.problem(at, t.Err()), true
}

// option evaluates a call of one of partition's options.
func (c evalCtx) option(e ast.Expr) (partition.Option, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return nil, false
	}
	fn, ok := c.partitionName(call.Fun)
	if !ok {
		return nil, false
	}
	switch fn {
	case "Zone", "End", "Layout":
		s, ok := c.str(call.Args[0])
		if !ok {
			return nil, false
		}
		return map[string]func(string) partition.Option{"Zone": partition.Zone, "End": partition.End, "Layout": partition.Layout}[fn](s), true
	case "EndOffset", "MinuteOffset", "HourOffset", "DayOffset":
		n, ok := c.int(call.Args[0])
		if !ok {
			return nil, false
		}
		return map[string]func(int) partition.Option{"EndOffset": partition.EndOffset, "MinuteOffset": partition.MinuteOffset,
			"HourOffset": partition.HourOffset, "DayOffset": partition.DayOffset}[fn](n), true
	}
	return nil, false
}

// multi evaluates NewMulti of a partition.Dims literal.
func (c evalCtx) multi(call *ast.CallExpr, arg ast.Expr) (partition.Definition, *defProblem, bool) {
	lit, ok := arg.(*ast.CompositeLit)
	if !ok {
		return nil, nil, false
	}
	if name, ok := c.partitionName(lit.Type); !ok || name != "Dims" {
		return nil, nil, false
	}
	dims := partition.Dims{}
	type entry struct {
		key, value ast.Expr
		name       string
		def        partition.Definition
	}
	var entries []entry
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, nil, false
		}
		name, ok := c.str(kv.Key)
		if !ok {
			return nil, nil, false
		}
		d, prob, ok := c.def(kv.Value)
		switch {
		case prob != nil:
			return nil, prob, true // reported where it is
		case !ok || d == nil:
			return nil, nil, false
		}
		dims[name] = d
		entries = append(entries, entry{kv.Key, kv.Value, name, d})
	}
	m := partition.NewMulti(dims)
	if m.Err() == nil {
		return m, nil, true
	}
	var at ast.Node = call
	for _, e := range entries {
		if !ident.ValidName(e.name) {
			at = e.key
			break
		}
		if e.def.Kind() == partition.KindMulti {
			at = e.value
			break
		}
	}
	return nil, c.problem(at, m.Err()), true
}

// constant evaluates a constant expression: literals, named constants of
// the package or of one it imports, and +, - and * of them.
func (c evalCtx) constant(e ast.Expr) (constant.Value, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		v := constant.MakeFromLiteral(e.Value, e.Kind, 0)
		return v, v.Kind() != constant.Unknown
	case *ast.ParenExpr:
		return c.constant(e.X)
	case *ast.Ident:
		if k, ok := c.src.types.Scope().Lookup(e.Name).(*types.Const); ok {
			return k.Val(), true
		}
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		if !ok {
			return nil, false
		}
		p, ok := c.a.importPath(c.file, x.Name)
		if !ok {
			return nil, false
		}
		if tp := c.a.typesPkg(p); tp != nil {
			if k, ok := tp.Scope().Lookup(e.Sel.Name).(*types.Const); ok && k.Exported() {
				return k.Val(), true
			}
		}
	case *ast.UnaryExpr:
		x, ok := c.constant(e.X)
		if ok && x.Kind() == constant.Int && (e.Op == token.SUB || e.Op == token.ADD) {
			return constant.UnaryOp(e.Op, x, 0), true
		}
	case *ast.BinaryExpr:
		x, ok1 := c.constant(e.X)
		y, ok2 := c.constant(e.Y)
		if !ok1 || !ok2 || x.Kind() != y.Kind() {
			return nil, false
		}
		switch {
		case x.Kind() == constant.String && e.Op == token.ADD,
			x.Kind() == constant.Int && (e.Op == token.ADD || e.Op == token.SUB || e.Op == token.MUL):
			return constant.BinaryOp(x, e.Op, y), true
		}
	}
	return nil, false
}

// str evaluates a constant string.
func (c evalCtx) str(e ast.Expr) (string, bool) {
	v, ok := c.constant(e)
	if !ok || v.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(v), true
}

// int evaluates a constant int.
func (c evalCtx) int(e ast.Expr) (int, bool) {
	v, ok := c.constant(e)
	if !ok || v.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(v)
	if !exact || n < math.MinInt32 || n > math.MaxInt32 {
		return 0, false
	}
	return int(n), true
}

// fileOf returns the file that declares asset as, for the names of its
// imports: of the analysed package, or as the importer parsed it.
func (a *analysis) fileOf(as *asset) *ast.File {
	if as.from == nil {
		if as.fn == nil {
			return nil
		}
		pos := as.fn.Pos()
		for _, f := range a.pkg.Syntax {
			if f.FileStart <= pos && pos <= f.FileEnd {
				return f
			}
		}
		return nil
	}
	for _, f := range a.im.files[as.from.dir] {
		if a.im.fset.Position(f.Pos()).Filename == as.pos.Filename {
			return f
		}
	}
	return nil
}
