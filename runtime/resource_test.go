package runtime_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

type pool struct{ name string }
type client struct{ p *pool }

// journal records what providers and cleanups did, in order.
type journal struct {
	mu    sync.Mutex
	lines []string
}

func (j *journal) add(s string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.lines = append(j.lines, s)
}

// resourceDefs returns a pool provider and a client provider that needs
// the pool; failPool makes the pool's provider fail.
func resourceDefs(j *journal, failPool bool) (poolDef, clientDef func() *runtime.ResourceDef) {
	poolDef = func() *runtime.ResourceDef {
		return &runtime.ResourceDef{
			Type:   reflect.TypeFor[*pool](),
			Source: "pool.go:1",
			Build: func(ctx context.Context, r *runtime.Resources) (any, func() error, error) {
				if failPool {
					return nil, nil, errors.New("no pool")
				}
				j.add("open pool")
				return &pool{name: "p"}, func() error { j.add("close pool"); return nil }, nil
			},
		}
	}
	clientDef = func() *runtime.ResourceDef {
		return &runtime.ResourceDef{
			Type:   reflect.TypeFor[*client](),
			Needs:  []*runtime.ResourceDef{poolDef()},
			Source: "client.go:1",
			Build: func(ctx context.Context, r *runtime.Resources) (any, func() error, error) {
				p, err := runtime.Use[*pool](ctx, r, poolDef())
				if err != nil {
					return nil, nil, err
				}
				j.add("open client")
				return &client{p: p}, func() error { j.add("close client"); return errors.New("client close failed") }, nil
			},
		}
	}
	return poolDef, clientDef
}

// usesClient returns an asset taking the client.
func usesClient(key runtime.Key, clientDef func() *runtime.ResourceDef) *runtime.AssetDef {
	return &runtime.AssetDef{
		Key: key, OutputType: reflect.TypeFor[string](), Resources: []*runtime.ResourceDef{clientDef()},
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			c, err := runtime.Resource[*client](ctx)
			if err != nil {
				return nil, err
			}
			return string(ctx.Key) + "@" + c.p.name, nil
		},
	}
}

func TestResourcesBuiltOnceCleanedUpInReverse(t *testing.T) {
	var j journal
	_, clientDef := resourceDefs(&j, false)
	var assets []*runtime.AssetDef
	for _, k := range []runtime.Key{"a", "b", "c", "d", "e", "f"} {
		assets = append(assets, usesClient(k, clientDef))
	}
	defs := &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()}}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: 6})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("run failed: %+v", res.Steps)
	}
	// The failed cleanup of the client is logged; the pool is still closed.
	want := []string{"open pool", "open client", "close client", "close pool"}
	if !slices.Equal(j.lines, want) {
		t.Errorf("journal %q, want %q", j.lines, want)
	}
}

// TestExecutorResources runs steps on an Executor as a queue worker
// does: a step given no Resources builds and cleans up its own; steps
// given one Resources share what the first built, cleaned up by Close.
func TestExecutorResources(t *testing.T) {
	var j journal
	_, clientDef := resourceDefs(&j, false)
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{usesClient("a", clientDef), usesClient("b", clientDef)},
		IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()},
	}
	x, err := runtime.NewExecutor(defs)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if res := x.Execute(ctx, runtime.Step{Key: "a"}, runtime.Options{}); res.Status != runtime.StatusSuccess {
		t.Fatalf("step a alone: %v", res.Err)
	}
	want := []string{"open pool", "open client", "close client", "close pool"}
	if !slices.Equal(j.lines, want) {
		t.Errorf("a step alone: journal %q, want %q", j.lines, want)
	}
	j.lines = nil
	shared := new(runtime.Resources)
	for _, k := range []runtime.Key{"a", "b", "a"} {
		if res := x.Execute(ctx, runtime.Step{RunID: "r", Key: k}, runtime.Options{Resources: shared}); res.Status != runtime.StatusSuccess {
			t.Fatalf("step %s: %v", k, res.Err)
		}
	}
	if want := []string{"open pool", "open client"}; !slices.Equal(j.lines, want) {
		t.Errorf("steps sharing resources: journal %q, want %q (built once, not closed by the steps)", j.lines, want)
	}
	if err := shared.Close(); err == nil || !strings.Contains(err.Error(), "client close failed") {
		t.Errorf("Close: %v, want the client's cleanup error", err)
	}
	if want := []string{"open pool", "open client", "close client", "close pool"}; !slices.Equal(j.lines, want) {
		t.Errorf("after Close: journal %q, want %q", j.lines, want)
	}
}

func TestResourcesNotBuiltUnlessNeeded(t *testing.T) {
	var j journal
	_, clientDef := resourceDefs(&j, false)
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{usesClient("a", clientDef), intAsset("n", sum(1))},
		IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()},
	}
	if _, err := runtime.Materialize(context.Background(), defs, runtime.Options{Selection: []runtime.Key{"n"}}); err != nil {
		t.Fatal(err)
	}
	if len(j.lines) != 0 {
		t.Errorf("resources built for a run that needs none: %q", j.lines)
	}
}

func TestResourceProviderFails(t *testing.T) {
	var j journal
	_, clientDef := resourceDefs(&j, true)
	defs := &runtime.Definitions{
		Assets:     []*runtime.AssetDef{usesClient("a", clientDef), usesClient("b", clientDef)},
		IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()},
	}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.Steps {
		if s.Status != runtime.StatusFailed || s.Err == nil || !strings.Contains(s.Err.Error(), "resource *runtime_test.pool (provider at pool.go:1): no pool") {
			t.Errorf("step %s: %s %v", s.Key, s.Status, s.Err)
		}
	}
	if len(j.lines) != 0 {
		t.Errorf("journal %q, want nothing", j.lines)
	}
}

func TestResourcesValidate(t *testing.T) {
	var j journal
	poolDef, clientDef := resourceDefs(&j, false)
	other := poolDef()
	other.Source = "other.go:9"
	loop := &runtime.ResourceDef{Type: reflect.TypeFor[int](), Source: "loop.go:1", Build: func(context.Context, *runtime.Resources) (any, func() error, error) { return 1, nil, nil }}
	loop.Needs = []*runtime.ResourceDef{loop}
	a := usesClient("a", clientDef)
	a.Resources = append(a.Resources, other, loop)
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{a}, IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()}}
	err := defs.Validate()
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"two providers of resource *runtime_test.pool: at pool.go:1 and at other.go:9",
		"resource providers form a cycle: int -> int",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestAssettestResource(t *testing.T) {
	var j journal
	_, clientDef := resourceDefs(&j, false)
	res, err := assettest.Materialize(context.Background(), []*runtime.AssetDef{usesClient("a", clientDef)},
		assettest.Resource(&client{p: &pool{name: "fake"}}))
	if err != nil {
		t.Fatal(err)
	}
	got, err := assettest.Output[string](res, "a")
	if err != nil || got != "a@fake" {
		t.Errorf("a = %q, %v; want a@fake", got, err)
	}
	if len(j.lines) != 0 {
		t.Errorf("a provider ran for a replaced resource: %q", j.lines)
	}
}
