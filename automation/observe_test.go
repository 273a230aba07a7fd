package automation

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// TestObserveEager: the daemon observes an external asset at each tick;
// a new data version counts as an update, so its eager reader runs again,
// and an unchanged one does not.
func TestObserveEager(t *testing.T) {
	var mu sync.Mutex
	version := ""
	landed := &runtime.AssetDef{Key: "landed", OutputType: reflect.TypeFor[int](), Observe: func(context.Context) (runtime.Observation, error) {
		mu.Lock()
		defer mu.Unlock()
		return runtime.Observation{DataVersion: version}, nil
	}}
	report := asset("report", nil, "landed")
	h := newHarness(t, mustTime(t, "2026-02-01T00:00:00Z"), []*runtime.AssetDef{landed, report})
	h.defs.IOManagers[runtime.DefaultIOManager].(*memory.Manager).Set("landed", "", 41)
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"report": Eager()}}, 0)
	set := func(v string) {
		mu.Lock()
		version = v
		mu.Unlock()
	}

	assert.Empty(t, h.tick(), "nothing has landed: report waits for its upstream")
	h.clock.Advance(time.Hour)
	set("v1")
	assert.Equal(t, []string{"report"}, partsOf(h.tick()), "landed observed: report runs")
	h.clock.Advance(time.Hour)
	assert.Empty(t, h.tick(), "the same version: no update")
	h.clock.Advance(time.Hour)
	set("v2")
	assert.Equal(t, []string{"report"}, partsOf(h.tick()), "a new version: report runs again")
	out := h.out.String()
	assert.Equal(t, 2, strings.Count(out, "observed landed: data version"), out)
	assert.Contains(t, out, "2026-02-01T03:00:00Z observed landed: data version v2 (run ")
}

func TestObserveInterval(t *testing.T) {
	calls := 0
	landed := &runtime.AssetDef{Key: "landed", OutputType: reflect.TypeFor[int](), Observe: func(context.Context) (runtime.Observation, error) {
		calls++
		return runtime.Observation{DataVersion: "v"}, nil
	}}
	h := newHarness(t, mustTime(t, "2026-02-01T00:00:00Z"), []*runtime.AssetDef{landed, asset("report", nil, "landed")})
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"report": Eager()}, ObserveInterval: 2 * time.Hour}, 0)
	h.until(mustTime(t, "2026-02-01T05:00:00Z"), time.Hour)
	assert.Equal(t, 3, calls, "at 00:00, 02:00 and 04:00")

	_, err := New(Definitions{Conditions: map[runtime.Key]Condition{"landed": Eager()}}, Options{Assets: h.defs.Assets, Log: h.log})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "condition of landed: the asset is external: it is observed at each tick, never materialized")
}
