package duckdb

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	goruntime "runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/benchrows"
	"github.com/assetgen/assetgen/runtime"
)

// The chain benchmark moves rows through three assets on a DuckDB file
// with a memory limit: gen makes the rows of benchrows (computed on the
// fly), clean drops a tenth of them and changes a column, and agg sums
// them into 16 rows. Each run is a child process (this test binary again,
// in mode "chain"), whose peak resident size, Go heap and DuckDB's buffers
// together, the parent reads from the kernel (getrusage's maxrss) once it
// has exited.
const (
	chainRows   = childEnv + "_ROWS"
	chainStream = childEnv + "_STREAM"
	chainLimit  = "128MB"
	// bench50M opts in to the 50,000,000-row case (minutes of CPU, a few
	// GB of disk): ASSETGEN_BENCH_50M=1.
	bench50M = "ASSETGEN_BENCH_50M"
)

// clean is a row of the chain's middle table.
type clean struct {
	ID    int64
	Value float64
	Name  string
	At    time.Time
}

// agg is a row of the chain's last table.
type agg struct {
	Bucket int64
	Rows   int64
	Sum    float64
}

// genRow returns row i of gen.
func genRow(i int64, t0 time.Time) benchrows.Row {
	return benchrows.Row{ID: i, Value: float64(i) * 0.5, Name: "name-" + strconv.FormatInt(i, 10), Flag: i%3 == 0, At: t0.Add(time.Duration(i) * time.Second)}
}

// cleaned returns the clean row of r, and whether r is kept.
func cleaned(r benchrows.Row) (clean, bool) {
	return clean{r.ID, r.Value * 1.5, r.Name, r.At}, r.ID%10 != 0
}

// sum adds r to the buckets.
func sum(buckets []agg, r clean) {
	b := &buckets[r.ID%16]
	b.Rows++
	b.Sum += r.Value
}

// chainDefs returns the chain's assets over n rows, as streams or slices.
func chainDefs(n int64, stream bool) []*runtime.AssetDef {
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	buckets := func() []agg {
		out := make([]agg, 16)
		for i := range out {
			out[i].Bucket = int64(i)
		}
		return out
	}
	if !stream {
		return []*runtime.AssetDef{
			{Key: "gen", OutputType: reflect.TypeFor[[]benchrows.Row](), Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
				rows := make([]benchrows.Row, n)
				for i := range rows {
					rows[i] = genRow(int64(i), t0)
				}
				return rows, nil
			}},
			{Key: "clean", OutputType: reflect.TypeFor[[]clean](),
				Inputs: []runtime.Input{{Name: "gen", Key: "gen", Type: reflect.TypeFor[[]benchrows.Row]()}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					rows, err := runtime.Load[[]benchrows.Row](ctx, in, 0)
					if err != nil {
						return nil, err
					}
					out := make([]clean, 0, len(rows))
					for _, r := range rows {
						if c, ok := cleaned(r); ok {
							out = append(out, c)
						}
					}
					return out, nil
				}},
			{Key: "agg", OutputType: reflect.TypeFor[[]agg](),
				Inputs: []runtime.Input{{Name: "clean", Key: "clean", Type: reflect.TypeFor[[]clean]()}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					rows, err := runtime.Load[[]clean](ctx, in, 0)
					if err != nil {
						return nil, err
					}
					out := buckets()
					for _, r := range rows {
						sum(out, r)
					}
					return out, nil
				}},
		}
	}
	return []*runtime.AssetDef{
		{Key: "gen", OutputType: reflect.TypeFor[iter.Seq2[benchrows.Row, error]](), Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return runtime.RowsOf(func(yield func(benchrows.Row, error) bool) {
				for i := range n {
					if !yield(genRow(i, t0), nil) {
						return
					}
				}
			}), nil
		}},
		{Key: "clean", OutputType: reflect.TypeFor[iter.Seq2[clean, error]](),
			Inputs: []runtime.Input{{Name: "gen", Key: "gen", Type: reflect.TypeFor[iter.Seq2[benchrows.Row, error]]()}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				rows, err := runtime.LoadStream[benchrows.Row](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				return runtime.RowsOf(func(yield func(clean, error) bool) {
					for r, err := range rows {
						if err != nil {
							yield(clean{}, err)
							return
						}
						if c, ok := cleaned(r); ok && !yield(c, nil) {
							return
						}
					}
				}), nil
			}},
		{Key: "agg", OutputType: reflect.TypeFor[[]agg](),
			Inputs: []runtime.Input{{Name: "clean", Key: "clean", Type: reflect.TypeFor[iter.Seq2[clean, error]]()}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				rows, err := runtime.LoadStream[clean](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				out := buckets()
				for r, err := range rows {
					if err != nil {
						return nil, err
					}
					sum(out, r)
				}
				return out, nil
			}},
	}
}

// chainResult is what a chain child reports on its standard output.
type chainResult struct {
	Seconds     float64 // the run's wall time
	Rows        int64   // the rows of agg, summed: the rows clean kept
	DuckDBBytes int64   // held by DuckDB's buffer manager at the end
	GoSysBytes  int64   // taken by the Go runtime from the system
	Err         string
}

// chainChild runs the chain on the database at path: the rows and the
// form (stream or slice) come from the environment. It prints a
// chainResult.
func chainChild(path string) int {
	n, _ := strconv.ParseInt(os.Getenv(chainRows), 10, 64)
	stream := os.Getenv(chainStream) == "1"
	res := chainResult{}
	defer func() { json.NewEncoder(os.Stdout).Encode(res) }()
	m, err := New(path, "s", MemoryLimit(chainLimit))
	if err != nil {
		res.Err = err.Error()
		return 1
	}
	defer m.Close()
	defs := &runtime.Definitions{Assets: chainDefs(n, stream), IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
	start := time.Now()
	out, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: 1, Logger: slog.New(slog.DiscardHandler)})
	res.Seconds = time.Since(start).Seconds()
	if err == nil && !out.OK() {
		for _, s := range out.Steps {
			if s.Err != nil {
				err = fmt.Errorf("%s: %w", s.Key, s.Err)
				break
			}
		}
	}
	if err != nil {
		res.Err = err.Error()
		return 1
	}
	v, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "agg", Type: reflect.TypeFor[[]agg]()})
	if err != nil {
		res.Err = err.Error()
		return 1
	}
	// What DuckDB's buffer manager holds at the end, and what the Go
	// runtime took from the system.
	db, err := m.DB()
	if err == nil {
		err = db.QueryRow("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").Scan(&res.DuckDBBytes)
	}
	if err != nil {
		res.Err = err.Error()
		return 1
	}
	var ms goruntime.MemStats
	goruntime.ReadMemStats(&ms)
	res.GoSysBytes = int64(ms.Sys)
	for _, a := range v.([]agg) {
		res.Rows += a.Rows
	}
	return 0
}

// runChain runs the chain over n rows in a child process and returns its
// result, peak resident size in bytes and CPU time.
func runChain(b *testing.B, n int64, stream bool) (chainResult, int64, time.Duration) {
	b.Helper()
	dir := b.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^$")
	s := "0"
	if stream {
		s = "1"
	}
	cmd.Env = append(os.Environ(), childEnv+"=chain", childEnv+"_PATH="+filepath.Join(dir, "chain.duckdb"),
		chainRows+"="+strconv.FormatInt(n, 10), chainStream+"="+s)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	var res chainResult
	if jerr := json.Unmarshal(out, &res); jerr != nil {
		b.Fatalf("chain child: %v, %v: %s", err, jerr, out)
	}
	if err != nil || res.Err != "" {
		b.Fatalf("chain child: %v: %s", err, res.Err)
	}
	if want := n - (n+9)/10; res.Rows != want {
		b.Fatalf("agg counts %d rows, want %d", res.Rows, want)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if size, err := dirSize(dir); err == nil {
		b.ReportMetric(float64(size)/1e6, "disk-MB")
	}
	return res, ru.Maxrss * 1024, cpu
}

// dirSize returns the bytes of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return err
	})
	return n, err
}

// BenchmarkChain reports the peak resident size of the chain's process
// (peak-RSS-MB), its wall time per row of gen and its CPU time. The
// streams are measured at 5M and 10M rows, and at 50M with
// ASSETGEN_BENCH_50M=1; the slices, whose memory grows with the rows, at
// 5M and 10M.
//
//	go test -run '^$' -bench Chain -benchtime 1x ./runtime/iomanager/duckdb
//	ASSETGEN_BENCH_50M=1 go test -run '^$' -bench 'Chain/stream/rows=50M' -benchtime 1x -timeout 2h ./runtime/iomanager/duckdb
func BenchmarkChain(b *testing.B) {
	for _, c := range []struct {
		stream bool
		n      int64
	}{
		{true, 5_000_000}, {true, 10_000_000}, {true, 50_000_000},
		{false, 5_000_000}, {false, 10_000_000},
	} {
		name := "slice"
		if c.stream {
			name = "stream"
		}
		b.Run(fmt.Sprintf("%s/rows=%dM", name, c.n/1_000_000), func(b *testing.B) {
			if c.n == 50_000_000 && os.Getenv(bench50M) == "" {
				b.Skip("set " + bench50M + "=1 to run the 50M-row chain (a few GB of disk, minutes of CPU)")
			}
			var peak, duck, gosys int64
			var cpu time.Duration
			var wall float64
			for b.Loop() {
				res, rss, used := runChain(b, c.n, c.stream)
				peak, cpu, wall = max(peak, rss), cpu+used, wall+res.Seconds
				duck, gosys = max(duck, res.DuckDBBytes), max(gosys, res.GoSysBytes)
			}
			b.ReportMetric(float64(peak)/1e6, "peak-RSS-MB")
			b.ReportMetric(float64(duck)/1e6, "duckdb-end-MB")
			b.ReportMetric(float64(gosys)/1e6, "go-sys-MB")
			b.ReportMetric(wall*1e9/float64(b.N)/float64(c.n), "ns/row")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(c.n), "cpu-ns/row")
		})
	}
}
