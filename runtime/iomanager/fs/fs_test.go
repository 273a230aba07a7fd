package fs

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
)

type Inner struct {
	Tags []string
	When time.Time
}

type Record struct {
	ID     int64
	Name   string
	Score  float64
	Ok     bool
	Ptr    *Inner
	Items  []Inner
	ByName map[string]int
	Nested map[string][]*Inner
	Bytes  []byte
	Wait   time.Duration
}

func sample() Record {
	when := time.Date(2026, 11, 26, 22, 5, 0, 123456789, time.FixedZone("CET", 3600))
	return Record{
		ID: 42, Name: "Alice", Score: 1.5, Ok: true,
		Ptr:    &Inner{Tags: []string{"x"}, When: when},
		Items:  []Inner{{Tags: []string{"a", "b"}, When: when.UTC()}, {}},
		ByName: map[string]int{"a": 1, "b": 2},
		Nested: map[string][]*Inner{"k": {{Tags: []string{"n"}, When: when}}},
		Bytes:  []byte{0, 1, 2},
		Wait:   time.Second,
	}
}

func store(t *testing.T, m *Manager, key runtime.Key, partition string, v any) error {
	t.Helper()
	return m.Store(&runtime.OutputContext{Context: context.Background(), Key: key, Partition: partition, Type: reflect.TypeOf(v)}, v)
}

func load(m *Manager, key runtime.Key, partition string, typ reflect.Type) (any, error) {
	in := &runtime.InputContext{Context: context.Background(), Key: "down", Upstream: key, Type: typ}
	if partition != "" {
		in.UpstreamPartitions = []string{partition}
	}
	return m.Load(in)
}

func TestRoundTrip(t *testing.T) {
	for _, format := range []struct {
		name string
		opts []Option
	}{{"json", nil}, {"gob", []Option{Gob()}}} {
		t.Run(format.name, func(t *testing.T) {
			m := New(t.TempDir(), format.opts...)
			values := map[runtime.Key]any{
				"record":          sample(),
				"sales/eu/list":   []Record{sample(), {ID: 2}},
				"ptr":             &Inner{Tags: []string{"p"}},
				"counts":          map[string]int{"a": 1},
				"when":            time.Date(2020, 1, 2, 3, 4, 5, 6, time.UTC),
				"plain_int":       7,
				"text":            "héllo",
				"named/celsius_c": Celsius(21),
				"nil_ptr":         (*Inner)(nil),
				"empty":           Record{},
			}
			for k, v := range values {
				require.NoError(t, store(t, m, k, "", v), k)
			}
			for k, v := range values {
				got, err := load(m, k, "", reflect.TypeOf(v))
				require.NoError(t, err, k)
				assertSame(t, v, got)
			}
			// The file is where the key says.
			_, err := os.Stat(filepath.Join(m.Dir(), "sales", "eu", "list."+format.name))
			assert.NoError(t, err)
		})
	}
}

// Celsius is a named type.
type Celsius float64

// assertSame compares values, times by instant (JSON keeps the offset but
// not the zone name, and neither format keeps the monotonic clock).
func assertSame(t *testing.T, want, got any) {
	t.Helper()
	assert.Equal(t, reflect.TypeOf(want), reflect.TypeOf(got))
	assert.Equal(t, normalize(want), normalize(got))
}

func normalize(v any) string {
	s := fmt.Sprintf("%+v", deref(reflect.ValueOf(v)))
	return s
}

// deref renders v with pointers followed and times in UTC.
func deref(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return deref(v.Elem())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return v.Bytes()
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = deref(v.Index(i))
		}
		return out
	case reflect.Map:
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[fmt.Sprint(k.Interface())] = deref(v.MapIndex(k))
		}
		return out
	case reflect.Struct:
		if tm, ok := v.Interface().(time.Time); ok {
			return tm.UTC().Format(time.RFC3339Nano)
		}
		out := map[string]any{}
		for i := range v.NumField() {
			out[v.Type().Field(i).Name] = deref(v.Field(i))
		}
		return out
	}
	return v.Interface()
}

func TestLoadIntoInterface(t *testing.T) {
	m := New(t.TempDir())
	require.NoError(t, store(t, m, "rec", "", sample()))
	// An interface parameter decodes into the upstream's output type.
	in := &runtime.InputContext{
		Upstream:    "rec",
		Type:        reflect.TypeFor[any](),
		UpstreamDef: &runtime.AssetDef{Key: "rec", OutputType: reflect.TypeFor[Record]()},
	}
	got, err := m.Load(in)
	require.NoError(t, err)
	assertSame(t, sample(), got)
}

func TestPartitions(t *testing.T) {
	m := New(t.TempDir())
	require.NoError(t, store(t, m, "daily", "2026-11-26", 1))
	require.NoError(t, store(t, m, "daily", "2026-11-27", 2))
	require.NoError(t, store(t, m, "daily", "", 3))
	for part, want := range map[string]int{"2026-11-26": 1, "2026-11-27": 2, "": 3} {
		got, err := load(m, "daily", part, reflect.TypeFor[int]())
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	p, err := m.Path("daily", "2026-11-26")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(m.Dir(), "daily", "partition=2026-11-26.json"), p)
	_, err = os.Stat(p)
	assert.NoError(t, err)
}

func TestEscapesRejected(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "data")
	m := New(dir)
	for _, key := range []runtime.Key{"../x", "..", "/etc/passwd", "a//b", "a/", "", "a\x00b", "a/../../x", `a\b`, "A"} {
		err := store(t, m, key, "", 1)
		require.Error(t, err, "%q", key)
		assert.Contains(t, err.Error(), "asset key", "%q", key)
		_, err = load(m, key, "", reflect.TypeFor[int]())
		assert.Error(t, err, "%q", key)
	}
	for _, part := range []string{"..", "../x", "a/b", "/abs", "a\x00", ".hidden", `a\b`, strings.Repeat("x", 256), strings.Repeat("x", 219), "a|..", "a||b", "2024-01-01|../x", "a|/etc"} {
		err := store(t, m, "ok", part, 1)
		require.Error(t, err, "%q", part)
		assert.Regexp(t, `invalid partition|partition key`, err.Error(), "%q", part)
		_, err = load(m, "ok", part, reflect.TypeFor[int]())
		assert.Error(t, err, "%q", part)
	}
	// Nothing was written anywhere.
	entries, err := os.ReadDir(base)
	require.NoError(t, err)
	for _, e := range entries {
		sub, _ := os.ReadDir(filepath.Join(base, e.Name()))
		assert.Empty(t, sub, e.Name())
	}
}

func TestSymlinkEscapeRejected(t *testing.T) {
	base := t.TempDir()
	outside := t.TempDir()
	dir := filepath.Join(base, "data")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	// A directory inside the base that links outside it: os.Root refuses
	// to follow it.
	require.NoError(t, os.Symlink(outside, filepath.Join(dir, "sales")))
	m := New(dir)
	err := store(t, m, "sales/orders", "", 1)
	require.Error(t, err)
	entries, _ := os.ReadDir(outside)
	assert.Empty(t, entries)
}

// halfMarshaler fails partway through encoding, after part of its
// container has been written.
type halfMarshaler struct{}

func (halfMarshaler) MarshalJSON() ([]byte, error) { return nil, errors.New("marshal failed midway") }

// setHook sets the store hook for the test.
func setHook(t *testing.T, f func(s stage, path string) error) {
	t.Cleanup(func() { hook = nil })
	hook = f
}

func tempFiles(t *testing.T, dir string) []string {
	var out []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			out = append(out, p)
		}
		return err
	}))
	return out
}

func TestFailedStoreKeepsPrevious(t *testing.T) {
	m := New(t.TempDir())
	require.NoError(t, store(t, m, "a", "", []any{"old"}))
	err := store(t, m, "a", "", []any{"new", halfMarshaler{}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "marshal failed midway")
	assert.Contains(t, err.Error(), "asset a")
	got, err := load(m, "a", "", reflect.TypeFor[[]any]())
	require.NoError(t, err)
	assert.Equal(t, []any{"old"}, got)
	assert.Empty(t, tempFiles(t, m.Dir()), "a failed store cleans up its temporary file")

	// Gob: an unencodable value fails before replacing anything, even
	// when the encoder panics.
	g := New(t.TempDir(), Gob())
	require.NoError(t, store(t, g, "a", "", []int{1}))
	require.Error(t, g.Store(&runtime.OutputContext{Key: "a"}, []func(){nil}))
	require.Error(t, g.Store(&runtime.OutputContext{Key: "a"}, []chan int{nil}))
	assert.Empty(t, tempFiles(t, g.Dir()))
	got, err = load(g, "a", "", reflect.TypeFor[[]int]())
	require.NoError(t, err)
	assert.Equal(t, []int{1}, got)
}

func TestCrashBeforeRenameKeepsPrevious(t *testing.T) {
	m := New(t.TempDir())
	require.NoError(t, store(t, m, "sales/a", "", "v1"))
	// Simulate a crash after the new bytes are written and synced to the
	// temporary file, before the rename: the process dies, leaving the
	// temporary file behind.
	setHook(t, func(s stage, tmp string) error {
		if s != stageStamped {
			return nil
		}
		// Truncate it, as a crash mid-write would leave it.
		require.NoError(t, os.Truncate(tmp, 2))
		return errors.New("crash")
	})
	err := store(t, m, "sales/a", "", "v2")
	hook = nil
	require.Error(t, err)
	left := tempFiles(t, m.Dir())
	require.Len(t, left, 1, "the simulated crash leaves its temporary file")

	// The leftover does not count as output: the previous value loads.
	got, err := load(m, "sales/a", "", reflect.TypeFor[string]())
	require.NoError(t, err)
	assert.Equal(t, "v1", got)
	// And a later store works and replaces it.
	require.NoError(t, store(t, m, "sales/a", "", "v3"))
	got, err = load(m, "sales/a", "", reflect.TypeFor[string]())
	require.NoError(t, err)
	assert.Equal(t, "v3", got)

	// A leftover alone is not a materialization either.
	require.NoError(t, os.WriteFile(filepath.Join(m.Dir(), ".b.json.tmp-0123456789"), []byte(`"x"`), 0o644))
	_, err = load(m, "b", "", reflect.TypeFor[string]())
	assert.ErrorContains(t, err, "asset b has no materialization")
}

func TestCanceledStoreKeepsPrevious(t *testing.T) {
	m := New(t.TempDir())
	require.NoError(t, store(t, m, "a", "", 1))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := m.Store(&runtime.OutputContext{Context: ctx, Key: "a"}, 2)
	assert.ErrorIs(t, err, context.Canceled)
	got, err := load(m, "a", "", reflect.TypeFor[int]())
	require.NoError(t, err)
	assert.Equal(t, 1, got)
}

func TestLoadErrors(t *testing.T) {
	m := New(filepath.Join(t.TempDir(), "missing"))
	_, err := load(m, "a", "", reflect.TypeFor[int]())
	assert.ErrorContains(t, err, "asset a has no materialization")
	require.NoError(t, store(t, m, "a", "", "not a number"))
	_, err = load(m, "a", "", reflect.TypeFor[int]())
	assert.ErrorContains(t, err, "asset a: decode")
	assert.ErrorContains(t, err, "into int")
}

func TestCheckType(t *testing.T) {
	j, g := New(""), New("", Gob())
	for _, ok := range []reflect.Type{
		reflect.TypeFor[Record](), reflect.TypeFor[[]*Record](), reflect.TypeFor[time.Time](),
		reflect.TypeFor[map[int]string](), reflect.TypeFor[any](),
	} {
		assert.NoError(t, j.CheckType(ok), ok)
		assert.NoError(t, g.CheckType(ok), ok)
	}
	type withFunc struct{ F func() }
	assert.EqualError(t, j.CheckType(reflect.TypeFor[[]withFunc]()), "func() values cannot be encoded (at [].F)")
	assert.Error(t, g.CheckType(reflect.TypeFor[chan int]()))
	assert.EqualError(t, j.CheckType(reflect.TypeFor[complex128]()), "JSON cannot encode complex numbers (complex128)")
	assert.NoError(t, g.CheckType(reflect.TypeFor[complex128]()))
	assert.Error(t, j.CheckType(reflect.TypeFor[map[[2]int]string]()))
	// JSON stores an io.Writer or an error field but can never load it back.
	assert.EqualError(t, j.CheckType(reflect.TypeFor[io.Writer]()), "JSON cannot load values of interface type io.Writer: store a concrete type, or use gob with gob.Register")
	type withErr struct{ Err error }
	assert.EqualError(t, j.CheckType(reflect.TypeFor[[]withErr]()), "JSON cannot load values of interface type error (at [].Err): store a concrete type, or use gob with gob.Register")
	assert.NoError(t, g.CheckType(reflect.TypeFor[io.Writer]()))
	type hidden struct{ x int }
	_ = hidden{x: 1}.x
	assert.Error(t, g.CheckType(reflect.TypeFor[hidden]()))
}

// TestMaterialize runs assets through the fs manager and checks the
// metadata and data version it reports.
func TestMaterialize(t *testing.T) {
	m := New(t.TempDir())
	people := &runtime.AssetDef{
		Key: "people", OutputType: reflect.TypeFor[[]Record](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return []Record{{ID: 1, Name: "Alice"}, {ID: 2, Name: "Bob"}}, nil
		},
	}
	count := &runtime.AssetDef{
		Key: "stats/count", OutputType: reflect.TypeFor[int](),
		Inputs: []runtime.Input{{Name: "people", Key: "people", Type: reflect.TypeFor[[]Record]()}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			p, err := runtime.Load[[]Record](ctx, in, 0)
			return len(p), err
		},
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{people, count}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
	var succ []runtime.Event
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{OnEvent: func(e runtime.Event) {
		if e.Type == runtime.StepSuccess {
			succ = append(succ, e)
		}
	}})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)

	path := filepath.Join(m.Dir(), "people.json")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	sum := sha256.Sum256(data)
	s := res.Step("people")
	assert.Equal(t, hex.EncodeToString(sum[:]), s.DataVersion)
	assert.Equal(t, path, s.Metadata["path"])
	assert.Equal(t, int64(len(data)), s.Metadata["size"])
	require.Len(t, succ, 2)
	assert.Equal(t, map[runtime.Key]string{"people": s.DataVersion}, succ[1].InputVersions)

	got, err := load(m, "stats/count", "", reflect.TypeFor[int]())
	require.NoError(t, err)
	assert.Equal(t, 2, got)
}

// TestParallelStores stores many assets at once, and a fan-in loads them
// all, under the race detector.
func TestParallelStores(t *testing.T) {
	m := New(t.TempDir(), Gob())
	var assets []*runtime.AssetDef
	var inputs []runtime.Input
	for i := range 16 {
		key := runtime.Key(fmt.Sprintf("part/p%d", i))
		assets = append(assets, &runtime.AssetDef{
			Key: key, OutputType: reflect.TypeFor[[]int](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []int{i, i * i}, nil },
		})
		inputs = append(inputs, runtime.Input{Name: key.Name(), Key: key, Type: reflect.TypeFor[[]int]()})
	}
	assets = append(assets, &runtime.AssetDef{
		Key: "total", OutputType: reflect.TypeFor[int](), Inputs: inputs,
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			total := 0
			for i := range inputs {
				v, err := runtime.Load[[]int](ctx, in, i)
				if err != nil {
					return nil, err
				}
				total += v[1]
			}
			return total, nil
		},
	})
	defs := &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: 8})
	require.NoError(t, err)
	require.True(t, res.OK(), "%+v", res.Steps)
	got, err := load(m, "total", "", reflect.TypeFor[int]())
	require.NoError(t, err)
	assert.Equal(t, 1240, got) // sum of i*i for i < 16
	assert.Empty(t, tempFiles(t, m.Dir()))
}

// A parameter may select some of its upstream's columns, named by db tags
// as the table I/O managers name them: the fs manager decodes the
// upstream's own rows and runtime.Load projects them, so a tagged column
// is not silently left empty (JSON and gob match Go field names only).
func TestMaterializeColumnSubset(t *testing.T) {
	type Person struct {
		ID    int64
		Alias string `db:"nick"`
		Email string
	}
	type Nick struct {
		Nick string `db:"nick"`
		ID   int64
	}
	for _, m := range []*Manager{New(t.TempDir()), New(t.TempDir(), Gob())} {
		people := &runtime.AssetDef{
			Key: "people", OutputType: reflect.TypeFor[[]Person](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
				return []Person{{1, "al", "a@x"}, {2, "bo", "b@x"}}, nil
			},
		}
		var got []Nick
		nicks := &runtime.AssetDef{
			Key:    "nicks",
			Inputs: []runtime.Input{{Name: "people", Key: "people", Type: reflect.TypeFor[[]Nick]()}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				var err error
				got, err = runtime.Load[[]Nick](ctx, in, 0)
				return nil, err
			},
		}
		defs := &runtime.Definitions{Assets: []*runtime.AssetDef{people, nicks}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
		res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
		require.NoError(t, err)
		require.True(t, res.OK(), "%+v", res.Steps)
		assert.Equal(t, []Nick{{"al", 1}, {"bo", 2}}, got, m.format.Ext)
	}
}

func TestStampOfChangedFile(t *testing.T) {
	ctx := context.Background()
	m := New(t.TempDir())
	require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, RunID: "r1", Key: "a"}, "v1"))
	st, ok, err := m.Stamp(ctx, "a", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "r1", st.RunID)
	assert.Equal(t, "17860995ca253954adcde4bc02188e505396df45a193f832d0a88a61e39bc777", st.DataVersion) // sha256sum of "v1"\n

	// The same bytes written again by other means: still r1's data.
	p, err := m.Path("a", "")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(p, []byte("\"v1\"\n"), 0o644))
	st, _, err = m.Stamp(ctx, "a", "")
	require.NoError(t, err)
	assert.Equal(t, "r1", st.RunID)

	// Other bytes: no run wrote them; the version is theirs.
	require.NoError(t, os.WriteFile(p, []byte("\"hand\"\n"), 0o644))
	st, ok, err = m.Stamp(ctx, "a", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "", st.RunID)
	assert.Equal(t, "f0205219b91fb329a0694406b48e2dfe235f6f3967adbdbd695c50a901c65243", st.DataVersion) // sha256sum of "hand"\n

	// A file stored before stamps were kept has none.
	require.NoError(t, os.Remove(filepath.Join(m.Dir(), ".a.json.stamp")))
	_, ok, err = m.Stamp(ctx, "a", "")
	require.NoError(t, err)
	assert.False(t, ok)
	_, ok, err = m.Stamp(ctx, "nothing", "")
	require.NoError(t, err)
	assert.False(t, ok)
}
