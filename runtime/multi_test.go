package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// multiAssets returns the outputs "a" and "b" of one multi-asset, reading
// asset "src", and downstream assets "da" and "db" of each; calls counts
// the calls of the function, which returns src+1 and src+2, leaving an
// output that is not selected zero when canSubset. A non-nil err fails it.
func multiAssets(calls *atomic.Int32, canSubset bool, err error) []*runtime.AssetDef {
	m := &runtime.Multi{Name: "Split", Keys: []runtime.Key{"a", "b"}, CanSubset: canSubset}
	m.Compute = func(ctx *runtime.Context, in runtime.Inputs) ([]any, error) {
		calls.Add(1)
		src, lerr := runtime.Load[int](ctx, in, 0)
		if lerr != nil {
			return nil, lerr
		}
		if err != nil {
			return nil, err
		}
		var a, b int
		if ctx.Selected("a") {
			a = src + 1
		}
		if ctx.Selected("b") {
			b = src + 2
		}
		return []any{a, b}, nil
	}
	in := []runtime.Input{{Name: "src", Key: "src", Type: reflect.TypeFor[int]()}}
	return []*runtime.AssetDef{
		intAsset("src", sum(10)),
		{Key: "a", OutputType: reflect.TypeFor[int](), Inputs: in, Multi: m},
		{Key: "b", OutputType: reflect.TypeFor[int](), Inputs: in, Multi: m},
		intAsset("da", sum(0), "a"),
		intAsset("db", sum(0), "b"),
	}
}

func TestMultiOneCall(t *testing.T) {
	for _, conc := range []int{1, 4} {
		var calls atomic.Int32
		mem := memory.New()
		res, err := runtime.Materialize(context.Background(), defsOf(mem, multiAssets(&calls, true, nil)...), runtime.Options{Concurrency: conc})
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK() {
			t.Fatalf("concurrency %d: %+v", conc, res.Steps)
		}
		if n := calls.Load(); n != 1 {
			t.Errorf("concurrency %d: the function ran %d times, want 1", conc, n)
		}
		for k, want := range map[runtime.Key]int{"a": 11, "b": 12, "da": 11, "db": 12} {
			if got, _ := mem.Value(k, ""); got != want {
				t.Errorf("concurrency %d: %s = %v, want %d", conc, k, got, want)
			}
		}
	}
}

func TestMultiSubset(t *testing.T) {
	for _, canSubset := range []bool{true, false} {
		var calls atomic.Int32
		mem := memory.New()
		defs := defsOf(mem, multiAssets(&calls, canSubset, nil)...)
		res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"src", "b"}})
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK() || len(res.Steps) != 2 {
			t.Fatalf("can_subset %v: %+v", canSubset, res.Steps)
		}
		if n := calls.Load(); n != 1 {
			t.Errorf("can_subset %v: the function ran %d times, want 1", canSubset, n)
		}
		if got, _ := mem.Value("b", ""); got != 12 {
			t.Errorf("can_subset %v: b = %v, want 12", canSubset, got)
		}
		if got, ok := mem.Value("a", ""); ok {
			t.Errorf("can_subset %v: a, not selected, was stored: %v", canSubset, got)
		}
	}
}

func TestMultiFailure(t *testing.T) {
	var calls atomic.Int32
	boom := errors.New("boom")
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), multiAssets(&calls, false, boom)...), runtime.Options{Concurrency: 2})
	if err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the function ran %d times, want 1", n)
	}
	var got []string
	for _, s := range res.Steps {
		got = append(got, string(s.Key)+":"+s.Status.String())
		if s.Key == "a" || s.Key == "b" {
			if !errors.Is(s.Err, boom) {
				t.Errorf("step %s: err %v, want boom", s.Key, s.Err)
			}
		}
	}
	slices.Sort(got)
	want := []string{"a:failed", "b:failed", "da:skipped", "db:skipped", "src:success"}
	if !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
}

func TestMultiValidate(t *testing.T) {
	var calls atomic.Int32
	assets := multiAssets(&calls, false, nil)
	assets[1].Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil }
	assets[2].Key = "c"
	assets = append(assets, &runtime.AssetDef{Key: "d", OutputType: reflect.TypeFor[int](), Multi: &runtime.Multi{Name: "Other", Keys: []runtime.Key{"d", "e"}, Compute: assets[1].Multi.Compute}},
		&runtime.AssetDef{Key: "e", OutputType: reflect.TypeFor[int](), Deps: []runtime.Key{"src"}})
	assets[len(assets)-1].Multi = assets[len(assets)-2].Multi
	err := defsOf(memory.New(), assets...).Validate()
	if err == nil {
		t.Fatal("Validate passed")
	}
	for _, want := range []string{
		"asset a: an output of multi-asset Split has a Compute function of its own",
		"asset c: not among the Keys of its multi-asset Split (a, b)",
		"asset d: its inputs, deps, partitions or backfill differ from those of e, another output of multi-asset Other; the outputs share one call",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

// TestMultiExecutor: a step run alone, as a queue worker runs it, calls
// the function for its own output, which is all it selects and stores.
func TestMultiExecutor(t *testing.T) {
	var calls atomic.Int32
	mem := memory.New()
	mem.Set("src", "", 10)
	x, err := runtime.NewExecutor(defsOf(mem, multiAssets(&calls, true, nil)...))
	if err != nil {
		t.Fatal(err)
	}
	res := x.Execute(context.Background(), runtime.Step{RunID: "r", Key: "b"}, runtime.Options{})
	if res.Status != runtime.StatusSuccess {
		t.Fatalf("step b: %v %v", res.Status, res.Err)
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the function ran %d times, want 1", n)
	}
	if got, _ := mem.Value("b", ""); got != 12 {
		t.Errorf("b = %v, want 12", got)
	}
	if got, ok := mem.Value("a", ""); ok {
		t.Errorf("a, not the step's, was stored: %v", got)
	}
}

// TestMultiRetry: the steps of the outputs share a call per attempt, so
// a function failing once is called twice, whatever the concurrency, and
// every output succeeds on its retry.
func TestMultiRetry(t *testing.T) {
	for _, conc := range []int{1, 2} {
		var calls atomic.Int32
		assets := multiAssets(&calls, false, nil)
		m := assets[1].Multi
		compute := m.Compute
		m.Compute = func(ctx *runtime.Context, in runtime.Inputs) ([]any, error) {
			if ctx.Attempt == 1 {
				calls.Add(1)
				return nil, errors.New("flaky")
			}
			return compute(ctx, in)
		}
		assets[1].Retries, assets[2].Retries = 1, 1
		mem := memory.New()
		res, err := runtime.Materialize(context.Background(), defsOf(mem, assets...), runtime.Options{Concurrency: conc})
		if err != nil {
			t.Fatal(err)
		}
		if !res.OK() {
			t.Fatalf("concurrency %d: %+v", conc, res.Steps)
		}
		if n := calls.Load(); n != 2 {
			t.Errorf("concurrency %d: the function ran %d times, want 2 (one per attempt)", conc, n)
		}
		if got, _ := mem.Value("b", ""); got != 12 {
			t.Errorf("concurrency %d: b = %v, want 12", conc, got)
		}
	}
}

// TestMultiPanic: a panic in the function fails every output's step with
// a *PanicError; none waits forever.
func TestMultiPanic(t *testing.T) {
	var calls atomic.Int32
	assets := multiAssets(&calls, false, nil)
	assets[1].Multi.Compute = func(*runtime.Context, runtime.Inputs) ([]any, error) { panic("boom") }
	res, err := runtime.Materialize(context.Background(), defsOf(memory.New(), assets...), runtime.Options{Concurrency: 4})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []runtime.Key{"a", "b"} {
		st := res.Step(k)
		if _, ok := errors.AsType[*runtime.PanicError](st.Err); st.Status != runtime.StatusFailed || !ok {
			t.Errorf("step %s: %v %v, want failed with a PanicError", k, st.Status, st.Err)
		}
	}
}

// BenchmarkMulti runs 1,000 multi-assets of two int outputs each, and,
// side by side, the same 2,000 outputs as plain assets: what sharing a
// call costs per output over a step of its own.
func BenchmarkMulti(b *testing.B) {
	const n = 1000
	var multi, plain []*runtime.AssetDef
	for i := range n {
		a, c := runtime.Key(fmt.Sprintf("a%d", i)), runtime.Key(fmt.Sprintf("b%d", i))
		m := &runtime.Multi{Name: "Pair", Keys: []runtime.Key{a, c}, Compute: func(*runtime.Context, runtime.Inputs) ([]any, error) {
			return []any{i, i + 1}, nil
		}}
		multi = append(multi, &runtime.AssetDef{Key: a, OutputType: reflect.TypeFor[int](), Multi: m},
			&runtime.AssetDef{Key: c, OutputType: reflect.TypeFor[int](), Multi: m})
		plain = append(plain, intAsset(a, sum(i)), intAsset(c, sum(i+1)))
	}
	for _, c := range []struct {
		name   string
		assets []*runtime.AssetDef
	}{{"multi", multi}, {"plain", plain}} {
		b.Run(c.name, func(b *testing.B) {
			defs := defsOf(memory.New(), c.assets...)
			b.ReportAllocs()
			for b.Loop() {
				res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
				if err != nil || !res.OK() {
					b.Fatalf("run failed: %v", err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(2*n), "ns/output")
		})
	}
}

// TestMultiSelectedTypo: Selected of a name that is none of the outputs
// (a typo) fails the step, naming the function, the name and the outputs,
// rather than store the output it left empty.
func TestMultiSelectedTypo(t *testing.T) {
	m := &runtime.Multi{Name: "Split", Keys: []runtime.Key{"left", "right"}, CanSubset: true}
	m.Compute = func(ctx *runtime.Context, in runtime.Inputs) ([]any, error) {
		var l, r int
		if ctx.Selected("lefft") {
			l = 1
		}
		if ctx.Selected("right") {
			r = 2
		}
		return []any{l, r}, nil
	}
	mem := memory.New()
	defs := defsOf(mem,
		&runtime.AssetDef{Key: "left", OutputType: reflect.TypeFor[int](), Multi: m},
		&runtime.AssetDef{Key: "right", OutputType: reflect.TypeFor[int](), Multi: m})
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK() {
		t.Fatal("the run succeeded")
	}
	for _, s := range res.Steps {
		if s.Err == nil {
			t.Errorf("step %s succeeded", s.Key)
			continue
		}
		want := `multi-asset Split: Selected("lefft") names none of its outputs (left, right) (did you mean "left"?)`
		if !strings.Contains(s.Err.Error(), want) {
			t.Errorf("step %s: %v, want it to contain %s", s.Key, s.Err, want)
		}
	}
	if _, ok := mem.Value("left", ""); ok {
		t.Error("left was stored")
	}
}
