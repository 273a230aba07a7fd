package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// rec is a row of the stream tests.
type rec struct {
	ID   int
	Name string
}

// recID selects one column of rec.
type recID struct {
	ID int
}

var (
	recs      = reflect.TypeFor[[]rec]()
	recStream = reflect.TypeFor[iter.Seq2[rec, error]]()
	idStream  = reflect.TypeFor[iter.Seq2[recID, error]]()
)

// count yields n recs, calling each (when set) before row i is yielded:
// its error is yielded instead of the row.
func count(n int, each func(i int) error) iter.Seq2[rec, error] {
	return func(yield func(rec, error) bool) {
		for i := range n {
			if each != nil {
				if err := each(i); err != nil {
					yield(rec{}, err)
					return
				}
			}
			if !yield(rec{i, fmt.Sprint("r", i)}, nil) {
				return
			}
		}
	}
}

// producer is an asset whose function returns the stream seq makes.
func producer(key runtime.Key, seq func(ctx *runtime.Context) iter.Seq2[rec, error]) *runtime.AssetDef {
	return &runtime.AssetDef{Key: key, OutputType: recStream, Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		return runtime.RowsOf(seq(ctx)), nil
	}}
}

// doubler reads the stream of from and returns a stream of its rows with
// IDs doubled, lazily: its input is read while its output is stored.
func doubler(key, from runtime.Key) *runtime.AssetDef {
	return &runtime.AssetDef{
		Key: key, OutputType: recStream,
		Inputs: []runtime.Input{{Name: from.Name(), Key: from, Type: recStream}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.LoadStream[rec](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			return runtime.RowsOf(func(yield func(rec, error) bool) {
				for r, err := range rows {
					if err != nil {
						yield(rec{}, err)
						return
					}
					r.ID *= 2
					if !yield(r, nil) {
						return
					}
				}
			}), nil
		},
	}
}

// summer sums the IDs of the stream of from, a narrower row.
func summer(key, from runtime.Key) *runtime.AssetDef {
	return &runtime.AssetDef{
		Key: key, OutputType: intType,
		Inputs: []runtime.Input{{Name: from.Name(), Key: from, Type: idStream}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.LoadStream[recID](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			total := 0
			for r, err := range rows {
				if err != nil {
					return nil, err
				}
				total += r.ID
			}
			return total, nil
		},
	}
}

// collector takes the rows of from as a slice.
func collector(key, from runtime.Key) *runtime.AssetDef {
	return &runtime.AssetDef{
		Key: key, OutputType: intType,
		Inputs: []runtime.Input{{Name: from.Name(), Key: from, Type: recs}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.Load[[]rec](ctx, in, 0)
			return len(rows), err
		},
	}
}

// A chain of streams on the memory manager: a stream feeds a stream
// parameter, a narrower stream parameter and a slice parameter; a slice
// feeds a stream parameter.
func TestStreamChain(t *testing.T) {
	mem := memory.New()
	slice := &runtime.AssetDef{Key: "slice", OutputType: recs, Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
		return []rec{{1, "a"}, {2, "b"}}, nil
	}}
	defs := defsOf(mem,
		producer("gen", func(*runtime.Context) iter.Seq2[rec, error] { return count(5000, nil) }),
		doubler("doubled", "gen"),
		summer("total", "doubled"),
		collector("rows", "doubled"),
		slice,
		summer("slice_total", "slice"),
		doubler("slice_doubled", "slice"),
	)
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res.Steps)
	v, _ := mem.Value("doubled", "")
	got := v.([]rec)
	require.Len(t, got, 5000, "the memory manager keeps a stream's rows as a slice")
	assert.Equal(t, rec{4998 * 2, "r4998"}, got[4998])
	v, _ = mem.Value("total", "")
	assert.Equal(t, 2*4999*5000/2, v)
	v, _ = mem.Value("rows", "")
	assert.Equal(t, 5000, v)
	v, _ = mem.Value("slice_total", "")
	assert.Equal(t, 3, v)
	v, _ = mem.Value("slice_doubled", "")
	assert.Equal(t, []rec{{2, "a"}, {4, "b"}}, v)
}

// A stream that yields an error, or whose producer panics, halfway fails
// its step: nothing is stored, the previous value stays, and the steps
// reading it are skipped.
func TestStreamFails(t *testing.T) {
	for _, c := range []struct {
		name string
		each func(i int) error
		want string
	}{
		{"error", func(i int) error {
			if i == 3000 {
				return errors.New("source went away")
			}
			return nil
		}, "store output: asset gen: the stream failed after 3000 rows: source went away"},
		{"panic", func(i int) error {
			if i == 3000 {
				panic("producer exploded")
			}
			return nil
		}, "store output: asset gen: panic: producer exploded"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var logs bytes.Buffer
			mem := memory.New()
			mem.Set("gen", "", []rec{{7, "old"}})
			defs := defsOf(mem, producer("gen", func(*runtime.Context) iter.Seq2[rec, error] { return count(5000, c.each) }), summer("total", "gen"))
			res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			require.NoError(t, err)
			s := res.Step("gen")
			assert.Equal(t, runtime.StatusFailed, s.Status)
			assert.EqualError(t, s.Err, c.want)
			if c.name == "panic" {
				var pe *runtime.PanicError
				require.ErrorAs(t, s.Err, &pe)
				assert.Contains(t, pe.Stack, "stream_test.go")
				assert.NotContains(t, logs.String(), "exploded", "the error is the one report of the panic")
			}
			assert.Equal(t, runtime.StatusSkipped, res.Step("total").Status)
			v, _ := mem.Value("gen", "")
			assert.Equal(t, []rec{{7, "old"}}, v, "the previous value stays")
		})
	}
}

// A stream parameter is read once: ranging over it again yields an error.
func TestStreamReadTwice(t *testing.T) {
	twice := &runtime.AssetDef{
		Key: "twice", OutputType: intType,
		Inputs: []runtime.Input{{Name: "gen", Key: "gen", Type: recStream}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.LoadStream[rec](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			n := 0
			for _, err := range rows {
				if err != nil {
					return nil, err
				}
				n++
			}
			for _, err := range rows {
				if err != nil {
					return n, err
				}
				return nil, errors.New("the second range yielded a row")
			}
			return nil, errors.New("the second range yielded nothing")
		},
	}
	defs := defsOf(memory.New(), producer("gen", func(*runtime.Context) iter.Seq2[rec, error] { return count(10, nil) }), twice)
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	require.NoError(t, err)
	assert.EqualError(t, res.Step("twice").Err, "input gen (from gen): the stream was read already: a stream is read once (take a slice, []T, to read the rows more than once)")
}

// A stream parameter kept past its step fails when read.
func TestStreamReadAfterStep(t *testing.T) {
	var kept iter.Seq2[rec, error]
	keep := &runtime.AssetDef{
		Key: "keep", OutputType: intType,
		Inputs: []runtime.Input{{Name: "gen", Key: "gen", Type: recStream}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.LoadStream[rec](ctx, in, 0)
			kept = rows
			return 1, err
		},
	}
	defs := defsOf(memory.New(), producer("gen", func(*runtime.Context) iter.Seq2[rec, error] { return count(10, nil) }), keep)
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	require.NoError(t, err)
	require.True(t, res.OK())
	for _, err := range kept {
		assert.EqualError(t, err, "input gen (from gen): the stream is read after its step ended: a stream parameter is valid only while its step runs")
	}
}

// Cancelling the run mid-stream stops the stream at its next batch: the
// step is canceled and nothing is stored.
func TestStreamCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	mem := memory.New()
	mem.Set("gen", "", []rec{{7, "old"}})
	var produced atomic.Int64
	gen := producer("gen", func(*runtime.Context) iter.Seq2[rec, error] {
		return count(1<<40, func(i int) error { // ignores its context
			if produced.Add(1) == 10_000 {
				cancel()
			}
			return nil
		})
	})
	res := materializeBounded(t, ctx, defsOf(mem, gen), runtime.Options{})
	s := res.Step("gen")
	assert.Equal(t, runtime.StatusCanceled, s.Status)
	assert.ErrorIs(t, s.Err, context.Canceled)
	assert.Contains(t, s.Err.Error(), "the stream stopped after 8192 rows")
	assert.Less(t, produced.Load(), int64(10_000+2*runtime.DefaultBatch), "the producer stops within a batch")
	v, _ := mem.Value("gen", "")
	assert.Equal(t, []rec{{7, "old"}}, v)
}

// A producer that blocks, ignoring its context, is abandoned as a
// function is: after the grace period, its step fails as timed out (or is
// canceled) and the run goes on; when the producer resumes, the stream
// fails, and nothing is stored.
func TestStreamAbandoned(t *testing.T) {
	run := func(t *testing.T, execute func(defs *runtime.Definitions) runtime.StepResult) {
		release, returned := make(chan struct{}), make(chan struct{})
		mem := memory.New()
		gen := producer("gen", func(*runtime.Context) iter.Seq2[rec, error] {
			return func(yield func(rec, error) bool) {
				defer close(returned)
				for i := range 5000 {
					if i == 3000 {
						<-release
					}
					if !yield(rec{ID: i}, nil) {
						return
					}
				}
			}
		})
		gen.Timeout = 20 * time.Millisecond
		s := execute(defsOf(mem, gen, summer("total", "gen")))
		assert.Equal(t, runtime.StatusFailed, s.Status)
		assert.ErrorIs(t, s.Err, runtime.ErrAbandoned)
		assert.ErrorIs(t, s.Err, context.DeadlineExceeded)
		close(release)
		assertNotStored(t, mem, "gen", returned)
	}
	t.Run("materialize", func(t *testing.T) {
		run(t, func(defs *runtime.Definitions) runtime.StepResult {
			res := materializeBounded(t, context.Background(), defs, runtime.Options{GracePeriod: 20 * time.Millisecond})
			assert.Equal(t, runtime.StatusSkipped, res.Step("total").Status)
			return *res.Step("gen")
		})
	})
	t.Run("execute_step", func(t *testing.T) {
		run(t, func(defs *runtime.Definitions) runtime.StepResult {
			return runtime.ExecuteStep(context.Background(), defs, runtime.Step{Key: "gen"}, runtime.Options{GracePeriod: 20 * time.Millisecond})
		})
	})
}

// A producer that returns within the grace period after its context is
// cancelled is waited for: its step times out, without being abandoned.
func TestStreamGraceKept(t *testing.T) {
	gen := producer("gen", func(ctx *runtime.Context) iter.Seq2[rec, error] {
		return func(yield func(rec, error) bool) {
			yield(rec{}, nil)
			<-ctx.Done()
			time.Sleep(5 * time.Millisecond)
			yield(rec{}, ctx.Err())
		}
	})
	gen.Timeout = time.Millisecond
	res := materializeBounded(t, context.Background(), defsOf(memory.New(), gen), runtime.Options{GracePeriod: time.Minute})
	assert.EqualError(t, res.Steps[0].Err, "timed out after 1ms")
	assert.NotErrorIs(t, res.Steps[0].Err, runtime.ErrAbandoned)
}

// A step covering several partitions splits its stream by partition
// column for a manager without range stores, storing each partition's
// rows as they come; the rows of each partition must come together.
func TestStreamPartitions(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2024, 1, d, h, 0, 0, 0, time.UTC) }
	var rows []event
	events := &runtime.AssetDef{
		Key: "events", Partitions: daily, Backfill: 4, PartitionColumn: "day", OutputType: reflect.TypeFor[iter.Seq2[event, error]](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return runtime.RowsOf(func(yield func(event, error) bool) {
				for _, r := range rows {
					if !yield(r, nil) {
						return
					}
				}
			}), nil
		},
	}
	mem := memory.New()
	// Day 2 has more rows than a batch, so its rows are split across
	// batches; day 4 has none.
	rows = []event{{at(3, 1), "eu", 1}, {at(3, 2), "eu", 2}}
	for i := range 3000 {
		rows = append(rows, event{at(2, i%24), "us", i})
	}
	rows = append(rows, event{at(1, 0), "eu", -1})
	res := materialize(t, defsOf(mem, events), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-04")})
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	for d, want := range map[string][]event{"2024-01-01": rows[3002:], "2024-01-02": rows[2:3002], "2024-01-03": rows[:2], "2024-01-04": {}} {
		v, ok := mem.Value("events", d)
		require.True(t, ok, d)
		assert.Equal(t, want, v, d)
	}

	for _, c := range []struct {
		rows []event
		want string
	}{
		{[]event{{at(1, 0), "eu", 1}, {at(2, 0), "eu", 2}, {at(1, 5), "eu", 3}},
			"store output: asset events, partition 2024-01-01...2024-01-04: row 2: day is in partition 2024-01-01, whose rows came before those of partition 2024-01-02: a stream covering several partitions must give each partition's rows together (in the order of day, say)"},
		{[]event{{at(1, 0), "eu", 1}, {at(9, 0), "eu", 2}},
			"store output: asset events, partition 2024-01-01...2024-01-04: row 1: day is 2024-01-09T00:00:00Z, which is in partition 2024-01-09, outside the step's partitions (2024-01-01...2024-01-04)"},
	} {
		mem := memory.New()
		rows = c.rows
		res := materialize(t, defsOf(mem, events), runtime.Options{Partitions: rangeOf("2024-01-01", "2024-01-04")})
		assert.ErrorContains(t, res.Steps[0].Err, c.want)
		for _, d := range []string{"2024-01-02", "2024-01-03", "2024-01-04"} {
			_, ok := mem.Value("events", d)
			assert.False(t, ok, "partition %s stored", d)
		}
	}

	// A stream parameter reads a range of partitions one after the other.
	total := &runtime.AssetDef{
		Key: "total", OutputType: intType,
		Inputs: []runtime.Input{gathered("events", reflect.TypeFor[iter.Seq2[narrow, error]](), runtime.GatherConcat, nil)},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			rows, err := runtime.LoadStream[narrow](ctx, in, 0)
			if err != nil {
				return nil, err
			}
			var ns []int
			for r, err := range rows {
				if err != nil {
					return nil, err
				}
				ns = append(ns, r.N)
			}
			return len(ns)*1000 + ns[0], nil
		},
	}
	mem.Set("events", "2024-01-01", []event{{at(1, 0), "eu", 5}})
	for d := 2; d <= 60; d++ {
		mem.Set("events", partitionKey(d), []event{})
	}
	mem.Set("events", "2024-01-03", []event{{at(3, 0), "eu", 6}, {at(3, 1), "eu", 7}})
	res = materialize(t, defsOf(mem, events, total), runtime.Options{Selection: []runtime.Key{"total"}})
	require.True(t, res.OK(), "%v", res.Steps)
	v, _ := mem.Value("total", "")
	assert.Equal(t, 3005, v, "three rows, the first of 2024-01-01")
}

// partitionKey returns the daily key of day d of 2024 (d from 1).
func partitionKey(d int) string {
	return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// plainManager stores and loads whole values only.
type plainManager struct{ m *memory.Manager }

func (p plainManager) Store(out *runtime.OutputContext, v any) error { return p.m.Store(out, v) }
func (p plainManager) Load(in *runtime.InputContext) (any, error)    { return p.m.Load(in) }

// A manager that cannot stream is refused before the run, for a stream
// output and for a stream parameter.
func TestStreamValidate(t *testing.T) {
	gen := producer("gen", func(*runtime.Context) iter.Seq2[rec, error] { return count(1, nil) })
	gen.Source = "gen.go:3"
	slice := &runtime.AssetDef{Key: "slice", IOManager: "plain", OutputType: recs, Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []rec{}, nil }}
	total := summer("total", "slice")
	total.Source = "total.go:9"
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{gen, slice, total},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: plainManager{memory.New()}, "plain": plainManager{memory.New()}},
	}
	err := defs.Validate()
	require.Error(t, err)
	assert.Equal(t, []string{
		`asset gen (gen.go:3): I/O manager "io_manager" cannot store its output, a stream of rows (iter.Seq2[github.com/assetgen/assetgen/runtime_test.rec,error]): it is no runtime.StreamStorer; return a slice ([]runtime_test.rec), or use a manager that streams`,
		`asset total (total.go:9): input slice (from slice) is a stream (iter.Seq2[github.com/assetgen/assetgen/runtime_test.recID,error]), but I/O manager "plain" of asset slice cannot load a stream of rows (it is no runtime.StreamLoader): take a slice ([]runtime_test.recID), or use a manager that streams`,
	}, strings.Split(err.Error(), "\n"))
}

// A hand-written Compute must wrap a stream with RowsOf.
func TestStreamNotWrapped(t *testing.T) {
	raw := &runtime.AssetDef{Key: "raw", OutputType: recStream, Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
		return count(1, nil), nil
	}}
	other := &runtime.AssetDef{Key: "other", OutputType: recStream, Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
		return runtime.RowsOf(func(func(recID, error) bool) {}), nil
	}}
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), raw, other), runtime.Options{})
	require.NoError(t, err)
	assert.EqualError(t, res.Step("raw").Err, "Compute returned a iter.Seq2[github.com/assetgen/assetgen/runtime_test.rec,error]: wrap a stream with runtime.RowsOf for its I/O manager")
	assert.EqualError(t, res.Step("other").Err, "Compute returned a stream of runtime_test.recID, but the asset's OutputType is iter.Seq2[github.com/assetgen/assetgen/runtime_test.rec,error]")
}
