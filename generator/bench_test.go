package generator

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	rt "runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"
)

// writeChain writes a package of n assets in a chain-and-fan shape: asset
// i takes assets i-1 and i/2, all of type []Row, in files of 500 assets.
// It lives inside the module, under testdata, so it can import the runtime.
func writeChain(b *testing.B, n int) string {
	return writeAssets(b, fmt.Sprintf("chain%d", n), 0, n, "")
}

// writeSplit writes the chain of n assets as two packages: assets 0 to
// n/2-1 in package up (a subdirectory), the others in a package chain
// that imports it, so half of the edges of chain cross packages. It
// returns the directory of chain.
func writeSplit(b *testing.B, n int) string {
	name := fmt.Sprintf("split%d", n)
	dir := writeAssets(b, name, n/2, n, "github.com/assetgen/assetgen/generator/testdata/"+name+"/up")
	writeAssets(b, name+"/up", 0, n/2, "")
	return dir
}

// writeAssets writes assets from to to-1 of the chain into package chain
// in directory testdata/name. When up is not empty, the package imports
// up, which declares Row and the assets before from.
func writeAssets(b *testing.B, name string, from, to int, up string) string {
	dir := filepath.Join("testdata", name)
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(name, "/") {
		b.Cleanup(func() { os.RemoveAll(abs) })
	}
	var buf bytes.Buffer
	flush := func(file int) {
		src := append(bytes.TrimRight(buf.Bytes(), "\n"), '\n')
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("chain%03d.go", file)), src, 0o644); err != nil {
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
				fmt.Fprintf(&buf, "package chain\n\nimport (\n\t\"context\"\n\n\tup %q\n)\n\n", up)
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
		case i-1 == i/2:
			fn = fmt.Sprintf("func Asset%d(asset%d []Row) []Row {\n\tout := make([]Row, 0, len(asset%d))\n\tfor _, r := range asset%d {\n\t\tr.Score++\n\t\tout = append(out, r)\n\t}\n\treturn out\n}\n\n", i, i-1, i-1, i-1)
		default:
			fn = fmt.Sprintf("func Asset%d(ctx context.Context, asset%d, asset%d []Row) ([]Row, error) {\n\tif err := ctx.Err(); err != nil {\n\t\treturn nil, err\n\t}\n\tout := make([]Row, 0, len(asset%d)+len(asset%d))\n\tout = append(out, asset%d...)\n\tfor _, r := range asset%d {\n\t\tr.Score *= 2\n\t\tout = append(out, r)\n\t}\n\treturn out, nil\n}\n\n", i, i-1, i/2, i-1, i/2, i-1, i/2)
		}
		buf.WriteString(strings.ReplaceAll(fn, "[]Row", "[]"+row))
	}
	flush((to - from - 1) / perFile)
	return abs
}

// BenchmarkGenerate measures generation end to end as go generate runs it
// in a package directory (load, analyze, emit, write), and the bare
// go/packages load of the same package with the same mode, alternately in
// each iteration so that both see the same machine. Each generation starts
// without a generated file, so it writes one. It reports, for each, ns per
// asset and the peak resident memory of one run above the heap left after
// a GC (Linux), and the ratios generate/load. The xpkg cases split the
// chain in two packages of n/2 assets, the second importing the first, and
// generate the second: half of its edges cross packages, so generation
// also reads the directives of the first (ns per asset still divides by
// n). Run it with:
//
//	go test ./generator -run '^$' -bench Generate -benchtime 5x
func BenchmarkGenerate(b *testing.B) {
	type shape struct {
		name  string
		write func(*testing.B, int) string
	}
	for _, sh := range []shape{{"", writeChain}, {"xpkg/", writeSplit}} {
		for _, n := range []int{1000, 10000} {
			benchGenerate(b, sh.name, n, sh.write)
		}
	}
}

// benchGenerate is one case of BenchmarkGenerate.
func benchGenerate(b *testing.B, shape string, n int, write func(*testing.B, int) string) {
	b.Run(fmt.Sprintf("%sassets=%d", shape, n), func(b *testing.B) {
		dir := write(b, n)
		gen := filepath.Join(dir, OutputName)
		load := func() {
			pkgs, err := packages.Load(&packages.Config{Mode: LoadMode, Dir: dir}, ".")
			if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
				b.Fatalf("load: %v %v", err, pkgs)
			}
		}
		generate := func() {
			pkgs, err := Generate(dir, ".")
			if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
				b.Fatalf("generate: %v %v", err, pkgs)
			}
			if err := pkgs[0].Write(); err != nil {
				b.Fatal(err)
			}
		}
		// Warm the build cache for both (go list compiles the package
		// for its export data), then leave no generated file.
		generate()
		os.Remove(gen)
		load()
		var loadTime, genTime time.Duration
		var loadPeak, genPeak int64
		for i := range b.N {
			for j := range 2 {
				if (i+j)%2 == 0 {
					d, p := measure(load)
					loadTime += d
					loadPeak = max(loadPeak, p)
				} else {
					d, p := measure(generate)
					genTime += d
					genPeak = max(genPeak, p)
					os.Remove(gen)
				}
			}
		}
		per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N*n) }
		b.ReportMetric(per(loadTime), "load-ns/asset")
		b.ReportMetric(per(genTime), "gen-ns/asset")
		b.ReportMetric(float64(genTime)/float64(loadTime), "time-ratio")
		if loadPeak > 0 && genPeak > 0 {
			b.ReportMetric(float64(loadPeak)/(1<<20), "load-peak-MB")
			b.ReportMetric(float64(genPeak)/(1<<20), "gen-peak-MB")
			b.ReportMetric(float64(genPeak)/float64(loadPeak), "mem-ratio")
		}
	})
}

// measure runs op once after a GC and returns how long it took and the
// growth of the resident set at its peak (-1 where unsupported).
func measure(op func()) (time.Duration, int64) {
	rt.GC()
	debug.FreeOSMemory()
	base := resetPeak()
	start := time.Now()
	op()
	d := time.Since(start)
	if base < 0 {
		return d, -1
	}
	return d, peakRSS() - base
}

// resetPeak resets the kernel's peak resident size of this process and
// returns the current resident size in bytes, or -1 where unsupported.
func resetPeak() int64 {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		return -1
	}
	return status("VmRSS:")
}

// peakRSS returns the peak resident size since the last resetPeak.
func peakRSS() int64 { return status("VmHWM:") }

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
