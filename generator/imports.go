package generator

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// imported is a package that the analysed package imports from its own
// module, with the assets declared there. Its files are parsed here
// (doc comments and signatures only); its types come from the analysed
// package's type information, as the importer loaded them.
type imported struct {
	path   string // import path
	dir    string
	types  *types.Package
	assets []*asset
	byName map[string][]*asset
	byKey  map[string]*asset
}

// importer finds and parses the packages that analysed packages import
// from their main module, once per package for all of one Generate call
// (which analyses its packages one after the other).
type importer struct {
	fset    *token.FileSet
	modules map[string]module      // by directory
	pkgs    map[string]*imported   // by import path and module root
	files   map[string][]*ast.File // by directory

	// For partitions definitions: the variable declarations of the
	// packages they are declared in, and each variable's evaluation.
	sources map[*types.Package]*declSource
	defs    map[*types.Var]*defEval
}

// module is the main module a directory belongs to.
type module struct {
	root string // directory holding go.mod; "" when there is none
	path string // module path
}

func newImporter() *importer {
	return &importer{fset: token.NewFileSet(), modules: map[string]module{}, pkgs: map[string]*imported{}, files: map[string][]*ast.File{},
		sources: map[*types.Package]*declSource{}, defs: map[*types.Var]*defEval{}}
}

// moduleOf returns the module of directory dir: the nearest go.mod at or
// above it.
func (im *importer) moduleOf(dir string) module {
	if m, ok := im.modules[dir]; ok {
		return m
	}
	var m module
	if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil {
		m = module{root: dir, path: modfile.ModulePath(data)}
	} else if parent := filepath.Dir(dir); parent != dir {
		m = im.moduleOf(parent)
	}
	im.modules[dir] = m
	return m
}

// imports returns the packages that pkg, of directory dir, imports
// directly from its own module, in import path order. Packages of other
// modules (the standard library, dependencies, nested modules) cannot
// hold assets of this module's graph and are not read.
func (im *importer) imports(dir string, pkg *packages.Package) []*imported {
	if !filepath.IsAbs(dir) || pkg.Types == nil {
		return nil
	}
	mod := im.moduleOf(dir)
	if mod.root == "" || mod.path == "" {
		return nil
	}
	// The files of each import, as go list chose them for this load: with
	// its build tags, flags and environment.
	files := map[string][]string{}
	for _, ipkg := range pkg.Imports {
		files[ipkg.PkgPath] = ipkg.GoFiles
	}
	var out []*imported
	for _, tp := range pkg.Types.Imports() {
		d, ok := im.inModule(mod, tp.Path())
		if !ok {
			continue
		}
		id := mod.root + "\x00" + tp.Path()
		ip := im.pkgs[id]
		if ip == nil || ip.types != tp {
			ip = im.parse(d, files[tp.Path()], tp)
			im.pkgs[id] = ip
		}
		out = append(out, ip)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// inModule returns the directory of the package of import path p when it
// belongs to module mod, not to another module (nested in it or not).
func (im *importer) inModule(mod module, p string) (string, bool) {
	rel, ok := strings.CutPrefix(p, mod.path)
	if mod.root == "" || mod.path == "" || !ok || (rel != "" && rel[0] != '/') {
		return "", false
	}
	d := filepath.Join(mod.root, filepath.FromSlash(rel))
	return d, im.moduleOf(d).root == mod.root
}

// parse reads the assets declared in directory dir, in the files of
// package tp (its Go files as the load listed them): their directives
// give names and keys exactly as when that package is generated, and tp
// gives their types. Problems that generating that package would report
// only mark its assets bad.
func (im *importer) parse(dir string, goFiles []string, tp *types.Package) *imported {
	ip := &imported{path: tp.Path(), dir: dir, types: tp, byName: map[string][]*asset{}, byKey: map[string]*asset{}}
	files, ok := im.files[dir]
	if !ok {
		files = im.parseFiles(goFiles)
		im.files[dir] = files
	}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			if as := im.asset(fd, tp); as != nil {
				as.from = ip
				if as.opts.Multi && !as.bad {
					ip.assets = append(ip.assets, importedOutputs(as)...)
				} else {
					ip.assets = append(ip.assets, as)
				}
			}
		}
	}
	count := map[string]int{}
	for _, as := range ip.assets {
		count[as.key]++
	}
	for _, as := range ip.assets {
		if count[as.key] > 1 && !as.bad {
			as.bad, as.why = true, "shares its key with another asset there"
		}
		if _, dup := ip.byKey[as.key]; !dup {
			ip.byKey[as.key] = as
		}
		ip.byName[as.name] = append(ip.byName[as.name], as)
	}
	return ip
}

// parseFiles parses the given Go files but the generated one, with
// comments and without function bodies; files that mention no directive
// are not parsed.
func (im *importer) parseFiles(names []string) []*ast.File {
	var files []*ast.File
	for _, name := range names {
		if filepath.Base(name) == OutputName {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(src, []byte("asset:")) {
			continue
		}
		if f, _ := parseSignatures(im.fset, name, src); f != nil {
			files = append(files, f)
		}
	}
	return files
}

// parseAll parses the given Go files but the generated one, without
// function bodies, for the declarations of their variables.
func (im *importer) parseAll(names []string) []*ast.File {
	var files []*ast.File
	for _, name := range names {
		if filepath.Base(name) == OutputName {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		if f, _ := parseSignatures(im.fset, name, src); f != nil {
			files = append(files, f)
		}
	}
	return files
}

// asset returns the asset that function fd of package tp declares, or nil
// when its doc comment holds no directive or it cannot be an asset there.
func (im *importer) asset(fd *ast.FuncDecl, tp *types.Package) *asset {
	dir, extra, _ := findDirective(fd.Doc)
	if dir == nil || fd.Recv != nil || fd.Name.Name == "init" || fd.Name.Name == "_" {
		return nil
	}
	sp := specOf(dir, fd.Name.Name)
	as := &asset{fname: fd.Name.Name, pos: im.fset.Position(fd.Name.Pos()), opts: sp.opts, name: sp.name, key: sp.key}
	if sp.bad() || len(extra) > 0 {
		as.bad, as.why = true, "has an invalid directive"
		return as
	}
	fn, _ := tp.Scope().Lookup(fd.Name.Name).(*types.Func)
	if fn == nil {
		as.bad, as.why = true, "is not in the package's type information"
		return as
	}
	as.fn = fn
	sig := fn.Signature()
	var ok bool
	if as.result, as.hasError, ok = resultOf(sig); !ok || sig.TypeParams().Len() > 0 || sig.Variadic() {
		as.bad, as.why = true, "has an invalid signature"
	}
	if sp.opts.External {
		as.external, as.result = true, nil
	}
	return as
}
