// Package generator turns annotated Go functions into assetgen asset
// definitions.
//
// A top-level function whose doc comment has a line starting "//asset:" is
// an asset ("// asset:", as gofmt rewrites "//asset:" when no option follows
// the colon directly, counts too; "//asset:group=etl" is left alone). Generate loads the packages named by patterns with go/packages
// (signatures and doc comments only: function bodies are dropped after
// parsing), parses each directive (see ParseDirective), infers the graph
// from parameter names (an asset of the package, else one declared in a
// package it imports from its own module, whose directives are read the
// same way), checks every edge with the Go type checker, and
// emits assets_gen.go with an Assets function returning one
// runtime.AssetDef per asset, typed so that go build checks every edge
// again. Problems are reported all at once, sorted, as Diagnostics; no file
// is written while any remains. Syntax errors and type errors outside
// function bodies are reported; errors inside bodies are left to go build.
//
// The work is split as in a compiler: load.go loads, directive.go parses
// options, analyze.go builds and checks the graph, imports.go reads the
// assets of imported packages, partitions.go checks partitions, mappings
// and what each parameter receives, definitions.go evaluates partitions
// definitions from their source, generate.go emits, and errors.go holds
// the diagnostics.
package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Package is the outcome of generation for one package.
type Package struct {
	Path   string // import path
	Dir    string // directory of the package's files
	File   string // the generated file: Dir/assets_gen.go
	Src    []byte // its new content; nil when there are Errors or no assets and no file
	Errors Errors // problems found, sorted by position
}

// Generate loads the packages matching patterns (go list syntax, relative
// to dir; "" means the current directory) and generates the code of each.
// The returned error is non-nil only when loading could not run at all;
// problems in the packages are in each Package's Errors.
func Generate(dir string, patterns ...string) ([]*Package, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		dir = wd
	}
	pkgs, foreign, err := load(dir, patterns, nil)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s (in %s)", strings.Join(patterns, " "), dir)
	}
	slices.SortFunc(pkgs, func(a, b *packages.Package) int { return strings.Compare(a.PkgPath, b.PkgPath) })
	im := newImporter()
	var out []*Package
	for _, pkg := range pkgs {
		p := &Package{Path: pkg.PkgPath}
		files := slices.Concat(pkg.GoFiles, pkg.CompiledGoFiles)
		if len(files) > 0 {
			p.Dir = filepath.Dir(files[0])
		}
		p.File = filepath.Join(p.Dir, OutputName)
		a, err := safely(func() (*analysis, error) { return analyze(pkg, dir, im), nil })
		if err != nil {
			p.Errors = Errors{{File: p.Dir, Msg: err.Error()}}
			out = append(out, p)
			continue
		}
		// The syntax trees are no longer needed (the analysis keeps what
		// it uses of them): let the emitter's memory reuse theirs.
		pkg.Syntax = nil
		a.releaseSyntax()
		a.errs = append(a.errs, foreign[p.Dir]...)
		p.Errors = sortErrors(a.errs)
		if p.Dir == "" && len(p.Errors) == 0 {
			// Only test files (or nothing) here, as in a directory of
			// end-to-end tests matched by "./...": nothing to generate.
			continue
		}
		if len(p.Errors) > 0 {
			out = append(out, p)
			continue
		}
		if len(a.assets) == 0 && !slices.Contains(pkg.GoFiles, p.File) {
			out = append(out, p) // nothing to generate
			continue
		}
		src, err := safely(func() ([]byte, error) { return emit(a) })
		if err != nil {
			p.Errors = Errors{{File: p.File, Msg: err.Error()}}
		}
		p.Src = src
		out = append(out, p)
	}
	return out, nil
}

// safely calls f, turning a panic into an error: a bug in the generator
// must be reported like any other problem, never crash go generate.
func safely[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error in assetgen (please report it): %v", r)
		}
	}()
	return f()
}

// Stale reports whether the file on disk differs from Src (or is missing).
func (p *Package) Stale() bool {
	if p.Src == nil {
		return false
	}
	old, err := os.ReadFile(p.File)
	return err != nil || !bytes.Equal(old, p.Src)
}

// Write writes Src to File atomically (a temporary file renamed over it),
// unless the file already holds exactly Src.
func (p *Package) Write() error {
	if !p.Stale() {
		return nil
	}
	tmp, err := os.CreateTemp(p.Dir, "."+OutputName+".*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(p.Src)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, p.File)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", p.File, err)
	}
	return nil
}
