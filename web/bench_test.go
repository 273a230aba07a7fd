package web_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/web"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// The benchmarks serve 10,000 assets with 1,000 runs in a SQLite history
// (one run of every asset, 999 of ten assets each, one in ten of them
// failed):
//
//	go test ./web -run '^$' -bench . -benchtime 20x
//
// BenchmarkAPI times each API response; BenchmarkBrowser the time from
// navigation to an interactive page in Chromium (ms/page): the catalog
// once its table is laid out, the lineage graph once drawn.

const (
	benchAssets = 10_000
	benchRuns   = 1_000
	benchLayer  = 500 // assets per layer
	benchGroups = 50
)

// bigDefs returns benchAssets assets in layers of benchLayer, each taking
// two assets of the layer before as inputs and, one in ten, a third as a
// deps= edge, in benchGroups groups.
func bigDefs() *runtime.Definitions {
	rng := rand.New(rand.NewPCG(1, 2))
	defs := &runtime.Definitions{}
	for i := range benchAssets {
		d := &runtime.AssetDef{
			Key:         runtime.Key(fmt.Sprintf("layer%02d/asset_%05d", i/benchLayer, i)),
			Group:       fmt.Sprintf("group_%02d", (i/10)%benchGroups),
			Kinds:       []string{"go"},
			Description: fmt.Sprintf("Asset %d of the benchmark.", i),
			CodeVersion: "v1",
		}
		if layer := i / benchLayer; layer > 0 {
			for range 2 {
				j := (layer-1)*benchLayer + rng.IntN(benchLayer)
				d.Inputs = append(d.Inputs, runtime.Input{Name: fmt.Sprint("in", j), Key: defs.Assets[j].Key})
			}
			if i%10 == 0 {
				d.Deps = []runtime.Key{defs.Assets[(layer-1)*benchLayer+rng.IntN(benchLayer)].Key}
			}
		}
		defs.Assets = append(defs.Assets, d)
	}
	return defs
}

// bigServer returns a server of bigDefs over a history of benchRuns runs.
func bigServer(b *testing.B) (*httptest.Server, string) {
	b.Helper()
	ctx := context.Background()
	log, err := history.Open(ctx, b.TempDir())
	require.NoError(b, err)
	b.Cleanup(func() { log.Close() })
	defs := bigDefs()
	rec := history.NewRecorder(log, nil)
	t := time.Now().Add(-time.Hour)
	tick := func() time.Time { t = t.Add(time.Millisecond); return t }
	play := func(id string, keys []runtime.Key) {
		rec.OnEvent(runtime.Event{Type: runtime.RunStart, RunID: id, Keys: keys, Time: tick()})
		for n, k := range keys {
			rec.OnEvent(runtime.Event{Type: runtime.StepStart, RunID: id, Key: k, Attempt: 1, Time: tick(), CodeVersion: "v1"})
			e := runtime.Event{Type: runtime.StepSuccess, RunID: id, Key: k, Attempt: 1, Time: tick(), Duration: time.Millisecond,
				CodeVersion: "v1", Metadata: runtime.Metadata{"rows": 100}}
			if n == 0 && strings.HasSuffix(id, "7") {
				e.Type, e.Err, e.Metadata = runtime.StepFailure, errors.New("boom"), nil // one run in ten fails
			}
			rec.OnEvent(e)
		}
		rec.OnEvent(runtime.Event{Type: runtime.RunEnd, RunID: id, Time: tick()})
	}
	all := make([]runtime.Key, len(defs.Assets))
	for i, d := range defs.Assets {
		all[i] = d.Key
	}
	play("run-0000", all)
	last := ""
	for r := 1; r < benchRuns; r++ {
		last = fmt.Sprintf("run-%04d", r)
		play(last, all[(r*10)%benchAssets:(r*10)%benchAssets+10])
	}
	require.NoError(b, rec.Close())
	srv, err := web.New(web.Options{Defs: defs, Log: log})
	require.NoError(b, err)
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)
	return ts, last
}

func BenchmarkAPI(b *testing.B) {
	ts, run := bigServer(b)
	start := time.Now()
	get(b, ts.URL+"/api/graph")
	b.Logf("the first /api/graph, which lays out all %d assets: %v", benchAssets, time.Since(start).Round(time.Millisecond))
	for _, c := range []struct{ name, path string }{
		{"assets", "/api/assets"},
		{"assets_select", "/api/assets?select=%2Blayer05%2Fasset_02600"},
		{"asset", "/api/assets/layer10/asset_05000"},
		{"graph", "/api/graph"},
		{"graph_select", "/api/graph?select=%2Blayer05%2Fasset_02600%2B"},
		{"runs", "/api/runs"},
		{"runs_failed", "/api/runs?status=failed"},
		{"run", "/api/runs/" + run},
		{"logs", "/api/runs/" + run + "/logs"},
		{"catalog_page", "/"},
		{"run_page", "/runs/" + run},
	} {
		b.Run(c.name, func(b *testing.B) {
			get(b, ts.URL+c.path) // layouts are computed once per selection
			var size int64
			for b.Loop() {
				size = get(b, ts.URL+c.path)
			}
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}

func get(b *testing.B, url string) int64 {
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return n
}

func BenchmarkBrowser(b *testing.B) {
	ts, _ := bigServer(b)
	ctx := browser(b)
	get(b, ts.URL+"/api/graph") // the layout, computed at the first request
	for _, c := range []struct{ name, path, ready string }{
		// The catalog is ready once the browser has laid out the page and
		// painted it (the next animation frame after load).
		{"catalog", "/", `new Promise(r => { const f = () => requestAnimationFrame(() => r(performance.now())); document.readyState === "complete" ? f() : addEventListener("load", f); })`},
		// The graph, once drawn (graph.js sets data-ready).
		{"lineage", "/lineage", `new Promise(r => { const f = () => { const v = document.getElementById("graph").dataset.ready; v ? r(Number(v)) : setTimeout(f, 5); }; f(); })`},
	} {
		b.Run(c.name, func(b *testing.B) {
			var total float64
			for b.Loop() {
				if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(ts.URL+c.path)); err != nil {
					b.Fatal(err)
				}
				ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](c.ready, chromedp.EvalAwaitPromise))
				if err != nil {
					b.Fatal(err)
				}
				total += ms
			}
			b.ReportMetric(total/float64(b.N), "ms/page")
		})
	}
}

// BenchmarkPartitions serves an asset of 100,000 daily partitions, all
// recorded (one in a thousand failed), and times the API and the pages
// that show them: the catalog with its health bar, a page of partition
// groups (the first, and the failed ones, which are scattered), the
// asset page. The first request computes the states (logged); the others
// reuse them, as every request does while the history is unchanged.
func BenchmarkPartitions(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -n) // in 1746
	daily := partition.Daily(start.Format(time.DateOnly), partition.End("2020-01-01"))
	keys, err := daily.Resolve(partition.Env{Now: time.Now()})
	require.NoError(b, err)
	require.Equal(b, n, keys.Len())
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{{Key: "events", Partitions: daily}}}
	log, err := history.Open(ctx, b.TempDir())
	require.NoError(b, err)
	b.Cleanup(func() { log.Close() })
	rec := history.NewRecorder(log, nil)
	t := time.Now().Add(-time.Hour)
	ev := func(e runtime.Event) {
		t = t.Add(time.Microsecond)
		e.RunID, e.Time = "backfill", t
		rec.OnEvent(e)
	}
	ev(runtime.Event{Type: runtime.RunStart, Keys: []runtime.Key{"events"}})
	for i := range n {
		e := runtime.Event{Type: runtime.StepSuccess, Key: "events", Partition: keys.Key(i), Partitions: keys.Span(i, i+1), Attempt: 1, DataVersion: "v"}
		if i%1000 == 999 {
			e.Type, e.Err = runtime.StepFailure, errors.New("boom")
		}
		ev(e)
	}
	ev(runtime.Event{Type: runtime.RunEnd})
	require.NoError(b, rec.Close())
	srv, err := web.New(web.Options{Defs: defs, Log: log})
	require.NoError(b, err)
	ts := httptest.NewServer(srv)
	b.Cleanup(ts.Close)

	t0 := time.Now()
	get(b, ts.URL+"/api/assets")
	b.Logf("the first /api/assets, which computes the states of %d partitions: %v", n, time.Since(t0).Round(time.Millisecond))
	for _, c := range []struct{ name, path string }{
		{"assets", "/api/assets"},
		{"partitions", "/api/partitions/events"},
		{"partitions_failed", "/api/partitions/events?status=failed"},
		{"partitions_last_page", "/api/partitions/events?from=99000"},
		{"catalog_page", "/"},
		{"asset_page", "/assets/events"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var size int64
			for b.Loop() {
				size = get(b, ts.URL+c.path)
			}
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}
