package fs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/streamtest"
	"github.com/assetgen/assetgen/runtime"
)

type line struct {
	ID   int
	Name string `json:",omitempty"`
}

func lines(n int) []line {
	out := make([]line, n)
	for i := range out {
		out[i] = line{i, fmt.Sprint("n", i)}
		if i%3 == 0 {
			out[i].Name = "" // omitted: a reused row must not keep the last name
		}
	}
	return out
}

// loadStream collects the batches LoadStream hands over.
func loadStream[T any](t *testing.T, m *Manager, key runtime.Key) ([]T, error) {
	t.Helper()
	var out []T
	err := m.LoadStream(&runtime.InputContext{Context: context.Background(), Upstream: key, Type: reflect.TypeFor[[]T]()}, func(b reflect.Value) error {
		require.LessOrEqual(t, b.Len(), batchRows)
		out = append(out, b.Interface().([]T)...)
		return nil
	})
	return out, err
}

// A stream is written as JSON lines (a gob value per row with Gob), read
// back by Load and by LoadStream; the JSONLines option writes a slice
// alike, byte for byte.
func TestStreamRoundTrip(t *testing.T) {
	rows := lines(2500)
	for _, opt := range []Option{JSON(), Gob()} {
		m := New(t.TempDir(), opt)
		require.NoError(t, streamtest.Store(m, context.Background(), "a", streamtest.Seq(rows, -1, nil)))
		got, err := load(m, "a", "", reflect.TypeFor[[]line]())
		require.NoError(t, err)
		assert.Equal(t, rows, got, m.format.Ext)
		streamed, err := loadStream[line](t, m, "a")
		require.NoError(t, err)
		assert.Equal(t, rows, streamed, m.format.Ext)
		ptrs, err := loadStream[*line](t, m, "a")
		require.NoError(t, err)
		assert.Equal(t, rows[0], *ptrs[0], "pointer rows are new each batch")

		require.NoError(t, streamtest.Store(m, context.Background(), "empty", streamtest.Seq[line](nil, -1, nil)))
		got, err = load(m, "empty", "", reflect.TypeFor[[]line]())
		require.NoError(t, err)
		assert.Empty(t, got)
	}

	m := New(t.TempDir())
	require.NoError(t, streamtest.Store(m, context.Background(), "a", streamtest.Seq(rows[:3], -1, nil)))
	data, err := os.ReadFile(m.Dir() + "/a.json")
	require.NoError(t, err)
	assert.Equal(t, "{\"ID\":0}\n{\"ID\":1,\"Name\":\"n1\"}\n{\"ID\":2,\"Name\":\"n2\"}\n", string(data), "one row per line")

	// The JSONLines option stores a slice the same way: the same bytes,
	// the same version.
	jl := New(t.TempDir(), JSONLines())
	require.NoError(t, store(t, jl, "a", "", rows[:3]))
	same, err := os.ReadFile(jl.Dir() + "/a.json")
	require.NoError(t, err)
	assert.Equal(t, string(data), string(same))
	st, _, _ := m.Stamp(context.Background(), "a", "")
	st2, _, _ := jl.Stamp(context.Background(), "a", "")
	assert.Equal(t, st.DataVersion, st2.DataVersion)
	// Values that are not tables stay whole.
	require.NoError(t, store(t, jl, "n", "", map[string]int{"x": 1}))
	n, err := load(jl, "n", "", reflect.TypeFor[map[string]int]())
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"x": 1}, n)
}

// A table stored whole streams too: a JSON array element by element, a
// gob slice after reading it whole.
func TestStreamOfSlice(t *testing.T) {
	rows := lines(2500)
	for _, opt := range []Option{JSON(), Gob()} {
		m := New(t.TempDir(), opt)
		require.NoError(t, store(t, m, "a", "", rows))
		got, err := loadStream[line](t, m, "a")
		require.NoError(t, err)
		assert.Equal(t, rows, got, m.format.Ext)
		require.NoError(t, store(t, m, "nil", "", []line(nil)))
		got, err = loadStream[line](t, m, "nil")
		require.NoError(t, err)
		assert.Empty(t, got)
	}
	// An array written by hand, with white space.
	m := New(t.TempDir())
	require.NoError(t, os.WriteFile(m.Dir()+"/h.json", []byte(" \n[ {\"ID\": 1}, {\"ID\": 2} ]\n"), 0o644))
	got, err := loadStream[line](t, m, "h")
	require.NoError(t, err)
	assert.Equal(t, []line{{ID: 1}, {ID: 2}}, got)

	// A broken line names its row.
	require.NoError(t, os.WriteFile(m.Dir()+"/b.json", []byte("{\"ID\": 1}\n{\"ID\": \"x\"}\n"), 0o644))
	_, err = loadStream[line](t, m, "b")
	assert.ErrorContains(t, err, "asset b: decode ")
	assert.ErrorContains(t, err, "row 1: json: cannot unmarshal string")
}

// A stream that fails, or is cancelled, halfway leaves the previous file
// and no temporary file.
func TestStreamFailureKeepsPrevious(t *testing.T) {
	m := New(t.TempDir())
	require.NoError(t, store(t, m, "a", "", []line{{7, "old"}}))
	ctx, cancel := context.WithCancel(context.Background())
	rows := lines(5000)
	for _, c := range []struct {
		ctx  context.Context
		seq  iter.Seq2[line, error]
		want string
	}{
		{context.Background(), streamtest.Seq(rows, 3000, errors.New("source went away")), "asset a: the stream failed after 3000 rows: source went away"},
		{ctx, func(yield func(line, error) bool) {
			for i, r := range rows {
				if i == 2000 {
					cancel()
				}
				if !yield(r, nil) {
					return
				}
			}
		}, "context canceled"},
	} {
		// The runtime gives the stream the step's context: this test is
		// the runtime here.
		err := m.StoreStream(&runtime.OutputContext{Context: c.ctx, Key: "a"}, runtime.RowsOf(c.seq))
		require.ErrorContains(t, err, c.want)
		got, err := load(m, "a", "", reflect.TypeFor[[]line]())
		require.NoError(t, err)
		assert.Equal(t, []line{{7, "old"}}, got)
		assert.Empty(t, tempFiles(t, m.Dir()))
	}
}

// Streams through the runtime on files: a stream feeds a stream, a
// narrower stream and a slice; a slice feeds a stream.
func TestStreamMaterialize(t *testing.T) {
	type id struct{ ID int }
	rows := lines(3000)
	gen := &runtime.AssetDef{Key: "gen", OutputType: reflect.TypeFor[iter.Seq2[line, error]](), Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
		return runtime.RowsOf(streamtest.Seq(rows, -1, nil)), nil
	}}
	sum := func(key, from runtime.Key) *runtime.AssetDef {
		return &runtime.AssetDef{
			Key: key, OutputType: reflect.TypeFor[int](),
			Inputs: []runtime.Input{{Name: string(from), Key: from, Type: reflect.TypeFor[iter.Seq2[id, error]]()}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				seq, err := runtime.LoadStream[id](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				s := 0
				for r, err := range seq {
					if err != nil {
						return nil, err
					}
					s += r.ID
				}
				return s, nil
			},
		}
	}
	all := &runtime.AssetDef{
		Key: "all", OutputType: reflect.TypeFor[[]line](),
		Inputs: []runtime.Input{{Name: "gen", Key: "gen", Type: reflect.TypeFor[[]line]()}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			return runtime.Load[[]line](ctx, in, 0)
		},
	}
	m := New(t.TempDir())
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{gen, sum("total", "gen"), all, sum("all_total", "all")},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Logger: slog.New(slog.DiscardHandler)})
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res.Steps)
	assert.Equal(t, 3000, res.Step("gen").Metadata["rows"])
	want := 2999 * 3000 / 2
	for _, k := range []runtime.Key{"total", "all_total"} {
		got, err := load(m, k, "", reflect.TypeFor[int]())
		require.NoError(t, err)
		assert.Equal(t, want, got, k)
	}
	data, err := os.ReadFile(m.Dir() + "/gen.json")
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	var first line
	require.NoError(t, dec.Decode(&first))
	assert.Equal(t, rows[0], first)
	assert.Equal(t, 3000, strings.Count(string(data), "\n"))
}

// A format of one's own has no row form: a stream is stored whole.
func TestStreamOwnFormat(t *testing.T) {
	f := Format{
		Ext:    "txt",
		Encode: func(w io.Writer, v any) error { _, err := fmt.Fprint(w, len(v.([]line))); return err },
		Decode: func(io.Reader, any) error { return errors.New("write-only") },
	}
	m := New(t.TempDir(), WithFormat(f))
	require.NoError(t, streamtest.Store(m, context.Background(), "a", streamtest.Seq(lines(10), -1, nil)))
	data, err := os.ReadFile(m.Dir() + "/a.txt")
	require.NoError(t, err)
	assert.Equal(t, "10", string(data))
}
