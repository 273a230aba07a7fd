package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// fakeImports are small stand-ins for the packages fuzzed sources may
// import, so that FuzzAnalyze type-checks without go list.
var fakeImports = map[string]string{
	"context":   "package context\n\ntype Context interface{ Done() <-chan struct{} }\n",
	RuntimePath: "package runtime\n\nimport \"context\"\n\ntype Context struct{ context.Context }\ntype Inputs interface{}\ntype CheckResult struct{ Passed bool }\n",
	"github.com/assetgen/assetgen/testdata/lib": "package lib\n\ntype Pair[K comparable, V any] struct {\n\tKey K\n\tValue V\n}\ntype Sizer interface{ Size() int }\ntype hidden struct{}\ntype Hidden = hidden\n",
	"time": "package time\n\ntype Time struct{ wall uint64 }\n",
	PartitionPath: `package partition

type Kind uint8
type Definition interface{ Kind() Kind }
type Dims map[string]Definition
type Option func()
type Time struct{ k Kind }
type Static struct{ k Kind }
type Multi struct{ k Kind }
type Dynamic struct{ k Kind }

func (d *Time) Kind() Kind    { return d.k }
func (d *Static) Kind() Kind  { return d.k }
func (d *Multi) Kind() Kind   { return d.k }
func (d *Dynamic) Kind() Kind { return d.k }

func Hourly(start string, opts ...Option) *Time           { return nil }
func Daily(start string, opts ...Option) *Time            { return nil }
func Weekly(start string, opts ...Option) *Time           { return nil }
func Monthly(start string, opts ...Option) *Time          { return nil }
func Cron(schedule, start string, opts ...Option) *Time   { return nil }
func NewStatic(keys ...string) *Static                    { return nil }
func NewMulti(dims Dims) *Multi                           { return nil }
func NewDynamic(name string) *Dynamic                     { return nil }
func Zone(name string) Option                             { return nil }
func End(date string) Option                              { return nil }
func Layout(layout string) Option                         { return nil }
func EndOffset(n int) Option                              { return nil }
func MinuteOffset(m int) Option                           { return nil }
func HourOffset(h int) Option                             { return nil }
func DayOffset(d int) Option                              { return nil }
`,
}

// fakeImporter type-checks fakeImports from source.
type fakeImporter struct {
	fset *token.FileSet
	pkgs map[string]*types.Package
}

func (im *fakeImporter) Import(path string) (*types.Package, error) {
	if p := im.pkgs[path]; p != nil {
		return p, nil
	}
	src, ok := fakeImports[path]
	if !ok {
		return nil, fmt.Errorf("no package %s", path)
	}
	f, err := parser.ParseFile(im.fset, path+".go", src, 0)
	if err != nil {
		return nil, err
	}
	p, err := (&types.Config{Importer: im}).Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[path] = p
	return p, nil
}

// checkSource loads one file as go/packages would, without go list.
func checkSource(src []byte) (*packages.Package, error) {
	fset := token.NewFileSet()
	file := filepath.Join(string(filepath.Separator)+"fuzz", "p.go")
	pkg := &packages.Package{Fset: fset, PkgPath: "example.com/p", GoFiles: []string{file}}
	f, err := parseSignatures(fset, file, src)
	if f == nil {
		return nil, err
	}
	if err != nil {
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: "p.go:1:1", Msg: err.Error(), Kind: packages.ParseError})
	}
	pkg.Name = f.Name.Name
	pkg.Syntax = []*ast.File{f}
	pkg.TypesInfo = &types.Info{Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}}
	cfg := &types.Config{
		Importer: &fakeImporter{fset: fset, pkgs: map[string]*types.Package{}},
		Error:    func(err error) { pkg.TypeErrors = append(pkg.TypeErrors, err.(types.Error)) },
	}
	pkg.Types, _ = cfg.Check(pkg.PkgPath, fset, pkg.Syntax, pkg.TypesInfo)
	return pkg, nil
}

// FuzzAnalyze feeds arbitrary package sources through analysis and the
// emitter: nothing may panic; when there is no diagnostic, the output
// must parse and be gofmt-clean.
func FuzzAnalyze(f *testing.F) {
	for _, c := range []string{"birds", "names", "options", "shapes", "e_cycle", "e_options", "e_signature", "e_placement", "e_type_mismatch",
		"partitions", "e_partitions_options", "e_partitions_defs", "e_partitions_mapping", "e_partitions_gather", "e_checks", "multi", "e_multi",
		"automation", "e_automation"} {
		matches, _ := filepath.Glob(filepath.Join("..", "testdata", c, "*.go"))
		for _, m := range matches {
			if src, err := os.ReadFile(m); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("package p\n\n//asset:\nfunc A() []int { return nil }\n\n//asset:\nfunc B(a []int) int { return 0 }\n"))
	f.Add([]byte("package p\n\nimport (\n\t\"context\"\n\n\t\"github.com/assetgen/assetgen/runtime\"\n)\n\n//asset: external observe=1\nfunc A(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }\n\n//asset: observe\nfunc B(a []int) int { return 0 }\n"))
	f.Add([]byte("package p\n\ntype R struct{ ID int }\n\n//asset: checks=unique(id),min(id:0)\nfunc A() []R { return nil }\n\n//check: blocking=true\nfunc C(a []R) error { return nil }\n"))
	f.Add([]byte("package p\n\ntype S struct {\n\tA []int `asset:\"a io=x\"`\n\tB int `asset:\"b\"`\n}\n\n//asset: multi can_subset=true\nfunc M() S { return S{} }\n\n//asset:\nfunc D(a []int, b int) int { return 0 }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		pkg, err := checkSource(src)
		if pkg == nil {
			t.Skip(err)
		}
		a := analyze(pkg, string(filepath.Separator)+"fuzz", nil)
		if len(a.errs) > 0 {
			for _, d := range a.errs {
				if d.Msg == "" {
					t.Fatalf("empty diagnostic at %v", d)
				}
			}
			return
		}
		out, err := emit(a)
		if err != nil {
			t.Fatalf("emit: %v", err)
		}
		formatted, err := format.Source(out)
		if err != nil || !bytes.Equal(formatted, out) {
			t.Fatalf("output is not gofmt-clean (%v):\n%s", err, out)
		}
	})
}
