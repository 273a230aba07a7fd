package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/assetgen/assetgen/web/internal/testpipeline"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// patience bounds each wait for the page. It is generous on purpose: the
// tests assert what the page shows, never how fast, and a shared 2-core
// machine can be slow to start a run or render a page.
const patience = 2 * time.Minute

// The browser tests drive Debian's chromium (apt-get install chromium;
// .ci/run installs it) with chromedp. Without it they fail, saying so,
// unless ASSETGEN_NO_BROWSER=1 skips them on purpose (CI never sets it).

// chromiumPath returns the browser to drive: $ASSETGEN_CHROMIUM, or
// chromium on the PATH.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if os.Getenv("ASSETGEN_NO_BROWSER") == "1" {
		t.Skip("ASSETGEN_NO_BROWSER=1: the browser tests are skipped")
	}
	if p := os.Getenv("ASSETGEN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("the browser tests need Chromium: apt-get install chromium (or set ASSETGEN_CHROMIUM to a Chrome or Chromium binary; ASSETGEN_NO_BROWSER=1 skips them)")
	return ""
}

// browser returns a chromedp context on a new headless Chromium that
// reaches nothing but this machine.
func browser(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	require.NoError(t, chromedp.Do(ctx), "starting chromium")
	ctx, cancelT := context.WithTimeout(ctx, 10*time.Minute)
	t.Cleanup(cancelT)
	return ctx
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildOut  []byte
)

// pipelineBinary builds the test pipeline once per test binary.
func pipelineBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "webtest")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "pipeline")
		buildOut, buildErr = exec.Command("go", "build", "-o", builtBin, "./testdata/pipeline").CombinedOutput()
	})
	require.NoError(t, buildErr, "go build ./testdata/pipeline:\n%s", buildOut)
	return builtBin
}

// serveBinary starts 'pipeline serve' of the built test pipeline on a
// free port and returns its address; cleanup sends SIGINT and checks
// that it exits 0.
func serveBinary(t testing.TB, env ...string) string {
	t.Helper()
	bin := pipelineBinary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append([]string{"ASSETGEN_HOME=" + filepath.Join(dir, ".assetgen"), "PIPELINE_DATA=" + filepath.Join(dir, "data")}, env...)...)
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		t.Fatalf("serve printed no address: %v\n%s", err, stderr)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve after SIGINT: %v\n%s", err, stderr)
			}
		case <-time.After(patience):
			cmd.Process.Kill()
			t.Errorf("serve did not stop within 20s of SIGINT\n%s", stderr)
		}
	})
	return strings.TrimSuffix(strings.TrimSpace(line), "/")
}

// shoot saves a screenshot of the page under the test's temporary
// directory, and logs where; also in $ASSETGEN_SCREENSHOTS, when set (to
// keep them: the temporary directory goes with the test).
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := run(t, ctx, chromedp.FullScreenshot(100))
	path := filepath.Join(t.TempDir(), name+".png")
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot: %s", path)
	if dir := os.Getenv("ASSETGEN_SCREENSHOTS"); dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
	}
}

// run runs a, failing the test on an error.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

// do runs the steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, steps...))
}

// wait polls the page until expr is true, also across a navigation
// (whose old page's context goes away under the poll).
func wait(expr string, timeout time.Duration) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(timeout)
		for {
			ok, err := chromedp.Evaluate[bool](expr)(ctx, t)
			if err == nil && ok {
				return chromedp.Void{}, nil
			}
			if time.Now().After(deadline) {
				return chromedp.Void{}, fmt.Errorf("waiting %v for %s: last %v, %v", timeout, expr, ok, err)
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
}

// TestBrowser is a user's visit: the catalog, a filter, an asset, a
// launch followed live to its success, the run's log lines, the graph.
func TestBrowser(t *testing.T) {
	// slow runs until the test opens its gate, so the page is seen
	// following a running run however slow the machine is.
	gate := filepath.Join(t.TempDir(), "gate")
	base := serveBinary(t, "PIPELINE_GATE="+gate)
	ctx := browser(t)

	// The catalog: every asset, never materialized.
	do(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`table.assets`)))
	assert.Equal(t, 5, run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.assets tbody tr").length`)))
	shoot(t, ctx, "catalog")

	// A filter with the selection syntax, then a bad one, which points
	// at its column.
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#select`), "+orders"),
		chromedp.Submit(chromedp.CSS(`#select`)),
		wait(`location.search.includes("select=%2Borders")`, patience),
		chromedp.WaitVisible(chromedp.CSS(`#summary`)),
	)
	keys := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("table.assets tbody tr")].map(r => r.dataset.key)`))
	assert.ElementsMatch(t, []string{"raw/orders", "orders"}, keys)
	do(t, ctx, chromedp.Navigate(base+"/?select=orders+and+(raw"))
	msg := run(t, ctx, chromedp.Text(chromedp.CSS(`.selerr`)))
	assert.Contains(t, msg, `column 16: unexpected end of expression, want ")" to close the "(" at column 12`)

	// An asset's page, from the catalog.
	do(t, ctx,
		chromedp.Navigate(base+"/?select=orders"),
		chromedp.Click(chromedp.CSS(`a[href="/assets/orders"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#materialize`)),
	)
	assert.Contains(t, run(t, ctx, chromedp.Text(chromedp.CSS(`h1`))), "orders")
	shoot(t, ctx, "asset")

	// Materialize everything downstream of raw/orders: the plan, then
	// the launch, then the run page following the run live.
	do(t, ctx, chromedp.Navigate(base+"/launch?select="+escapeQuery("raw/orders+")), chromedp.WaitVisible(chromedp.CSS(`#plan`)))
	plan := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#plan tbody tr td:nth-child(2)")].map(td => td.textContent)`))
	require.Len(t, plan, 4)
	assert.Equal(t, []string{"raw/orders", "orders"}, plan[:2])
	assert.ElementsMatch(t, []string{"report", "slow"}, plan[2:])
	shoot(t, ctx, "launch")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#launch`)),
		chromedp.WaitVisible(chromedp.CSS(`#gantt`)),
		// The page shows the run running first...
		wait(`document.getElementById("run-status").textContent === "running"`, patience),
		wait(`[...document.querySelectorAll("#logs td.msg")].some(td => td.textContent.startsWith("still working"))`, patience),
	)
	require.NoError(t, os.WriteFile(gate, nil, 0o644))
	// ...then its success, without a reload.
	do(t, ctx, wait(`document.body.dataset.ended === "true"`, patience))
	assert.Equal(t, "success", run(t, ctx, chromedp.Text(chromedp.CSS(`#run-status`))))
	assert.Equal(t, true, run(t, ctx, chromedp.Evaluate[bool](`document.getElementById("live").hidden`)), "the page still follows the ended run")
	assert.Equal(t, 4, run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#gantt rect").length`)), "one bar per step")
	logLines := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#logs tbody tr")].map(r => r.textContent)`))
	assert.True(t, containsLine(logLines, "raw/orders", "fetched orders", "count=3"), "log lines: %q", logLines)
	assert.True(t, containsLine(logLines, "slow", "slow done"), "log lines: %q", logLines)
	shoot(t, ctx, "run")

	// Reopened, the run page shows its log lines from the history; the
	// step menu keeps one step's.
	do(t, ctx,
		chromedp.Reload(),
		wait(`document.body.dataset.ended === "true"`, patience),
	)
	picked := run(t, ctx, chromedp.Evaluate[string](`(() => {
		const s = document.getElementById("log-step");
		s.value = "orders";
		s.dispatchEvent(new Event("change"));
		return s.value;
	})()`))
	require.Equal(t, "orders", picked)
	orders := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#logs tbody tr")].map(r => r.textContent)`))
	require.Len(t, orders, 1)
	assert.True(t, containsLine(orders, "orders", "cleaned orders", "kept=3"), "%q", orders)

	// The asset is fresh now, and its page plots its row counts.
	do(t, ctx, chromedp.Navigate(base+"/assets/orders"), chromedp.WaitVisible(chromedp.CSS(`.uplot`)))
	assert.Equal(t, "fresh", run(t, ctx, chromedp.Text(chromedp.CSS(`h1 .st`))))
	assert.Equal(t, 1, run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.steps tbody tr").length`)))

	// The lineage graph draws every asset.
	do(t, ctx, chromedp.Navigate(base+"/lineage"), wait(`!!document.getElementById("graph").dataset.ready`, patience))
	assert.NotEqual(t, "error", run(t, ctx, chromedp.Evaluate[string](`document.getElementById("graph").dataset.ready`)))
	assert.Contains(t, run(t, ctx, chromedp.Text(chromedp.CSS(`#graph-status`))), "5 assets, 3 edges")
	shoot(t, ctx, "lineage")

	// A click on an asset in the graph opens its page: the page says
	// where it drew the graph (data-view: scale, x, y), the API where
	// each asset is in it.
	view := run(t, ctx, chromedp.Evaluate[[]float64](`document.getElementById("graph").dataset.view.split(",").map(Number)`))
	canvas := run(t, ctx, chromedp.Evaluate[[]float64](`(() => { const c = document.getElementById("canvas").getBoundingClientRect(); return [c.left, c.top]; })()`))
	var graph struct {
		Keys  []string
		Nodes [][3]float64
	}
	resp, err := http.Get(base + "/api/graph")
	require.NoError(t, err)
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&graph))
	resp.Body.Close()
	i := slices.Index(graph.Keys, "orders")
	x := canvas[0] + view[1] + view[0]*(graph.Nodes[i][0]+100)
	y := canvas[1] + view[2] + view[0]*(graph.Nodes[i][1]+20)
	do(t, ctx, chromedp.MouseClickXY(x, y), chromedp.WaitVisible(chromedp.CSS(`dl.props`)))
	assert.Equal(t, base+"/assets/orders", run(t, ctx, chromedp.Location()))
}

// launchRun launches a run of body (a web.Request) through the API of
// the server at base and returns its ID.
func launchRun(t *testing.T, base, body string) string {
	t.Helper()
	resp, err := http.Post(base+"/api/runs", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	var v map[string]string
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&v))
	resp.Body.Close()
	require.Equal(t, http.StatusCreated, resp.StatusCode, "%v", v)
	return v["run_id"]
}

func containsLine(lines []string, parts ...string) bool {
	for _, l := range lines {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return true
		}
	}
	return false
}

func escapeQuery(s string) string { return strings.NewReplacer("+", "%2B", " ", "+").Replace(s) }

// TestBrowserEscapes puts markup in every string a user controls (kinds,
// owners, tags, description, code version, metadata keys and values,
// error texts, log lines and their attributes, selections), loads every
// page in Chromium, and checks that no script ran and that the markup
// shows as text.
func TestBrowserEscapes(t *testing.T) {
	base := serveBinary(t)
	ok := launchRun(t, base, `{"select": "xss"}`)
	// A second server, whose xss fails: its error is markup too.
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(base+"/runs/"+ok), wait(`document.body.dataset.ended === "true"`, patience))
	failing := serveBinary(t, "PIPELINE_XSS_FAIL=1")
	bad := launchRun(t, failing, `{"select": "xss"}`)

	payload := testpipeline.Payload
	pages := []struct {
		base, path string
		shows      string // a part of the payload the page must show as text
	}{
		{base, "/", payload},
		{base, "/?select=xss", payload},
		{base, "/?select=" + url.QueryEscape(payload), payload},
		{base, "/assets/xss", payload},
		{base, "/runs", "xss"},
		{base, "/runs/" + ok, payload},
		{base, "/lineage", ""},
		{base, "/lineage?select=" + url.QueryEscape(payload), payload},
		{base, "/launch?select=" + url.QueryEscape(payload), payload},
		{base, "/launch?select=xss", "xss"},
		{failing, "/assets/xss", payload},
		{failing, "/runs/" + bad, payload},
		{failing, "/runs?status=failed", "failed"},
		{base, "/assets/" + url.PathEscape(payload), `no asset "<script>window.__xss=`},
	}
	for _, p := range pages {
		resp, err := http.Get(p.base + p.path)
		require.NoError(t, err)
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		assert.Contains(t, csp, "script-src 'self'", "%s", p.path)
		assert.NotContains(t, csp, "unsafe-inline", "%s", p.path)

		do(t, ctx, chromedp.Navigate(p.base+p.path), wait(`document.readyState === "complete"`, patience))
		if strings.HasPrefix(p.path, "/runs/") {
			do(t, ctx, wait(`document.body.dataset.ended === "true"`, patience))
		}
		if strings.HasPrefix(p.path, "/lineage") && !strings.Contains(p.path, "select") {
			do(t, ctx, wait(`!!document.getElementById("graph").dataset.ready`, patience))
		}
		// Give handlers (an img's onerror) a moment to fire.
		time.Sleep(100 * time.Millisecond)
		ran := run(t, ctx, chromedp.Evaluate[string](`String(window.__xss)`))
		assert.Equal(t, "undefined", ran, "script ran on %s", p.path)
		imgs := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("img, svg[onload], script:not([src]):not([type='application/json'])").length`))
		assert.Equal(t, 0, imgs, "markup became elements on %s", p.path)
		if p.shows != "" {
			text := run(t, ctx, chromedp.Evaluate[string](`document.body.innerText`))
			assert.Contains(t, text, p.shows, "%s does not show the text", p.path)
		}
	}
}

// TestBrowserPartitions checks the partition health bar of the catalog
// and the asset page, launches a range from the asset page's picker and
// follows it to its success, and loads the pages that show a static
// partition key of markup, checking that nothing runs.
func TestBrowserPartitions(t *testing.T) {
	base := serveBinary(t, "PIPELINE_PARTITIONS=1", "PIPELINE_FAIL_DAY=2024-01-10")
	launch := func(body string) string { return launchRun(t, base, body) }
	ctx := browser(t)
	// A backfill of three days, of which one fails, and a region whose
	// key is markup.
	first := launch(`{"select": "events", "partitions": "2024-01-08...2024-01-10"}`)
	do(t, ctx, chromedp.Navigate(base+"/runs/"+first), wait(`document.body.dataset.ended === "true"`, patience))
	body, err := json.Marshal(map[string]string{"select": "regions", "partitions": testpipeline.PartitionPayload})
	require.NoError(t, err)
	markup := launch(string(body))
	do(t, ctx, chromedp.Navigate(base+"/runs/"+markup), wait(`document.body.dataset.ended === "true"`, patience))

	// The catalog's health bar: a cell per day, the failed one red.
	bar := func() map[string]string {
		t.Helper()
		return run(t, ctx, chromedp.Evaluate[map[string]string](`(() => {
			const h = document.querySelector('tr[data-key="events"] div.health');
			return {...h.dataset, text: h.querySelector(".counts").textContent,
				cells: [...h.querySelectorAll("rect")].map(r => ({fresh: "F", stale: "S", failed: "X", missing: "m"})[r.getAttribute("class")]).join("")};
		})()`))
	}
	do(t, ctx, chromedp.Navigate(base+"/?select=group:partitioned"), chromedp.WaitVisible(chromedp.CSS(`tr[data-key="events"] div.health`)))
	h := bar()
	assert.Equal(t, "2 materialized, 1 failed, 57 missing of 60", h["text"])
	assert.Equal(t, "60", h["total"])
	assert.Equal(t, "1", h["failed"])
	// 50 cells of 60 days: cells 6, 7 and 8 are days 7, 8 and 9 (0-based).
	assert.Equal(t, strings.Repeat("m", 6)+"FFX"+strings.Repeat("m", 41), h["cells"])
	assert.Equal(t, "rgb(224, 49, 49)", run(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('tr[data-key="events"] rect.failed')).fill`)))
	assert.Equal(t, "failed", run(t, ctx, chromedp.Text(chromedp.CSS(`tr[data-key="events"] .st`))))
	shoot(t, ctx, "catalog-partitions")

	// The asset page: the partitions a group a line, then a range from
	// the picker, planned a step per day, launched and followed.
	do(t, ctx, chromedp.Navigate(base+"/assets/events"), chromedp.WaitVisible(chromedp.CSS(`#partitions`)))
	groups := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#partitions tbody tr")].map(r => r.dataset.first + " " + r.dataset.last + " " + r.dataset.status)`))
	assert.Equal(t, []string{"2024-01-01 2024-01-07 missing", "2024-01-08 2024-01-09 fresh", "2024-01-10 2024-01-10 failed", "2024-01-11 2024-02-29 missing"}, groups)
	shoot(t, ctx, "asset-partitions")
	do(t, ctx,
		chromedp.SetValue(chromedp.CSS(`#pick-start`), "2024-01-01"),
		chromedp.SetValue(chromedp.CSS(`#pick-end`), "2024-01-05"),
		chromedp.Click(chromedp.CSS(`#materialize`)),
		chromedp.WaitVisible(chromedp.CSS(`#plan`)),
	)
	parts := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#plan td.part")].map(td => td.textContent)`))
	assert.Equal(t, []string{"2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"}, parts)
	assert.Equal(t, "2024-01-01...2024-01-05", run(t, ctx, chromedp.Evaluate[string](`document.getElementById("launch-partitions").value`)))
	shoot(t, ctx, "launch-partitions")
	do(t, ctx,
		chromedp.Click(chromedp.CSS(`#launch`)),
		chromedp.WaitVisible(chromedp.CSS(`#gantt`)),
		wait(`document.body.dataset.ended === "true"`, patience),
	)
	assert.Equal(t, "success", run(t, ctx, chromedp.Text(chromedp.CSS(`#run-status`))))
	assert.Equal(t, 5, run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#gantt rect").length`)), "a bar per partition's step")
	shoot(t, ctx, "run-partitions")

	do(t, ctx, chromedp.Navigate(base+"/?select=group:partitioned"), chromedp.WaitVisible(chromedp.CSS(`tr[data-key="events"] div.health`)))
	h = bar()
	assert.Equal(t, "7 materialized, 1 failed, 52 missing of 60", h["text"])
	// Cell 4 is days 4 (fresh) and 5 (missing): a tie goes to missing.
	assert.Equal(t, "FFFF"+"mm"+"FFX"+strings.Repeat("m", 41), h["cells"])

	// A partition key of markup shows as text, and runs nothing.
	payload := testpipeline.PartitionPayload
	for _, path := range []string{
		"/", "/assets/regions", "/assets/regions?status=fresh", "/launch?select=regions",
		"/launch?select=regions&partitions=" + url.QueryEscape(payload), "/runs/" + markup,
	} {
		do(t, ctx, chromedp.Navigate(base+path), wait(`document.readyState === "complete"`, patience))
		if strings.HasPrefix(path, "/runs/") {
			do(t, ctx, wait(`document.body.dataset.ended === "true"`, patience))
		}
		time.Sleep(100 * time.Millisecond)
		assert.Equal(t, "undefined", run(t, ctx, chromedp.Evaluate[string](`String(window.__xss)`)), "script ran on %s", path)
		assert.Equal(t, 0, run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("img, svg[onload]").length`)), "markup became elements on %s", path)
		if path != "/" && path != "/launch?select=regions" {
			assert.Contains(t, run(t, ctx, chromedp.Evaluate[string](`document.body.innerText`)), payload, "%s does not show the key", path)
		}
	}
}
