package generator

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// The benchmark runs each measured operation in a child process, this
// test binary run again with benchChild set to "load" or "generate" and
// benchDir to the package directory, so that CPU time and peak memory are
// those of a whole process, as go generate runs assetgen.
const (
	benchChild = "ASSETGEN_BENCH_CHILD"
	benchDir   = "ASSETGEN_BENCH_DIR"
)

func TestMain(m *testing.M) {
	if mode := os.Getenv(benchChild); mode != "" {
		os.Exit(benchMain(mode, os.Getenv(benchDir)))
	}
	os.Exit(m.Run())
}

// bareMode is the bare load the generator is measured against: the
// package's names, files, syntax and types, its dependencies' types from
// export data.
const bareMode = packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
	packages.NeedTypes | packages.NeedTypesInfo

// benchMain is the child process of the benchmark: it loads the package
// in dir as a bare go/packages load, or generates (and writes) its
// assets_gen.go as assetgen does, then prints its own peak resident size
// in bytes (-1 where unknown).
func benchMain(mode, dir string) int {
	switch mode {
	case "load":
		pkgs, err := packages.Load(&packages.Config{Mode: bareMode, Dir: dir}, ".")
		if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
			fmt.Fprintf(os.Stderr, "load: %v %v\n", err, pkgs)
			return 1
		}
	case "generate":
		pkgs, err := Generate(dir, ".")
		if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
			fmt.Fprintf(os.Stderr, "generate: %v %v\n", err, pkgs)
			return 1
		}
		if err := pkgs[0].Write(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	default:
		fmt.Fprintf(os.Stderr, "unknown mode %q\n", mode)
		return 2
	}
	fmt.Println(status("VmHWM:"))
	return 0
}

// bodies are the two kinds of function body the benchmark writes.
const (
	realistic = "realistic" // a loop over the inputs, as real assets have
	trivial   = "trivial"   // return nil: the load parses and checks little more than the generator
)

// tempModule writes a new module in a temporary directory, requiring this
// one through a replace directive so that generated code can import the
// runtime; it returns the module's directory. Nothing is written in the
// source tree.
func tempModule(b *testing.B) string {
	repo, err := filepath.Abs("..")
	if err != nil {
		b.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	mod := fmt.Sprintf("module example.com/bench\n\ngo 1.26.0\n\nrequire github.com/assetgen/assetgen v0.0.0\n\nreplace github.com/assetgen/assetgen => %s\n", repo)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// writeChain writes, in directory dir of module mod, package chain with
// assets from to to-1 of a chain-and-fan shape: asset i takes assets i-1
// and i/2, all of type []Row, in files of 500 assets. When up is not
// empty, the package imports package up of the module, which declares
// Row and the assets before from.
func writeChain(b *testing.B, mod, dir string, from, to int, up, body string) {
	pkgDir := filepath.Join(mod, dir)
	if err := os.MkdirAll(pkgDir, 0o755); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	flush := func(file int) {
		src := append(bytes.TrimRight(buf.Bytes(), "\n"), '\n')
		if err := os.WriteFile(filepath.Join(pkgDir, fmt.Sprintf("chain%03d.go", file)), src, 0o644); err != nil {
			b.Fatal(err)
		}
		buf.Reset()
	}
	const perFile = 500
	row := "Row"
	if up != "" {
		row = "up.Row"
	}
	for i := from; i < to; i++ {
		if (i-from)%perFile == 0 {
			if i > from {
				flush((i-from)/perFile - 1)
			}
			if up != "" {
				fmt.Fprintf(&buf, "package chain\n\nimport (\n\t\"context\"\n\n\tup %q\n)\n\n", "example.com/bench/"+up)
			} else {
				buf.WriteString("package chain\n\nimport \"context\"\n\n")
			}
			if i == 0 {
				buf.WriteString("// Row is one row of every asset.\ntype Row struct {\n\tID    int64\n\tName  string\n\tScore float64\n}\n\n")
			}
			buf.WriteString("var _ context.Context\n\n")
		}
		fmt.Fprintf(&buf, "// Asset%d is asset number %d of the chain.\n//\n//asset:group=g%d\n", i, i, i%10)
		var fn string
		switch {
		case i == 0:
			fn = "func Asset0() []Row { return []Row{{ID: 1, Name: \"first\"}} }\n\n"
		case i-1 == i/2 && body == trivial:
			fn = fmt.Sprintf("func Asset%d(asset%d []Row) []Row { return nil }\n\n", i, i-1)
		case i-1 == i/2:
			fn = fmt.Sprintf("func Asset%d(asset%d []Row) []Row {\n\tout := make([]Row, 0, len(asset%d))\n\tfor _, r := range asset%d {\n\t\tr.Score++\n\t\tout = append(out, r)\n\t}\n\treturn out\n}\n\n", i, i-1, i-1, i-1)
		case body == trivial:
			fn = fmt.Sprintf("func Asset%d(ctx context.Context, asset%d, asset%d []Row) ([]Row, error) { return nil, nil }\n\n", i, i-1, i/2)
		default:
			fn = fmt.Sprintf("func Asset%d(ctx context.Context, asset%d, asset%d []Row) ([]Row, error) {\n\tif err := ctx.Err(); err != nil {\n\t\treturn nil, err\n\t}\n\tout := make([]Row, 0, len(asset%d)+len(asset%d))\n\tout = append(out, asset%d...)\n\tfor _, r := range asset%d {\n\t\tr.Score *= 2\n\t\tout = append(out, r)\n\t}\n\treturn out, nil\n}\n\n", i, i-1, i/2, i-1, i/2, i-1, i/2)
		}
		buf.WriteString(strings.ReplaceAll(fn, "[]Row", "[]"+row))
	}
	flush((to - from - 1) / perFile)
}

// BenchmarkGenerate measures generation as go generate runs it, in a
// process of its own (load, analyze, emit, write), against a bare
// go/packages load of the same package with the same mode, also in a
// process of its own, on synthesized packages of n assets in a
// chain-and-fan shape, in a temporary module.
//
// Each iteration runs three processes, in turn: the bare load of the
// package as written, a first generation (no assets_gen.go yet; the file
// is removed afterwards), and a regeneration over an up-to-date
// assets_gen.go (in a copy of the package, so that the load and the first
// generation never see it). Each reports the CPU time of the whole
// process with its children (go list), the peak resident size of the
// process itself, and the ratios to the bare load.
//
// Function bodies are realistic (loops over the inputs) or trivial
// (return nil); the generator drops bodies after parsing, so trivial
// bodies leave it the least advantage. The xpkg cases split the chain
// in two packages of n/2 assets, the second importing the first, and
// generate the second: half of its edges cross packages, so generation
// also reads the directives of the first. Run it with:
//
//	go test ./generator -run '^$' -bench Generate -benchtime 5x
func BenchmarkGenerate(b *testing.B) {
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	for _, shape := range []string{realistic, trivial, "xpkg"} {
		for _, n := range []int{1000, 10000} {
			b.Run(fmt.Sprintf("%s/assets=%d", shape, n), func(b *testing.B) {
				mod := tempModule(b)
				first, regen := "first", "regen"
				for _, dir := range []string{first, regen} {
					switch shape {
					case "xpkg":
						writeChain(b, mod, dir, n/2, n, "up", realistic)
					default:
						writeChain(b, mod, dir, 0, n, "", shape)
					}
				}
				if shape == "xpkg" {
					writeChain(b, mod, "up", 0, n/2, "", realistic)
				}
				benchGenerate(b, self, n, filepath.Join(mod, first), filepath.Join(mod, regen))
			})
		}
	}
}

// benchGenerate runs the three processes of each iteration.
func benchGenerate(b *testing.B, self string, n int, first, regen string) {
	gen := filepath.Join(first, OutputName)
	// Warm the build cache (go list compiles each package for its export
	// data, and with a stub of an existing generated file for a
	// regeneration: hence the second generation of regen) and leave the
	// up-to-date file that regeneration starts from.
	for _, op := range []struct{ mode, dir string }{{"load", first}, {"generate", first}, {"generate", regen}, {"generate", regen}} {
		if _, err := runChild(self, op.mode, op.dir); err != nil {
			b.Fatal(err)
		}
	}
	os.Remove(gen)
	var load, gens, regens usage
	b.ResetTimer()
	for range b.N {
		for _, m := range []struct {
			mode, dir string
			sum       *usage
		}{{"load", first, &load}, {"generate", first, &gens}, {"generate", regen, &regens}} {
			u, err := runChild(self, m.mode, m.dir)
			if err != nil {
				b.Fatal(err)
			}
			m.sum.add(u)
		}
		if err := os.Remove(gen); err != nil {
			b.Fatal("first generation wrote no file:", err)
		}
	}
	b.StopTimer()
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N*n) }
	b.ReportMetric(per(load.cpu), "load-cpu-ns/asset")
	b.ReportMetric(per(gens.cpu), "gen-cpu-ns/asset")
	b.ReportMetric(per(regens.cpu), "regen-cpu-ns/asset")
	b.ReportMetric(float64(gens.cpu)/float64(load.cpu), "gen-cpu-ratio")
	b.ReportMetric(float64(regens.cpu)/float64(load.cpu), "regen-cpu-ratio")
	if load.peak > 0 && gens.peak > 0 && regens.peak > 0 {
		b.ReportMetric(float64(load.peak)/(1<<20), "load-peak-MB")
		b.ReportMetric(float64(gens.peak)/(1<<20), "gen-peak-MB")
		b.ReportMetric(float64(regens.peak)/(1<<20), "regen-peak-MB")
		b.ReportMetric(float64(gens.peak)/float64(load.peak), "gen-mem-ratio")
		b.ReportMetric(float64(regens.peak)/float64(load.peak), "regen-mem-ratio")
	}
}

// usage is what child processes used: CPU time, summed, and the highest
// peak resident size of one of them.
type usage struct {
	cpu  time.Duration
	peak int64
}

func (u *usage) add(v usage) {
	u.cpu += v.cpu
	u.peak = max(u.peak, v.peak)
}

// runChild runs this test binary as a benchmark child process and returns
// its CPU time (user and system, with the children it waited for: go
// list and the compiler) and its own peak resident size.
func runChild(self, mode, dir string) (usage, error) {
	cmd := exec.Command(self, "-test.run=^$")
	cmd.Env = append(os.Environ(), benchChild+"="+mode, benchDir+"="+dir)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		return usage{}, fmt.Errorf("%s %s: %v\n%s", mode, dir, err, errs.Bytes())
	}
	peak, err := strconv.ParseInt(strings.TrimSpace(out.String()), 10, 64)
	if err != nil {
		return usage{}, fmt.Errorf("%s %s: output %q: %v", mode, dir, out.Bytes(), err)
	}
	st := cmd.ProcessState
	return usage{cpu: st.UserTime() + st.SystemTime(), peak: peak}, nil
}

// status returns a size field of /proc/self/status in bytes, or -1 where
// there is none (outside Linux).
func status(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return -1
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return -1
			}
			return kb << 10
		}
	}
	return -1
}
