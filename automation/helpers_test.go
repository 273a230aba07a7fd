package automation

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

// asset returns an int asset that adds one to the sum of its inputs.
func asset(key runtime.Key, parts partition.Definition, inputs ...runtime.Key) *runtime.AssetDef {
	def := &runtime.AssetDef{Key: key, OutputType: reflect.TypeFor[int](), Partitions: parts}
	for _, k := range inputs {
		def.Inputs = append(def.Inputs, runtime.Input{Name: k.Name(), Key: k, Type: reflect.TypeFor[int]()})
	}
	def.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
		s := 1
		for i := range def.Inputs {
			v, err := runtime.Load[int](ctx, in, i)
			if err != nil {
				return nil, err
			}
			s += v
		}
		return s, nil
	}
	return def
}

// harness is a daemon on a fake clock and a real SQLite history, whose
// runs really materialize the assets, recorded at the fake clock's time.
type harness struct {
	t     *testing.T
	home  string
	log   history.Log
	clock *FakeClock
	defs  *runtime.Definitions
	d     *Daemon
	out   *syncBuffer

	mu   sync.Mutex
	runs []Run
	gate chan struct{} // when set, runs wait for it to close
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newHarness(t *testing.T, start time.Time, assets []*runtime.AssetDef) *harness {
	t.Helper()
	h := &harness{t: t, home: t.TempDir(), clock: NewFakeClock(start), out: &syncBuffer{},
		defs: &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}}
	h.log = h.open()
	return h
}

func (h *harness) open() history.Log {
	h.t.Helper()
	log, err := history.OpenSQLite(context.Background(), h.home)
	if err != nil {
		h.t.Fatal(err)
	}
	h.t.Cleanup(func() { log.Close() })
	return log
}

// daemon makes h's daemon of defs; it fails the test on error.
func (h *harness) daemon(defs Definitions, maxRuns int) *Daemon {
	h.t.Helper()
	d, err := New(defs, Options{Assets: h.defs.Assets, IOManagers: h.defs.IOManagers, Log: h.log, Launch: h.launch, Clock: h.clock, Out: h.out, MaxRuns: maxRuns})
	if err != nil {
		h.t.Fatal(err)
	}
	h.d = d
	return d
}

// launch materializes r, recorded in the history at the clock's time.
func (h *harness) launch(ctx context.Context, r Run) error {
	h.mu.Lock()
	h.runs = append(h.runs, r)
	gate := h.gate
	h.mu.Unlock()
	if gate != nil {
		<-gate
	}
	return h.materialize(ctx, r.ID, r.Keys, r.Partitions)
}

func (h *harness) materialize(ctx context.Context, id string, keys []runtime.Key, parts []string) error {
	env := history.Env(ctx, h.log)
	env.Now = h.clock.Now()
	opts := runtime.Options{RunID: id, Selection: keys, Partitions: runtime.Partitions{Keys: parts}, Env: env}
	rec, err := history.Record(ctx, h.log, &opts, nil)
	if err != nil {
		return err
	}
	next := opts.OnEvent
	opts.OnEvent = func(ev runtime.Event) {
		ev.Time = h.clock.Now()
		next(ev)
	}
	_, err = runtime.Materialize(ctx, h.defs, opts)
	if cerr := rec.Close(); err == nil {
		err = cerr
	}
	return err
}

// tick ticks the daemon and waits for its runs; it returns the runs
// launched.
func (h *harness) tick() []Run {
	h.t.Helper()
	h.mu.Lock()
	n := len(h.runs)
	h.mu.Unlock()
	if err := h.d.Tick(context.Background()); err != nil {
		h.t.Fatalf("tick at %s: %v", h.clock.Now(), err)
	}
	h.d.Wait()
	h.mu.Lock()
	defer h.mu.Unlock()
	runs := slices.Clone(h.runs[n:])
	// Launched on goroutines: in the order of their ticks, then keys.
	slices.SortStableFunc(runs, func(a, b Run) int {
		ta, _ := time.Parse(time.RFC3339, a.Tags["schedule_tick"])
		tb, _ := time.Parse(time.RFC3339, b.Tags["schedule_tick"])
		if c := ta.Compare(tb); c != 0 {
			return c
		}
		return strings.Compare(partsOf([]Run{a})[0], partsOf([]Run{b})[0])
	})
	return runs
}

// until ticks every step until the clock reaches end and returns the
// runs launched.
func (h *harness) until(end time.Time, step time.Duration) []Run {
	h.t.Helper()
	var runs []Run
	for !h.clock.Now().After(end) {
		runs = append(runs, h.tick()...)
		h.clock.Advance(step)
	}
	return runs
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// ticksOf returns the schedule ticks of runs, in UTC RFC 3339.
func ticksOf(runs []Run) []string {
	var out []string
	for _, r := range runs {
		out = append(out, r.Tags["schedule_tick"])
	}
	return out
}

// partsOf returns "key[partitions]" of each run.
func partsOf(runs []Run) []string {
	var out []string
	for _, r := range runs {
		s := ""
		for i, k := range r.Keys {
			if i > 0 {
				s += ","
			}
			s += string(k)
		}
		if len(r.Partitions) > 0 {
			s += "["
			for i, p := range r.Partitions {
				if i > 0 {
					s += ","
				}
				s += p
			}
			s += "]"
		}
		out = append(out, s)
	}
	return out
}
