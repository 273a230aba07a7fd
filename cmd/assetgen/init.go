package main

import (
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"go/version"
	"io"
	iofs "io/fs"
	"os"
	"path"
	"path/filepath"
	goruntime "runtime"
	"runtime/debug"
	"slices"
	"strings"
	"text/template"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"

	"github.com/assetgen/assetgen/generator"
)

// selfModule is assetgen's own module path.
const selfModule = "github.com/assetgen/assetgen"

// templates are the files of a new project, each named by its path in the
// project with .tmpl added, filled in with a project.
//
//go:embed template
var templates embed.FS

// project is what the templates are filled in with.
type project struct {
	Module  string // the new module's path
	Name    string // the last element of Module: the name of its command
	Replace string // the replace directive's target: assetgen's source, relative to the project when it can be
}

// genFile is the generated file of the assets package, written by init
// through the generator, as go generate would.
const genFile = "assets/assets_gen.go"

// runInit is the init subcommand: it returns the exit status.
func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("assetgen init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	modPath := fs.String("module", "", "the `PATH` of the new module (default: the directory's name)")
	replace := fs.String("replace", "", "the clone of assetgen in `DIR`, for go.mod's replace directive\n(default: the clone this assetgen was built from)")
	usage := func(w io.Writer) {
		fmt.Fprint(w, "usage: assetgen init [-module PATH] [-replace DIR] [DIR]\n\n"+
			"init creates a Go module in DIR (default \".\", created if missing): a\n"+
			"package of assets with its test and generated code, a main with the\n"+
			"pipeline's command line, and a README. Then go run . materialize and\n"+
			"go test ./... work at once, with nothing from the network. It overwrites\n"+
			"nothing: if any of its files exists, it names them and writes nothing.\n\n"+
			"Flags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() {} // usage is printed below, once, on the right stream
	// Flags may come before or after DIR: assetgen init proj -module example.com/proj.
	var dirs []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage(stdout)
				return 0
			}
			usage(stderr)
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		dirs = append(dirs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	fail := func(status int, format string, a ...any) int {
		fmt.Fprintf(stderr, "assetgen init: "+format+"\n", a...)
		return status
	}
	if len(dirs) > 1 {
		fmt.Fprintf(stderr, "assetgen init: want one directory, have %d: %s\n", len(dirs), strings.Join(dirs, " "))
		usage(stderr)
		return 2
	}
	dir := "."
	if len(dirs) == 1 {
		dir = dirs[0]
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return fail(1, "%v", err)
	}
	if fi, err := os.Stat(root); err == nil && !fi.IsDir() {
		return fail(2, "%s is a file, not a directory", dir)
	} else if err != nil && !errors.Is(err, iofs.ErrNotExist) {
		return fail(1, "%v", err)
	}

	p := project{Module: *modPath}
	if p.Module == "" {
		p.Module = filepath.Base(root)
	}
	if err := checkModulePath(p.Module); err != nil {
		if *modPath == "" {
			return fail(2, "%v (the name of directory %s); choose one with -module", err, dir)
		}
		return fail(2, "%v", err)
	}
	p.Name = path.Base(p.Module)

	src, err := findSource(*replace)
	if err != nil {
		if *replace != "" {
			return fail(2, "-replace %s: %v", *replace, err)
		}
		return fail(1, "%v", err)
	}
	p.Replace = replacePath(root, src.dir)

	files, err := render(p, src)
	if err != nil {
		return fail(1, "%v", err)
	}
	var taken []string
	for _, f := range append(files, file{name: genFile}) {
		if t := existing(root, f.name); t != "" && !slices.Contains(taken, t) {
			taken = append(taken, t)
		}
	}
	if len(taken) > 0 {
		return fail(1, "%s already has %s; init overwrites nothing and wrote nothing", dir, strings.Join(taken, ", "))
	}

	files, err = create(root, files)
	if err != nil {
		return fail(1, "%v", err)
	}

	fmt.Fprintf(stdout, "Created module %s in %s, with assetgen from %s (a replace directive in go.mod):\n", p.Module, dir, p.Replace)
	for _, f := range files {
		fmt.Fprintf(stdout, "\t%s\n", f.name)
	}
	fmt.Fprintf(stdout, "init wrote %s with the generator, as go generate would (it ran go list).\n\nNext:\n", genFile)
	if dir != "." {
		fmt.Fprintf(stdout, "\tcd %s\n", dir)
	}
	fmt.Fprint(stdout, "\tgo run . materialize\n\tgo test ./...\n")
	return 0
}

// checkModulePath reports whether m can be the new module's path.
func checkModulePath(m string) error {
	if err := module.CheckImportPath(m); err != nil {
		return fmt.Errorf("invalid module path: %v", err)
	}
	if m == selfModule || strings.HasPrefix(m, selfModule+"/") {
		return fmt.Errorf("invalid module path %q: it is assetgen's own", m)
	}
	return nil
}

// clone is a copy of assetgen's source: a clone of its repository.
type clone struct {
	dir   string        // its root, absolute
	gomod *modfile.File // its go.mod
	gosum []byte        // its go.sum
}

// findSource returns the copy of assetgen's source the new module will
// use: dir when given, else the one this binary was built from.
func findSource(dir string) (*clone, error) {
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		return readSource(abs)
	}
	// This file's path as the compiler saw it: <root>/cmd/assetgen/init.go
	// when built from a clone, unless with -trimpath.
	_, file, _, ok := goruntime.Caller(0)
	if ok && filepath.IsAbs(file) && !downloaded() {
		if src, err := readSource(filepath.Dir(filepath.Dir(filepath.Dir(file)))); err == nil {
			return src, nil
		}
	}
	return nil, errors.New("cannot find the clone of " + selfModule + " this assetgen was built from; " +
		"until assetgen is published, pass -replace DIR with a clone of it")
}

// downloaded reports whether this binary's assetgen module came from the
// module proxy (a checksum says so) rather than a local directory.
func downloaded() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, m := range append([]*debug.Module{&bi.Main}, bi.Deps...) {
		if m.Path != selfModule {
			continue
		}
		if m.Replace != nil {
			m = m.Replace
		}
		return m.Sum != ""
	}
	return false
}

// readSource reads the go.mod and go.sum of the clone at dir.
func readSource(dir string) (*clone, error) {
	name := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("%s is not a clone of %s: %v", dir, selfModule, err)
	}
	f, err := modfile.ParseLax(name, data, nil)
	if err != nil {
		return nil, err
	}
	if f.Module == nil || f.Module.Mod.Path != selfModule {
		return nil, fmt.Errorf("%s is not a clone of %s: its go.mod declares another module", dir, selfModule)
	}
	sum, err := os.ReadFile(filepath.Join(dir, "go.sum"))
	if err != nil {
		return nil, err
	}
	return &clone{dir: dir, gomod: f, gosum: sum}, nil
}

// replacePath is the target of the replace directive of a module in root:
// the source directory relative to root (as go.mod wants it, starting
// with ./ or ../) when the two share a directory below the file system's
// root, so that they can move together, else its absolute path.
func replacePath(root, src string) string {
	rel, err := filepath.Rel(root, src)
	if err != nil {
		return src
	}
	rel = filepath.ToSlash(rel)
	ups := 0
	for _, elem := range strings.Split(rel, "/") {
		if elem == ".." {
			ups++
		}
	}
	if ups > 0 && ups >= strings.Count(filepath.ToSlash(filepath.Clean(root)), "/") {
		return src
	}
	if ups == 0 {
		rel = "./" + rel
	}
	return rel
}

// file is one file of the new project, named by its slash-separated path.
type file struct {
	name string
	data []byte
}

// render returns the files of project p but the generated one: go.mod,
// go.sum and the templates filled in.
func render(p project, src *clone) ([]file, error) {
	mod, err := goMod(p, src)
	if err != nil {
		return nil, err
	}
	files := []file{{"go.mod", mod}, {"go.sum", src.gosum}}
	err = iofs.WalkDir(templates, "template", func(name string, d iofs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		t, err := template.ParseFS(templates, name)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, p); err != nil {
			return err
		}
		files = append(files, file{strings.TrimSuffix(strings.TrimPrefix(name, "template/"), ".tmpl"), b.Bytes()})
		return nil
	})
	return files, err
}

// goMod returns the new module's go.mod. It requires assetgen, replaced by
// the source, and as indirect requirements every module assetgen requires
// (its go.sum goes along): so the first build needs no go mod tidy, which
// would need the network to read the go.mod of every module in the graph.
// The go version is the running Go's language version, or assetgen's own
// when that is later.
func goMod(p project, src *clone) ([]byte, error) {
	goVersion := version.Lang(goruntime.Version()) // "" for a development toolchain
	if goVersion != "" {
		goVersion += ".0"
	}
	if src.gomod.Go != nil && version.Compare("go"+src.gomod.Go.Version, goVersion) > 0 {
		goVersion = "go" + src.gomod.Go.Version
	}
	f := &modfile.File{Syntax: &modfile.FileSyntax{}}
	if err := f.AddModuleStmt(p.Module); err != nil {
		return nil, err
	}
	if err := f.AddGoStmt(strings.TrimPrefix(goVersion, "go")); err != nil {
		return nil, err
	}
	reqs := []*modfile.Require{{Mod: module.Version{Path: selfModule, Version: "v0.0.0"}}}
	for _, r := range src.gomod.Require {
		reqs = append(reqs, &modfile.Require{Mod: r.Mod, Indirect: true})
	}
	f.SetRequireSeparateIndirect(reqs)
	if err := f.AddReplace(selfModule, "", p.Replace, ""); err != nil {
		return nil, err
	}
	if err := f.AddTool(selfModule + "/cmd/assetgen"); err != nil {
		return nil, err
	}
	f.Cleanup()
	return f.Format()
}

// existing returns name, or the first of its parent directories that is
// not a directory, when it exists below root; "" when name is free.
func existing(root, name string) string {
	for i := range name {
		if name[i] == '/' {
			if fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name[:i]))); err == nil && !fi.IsDir() {
				return name[:i]
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(root, filepath.FromSlash(name))); err == nil {
		return name
	}
	return ""
}

// create writes files below root, then the generated file of the assets
// package, and returns them all. On error it removes what it wrote.
func create(root string, files []file) ([]file, error) {
	w := &writer{root: root}
	for _, f := range files {
		if err := w.write(f); err != nil {
			w.undo()
			return nil, err
		}
	}
	gen, err := generate(root)
	if err == nil {
		err = w.write(gen)
	}
	if err != nil {
		w.undo()
		return nil, fmt.Errorf("%v\nassetgen init: removed the files it had written", err)
	}
	return append(files, gen), nil
}

// generate generates the assets package of the project in root.
func generate(root string) (file, error) {
	pkgs, err := generator.Generate(root, "./assets")
	if err != nil {
		return file{}, err
	}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return file{}, errors.New(p.Errors.Format(root))
		}
		if p.File == filepath.Join(root, filepath.FromSlash(genFile)) && p.Src != nil {
			return file{genFile, p.Src}, nil
		}
	}
	return file{}, fmt.Errorf("the generator wrote no %s", genFile)
}

// writer writes new files below root, never over an existing one, and
// remembers the files and directories it created so it can remove them.
type writer struct {
	root    string
	created []string
}

func (w *writer) write(f file) error {
	name := filepath.Join(w.root, filepath.FromSlash(f.name))
	if err := w.mkdirAll(filepath.Dir(name)); err != nil {
		return err
	}
	out, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	w.created = append(w.created, name)
	_, err = out.Write(f.data)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// mkdirAll is os.MkdirAll, remembering each directory it creates.
func (w *writer) mkdirAll(dir string) error {
	if fi, err := os.Stat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s is not a directory", dir)
		}
		return nil
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := w.mkdirAll(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	w.created = append(w.created, dir)
	return nil
}

// undo removes what w created, newest first.
func (w *writer) undo() {
	for i := len(w.created) - 1; i >= 0; i-- {
		os.Remove(w.created[i])
	}
}
