package web_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/web"
	"github.com/assetgen/assetgen/web/internal/testpipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// served is a 'pipeline serve' of the test pipeline running in this
// process (so the race detector sees the server), on a free port, with
// its history in a new directory.
type served struct {
	url     string
	history string
	stderr  *syncBuffer
	gate    string // a file follow creates on the first log line of asset slow
	defs    runtime.Definitions
}

// serve starts serve in this process with args; the test's cleanup
// interrupts it and checks that it stopped cleanly.
func serve(t *testing.T, env map[string]string, args ...string) *served {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	s := &served{history: t.TempDir(), stderr: &syncBuffer{}}
	defs := runtime.Definitions{
		Assets: testpipeline.Assets(),
		// Shared: one directory for every worker of a queue (one
		// process here).
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New(t.TempDir(), fs.Shared())},
	}
	s.defs = defs
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	status := make(chan int, 1)
	base := []string{"serve", "--addr", "127.0.0.1:0", "--history", s.history}
	if slices.Contains(args, "--queue") {
		base = base[:3] // the queue's database is the history
	}
	go func() {
		status <- cli.Run(ctx, defs, append(base, args...), strings.NewReader(""), pw, s.stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed no address: %v\n%s", err, s.stderr)
	}
	go io.Copy(io.Discard, pr)
	s.url = strings.TrimSpace(line)
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-status:
			if code != 0 {
				t.Errorf("serve exited with status %d:\n%s", code, s.stderr)
			}
		case <-time.After(30 * time.Second):
			t.Errorf("serve did not stop within 30s of its context's end:\n%s", s.stderr)
		}
	})
	return s
}

// get requests path and decodes its JSON into v, checking the status.
func (s *served) get(t *testing.T, path string, code int, v any) {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(s.url, "/") + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	decode(t, resp, code, v)
}

// post posts body as JSON to path.
func (s *served) post(t *testing.T, path, body string, code int, v any) {
	t.Helper()
	resp, err := http.Post(strings.TrimSuffix(s.url, "/")+path, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	decode(t, resp, code, v)
}

func decode(t *testing.T, resp *http.Response, code int, v any) {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, code, resp.StatusCode, "%s %s: %s", resp.Request.Method, resp.Request.URL, b)
	assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
	if v != nil {
		require.NoError(t, json.Unmarshal(b, v), "%s", b)
	}
}

// follow reads the events of a run until "end", and returns the last
// run event and every line.
func (s *served) follow(t *testing.T, id string) (run map[string]any, lines []map[string]any, events []string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", s.url+"api/runs/"+id+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<24)
	var event string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			event = strings.TrimPrefix(line, "event: ")
			events = append(events, event)
		case strings.HasPrefix(line, "data: "):
			data := []byte(strings.TrimPrefix(line, "data: "))
			switch event {
			case "run":
				var v map[string]any
				require.NoError(t, json.Unmarshal(data, &v))
				run = v
			case "logs":
				var v struct{ Lines []map[string]any }
				require.NoError(t, json.Unmarshal(data, &v))
				lines = append(lines, v.Lines...)
				for _, l := range v.Lines {
					if s.gate != "" && l["asset"] == "slow" {
						require.NoError(t, os.WriteFile(s.gate, nil, 0o644))
					}
				}
			case "end":
				return run, lines, events
			case "failure":
				t.Fatalf("events: failure %s", data)
			}
		}
	}
	t.Fatalf("events of run %s ended without an end event (%v): %v", id, events, sc.Err())
	return
}

type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestAPI(t *testing.T) {
	// slow runs until follow opens the gate, on seeing its first log
	// line: the page is told of log lines at least twice (before and
	// after), whatever the load.
	gate := filepath.Join(t.TempDir(), "gate")
	s := serve(t, map[string]string{"PIPELINE_GATE": gate})
	s.gate = gate

	var cat struct{ Assets []map[string]any }
	s.get(t, "/api/assets", 200, &cat)
	require.Len(t, cat.Assets, 5)
	for _, a := range cat.Assets {
		assert.Equal(t, "never", a["status"], "%v", a["key"])
	}
	s.get(t, "/api/assets?select=%2Borders", 200, &cat)
	var keys []string
	for _, a := range cat.Assets {
		keys = append(keys, a["key"].(string))
	}
	assert.Equal(t, []string{"raw/orders", "orders"}, keys)
	var bad map[string]any
	s.get(t, "/api/assets?select=orders+and+(raw", 400, &bad)
	assert.Equal(t, float64(16), bad["column"])
	assert.Contains(t, bad["error"], `want ")" to close the "(" at column 12`)
	s.get(t, "/api/assets?select=ordrs", 400, &bad)
	assert.Contains(t, bad["error"], `did you mean "orders"?`)

	var plan struct{ Steps []web.PlanStep }
	s.post(t, "/api/plan", `{"select": "+orders"}`, 200, &plan)
	assert.Equal(t, []web.PlanStep{
		{Asset: "raw/orders", After: []string{}, Stored: []string{}},
		{Asset: "orders", After: []string{"raw/orders"}, Stored: []string{}},
	}, plan.Steps)
	s.post(t, "/api/plan", `{"select": "orders"}`, 200, &plan)
	assert.Equal(t, []web.PlanStep{{Asset: "orders", After: []string{}, Stored: []string{"raw/orders"}}}, plan.Steps)
	s.post(t, "/api/plan", `{"select": "+("}`, 400, &bad)
	s.post(t, "/api/plan", `{"selection": "x"}`, 400, &bad)
	assert.Contains(t, bad["error"], `unknown field "selection"`)
	// A config given as an object reaches the config's validation.
	s.post(t, "/api/plan", `{"select": "orders", "config": {"ordrs": {"n": 1}}}`, 422, &bad)
	assert.Contains(t, bad["error"], `config for asset "ordrs"`)

	var launched map[string]string
	s.post(t, "/api/runs", `{"select": "*"}`, 201, &launched)
	id := launched["run_id"]
	require.NotEmpty(t, id)
	assert.Equal(t, "/runs/"+id, launched["url"])
	run, lines, events := s.follow(t, id)
	assert.Equal(t, "hello", events[0])
	r := run["run"].(map[string]any)
	assert.Equal(t, "success", r["status"])
	assert.Equal(t, map[string]any{"success": float64(5)}, r["steps"])
	assert.Equal(t, map[string]any{"select": "*"}, r["tags"])
	var msgs []string
	for _, l := range lines {
		msgs = append(msgs, l["asset"].(string)+": "+l["message"].(string))
	}
	assert.Contains(t, msgs, "raw/orders: fetched orders")
	assert.Contains(t, msgs, "slow: still working")
	assert.Contains(t, msgs, "slow: slow done")
	// While slow ran, the page was told more than once.
	assert.Greater(t, strings.Count(strings.Join(events, " "), "logs"), 1, "events: %v", events)

	var runs struct{ Runs []map[string]any }
	s.get(t, "/api/runs", 200, &runs)
	require.Len(t, runs.Runs, 1)
	assert.Equal(t, id, runs.Runs[0]["run_id"])
	assert.Equal(t, "github.com/assetgen/assetgen/web.test", runs.Runs[0]["pipeline"], "the pipeline that ran it: this test binary")

	// The runs of another pipeline sharing the history are listed on
	// demand only.
	log, err := history.Open(context.Background(), s.history)
	require.NoError(t, err)
	now := time.Now()
	require.NoError(t, log.Write(context.Background(), &history.Batch{Runs: []history.Run{
		{ID: "other", Pipeline: "example.com/other", Status: history.RunSuccess, Start: now, End: now}}}))
	log.Close()
	s.get(t, "/api/runs", 200, &runs)
	require.Len(t, runs.Runs, 1)
	s.get(t, "/api/runs?all=1", 200, &runs)
	require.Len(t, runs.Runs, 2)
	assert.Equal(t, "other", runs.Runs[0]["run_id"])
	assert.Equal(t, "example.com/other", runs.Runs[0]["pipeline"])
	s.get(t, "/api/runs?status=failed", 200, &runs)
	assert.Empty(t, runs.Runs)
	s.get(t, "/api/runs?status=succeeded", 400, &bad)
	assert.Contains(t, bad["error"], `unknown run status "succeeded"`)

	var one struct {
		Run   map[string]any
		Steps []map[string]any
	}
	s.get(t, "/api/runs/"+id, 200, &one)
	require.Len(t, one.Steps, 5)
	for _, st := range one.Steps {
		if st["asset"] == "raw/orders" {
			assert.Equal(t, float64(3), st["metadata"].(map[string]any)["rows"])
		}
	}
	s.get(t, "/api/runs/nope", 404, &bad)

	var logs struct{ Lines []map[string]any }
	s.get(t, "/api/runs/"+id+"/logs?asset=orders", 200, &logs)
	require.Len(t, logs.Lines, 1)
	assert.Equal(t, "cleaned orders", logs.Lines[0]["message"])
	assert.Equal(t, "kept=3", logs.Lines[0]["attrs"])
	s.get(t, "/api/runs/"+id+"/logs?after=x", 400, &bad)
	s.get(t, "/api/runs/nope/logs", 404, &bad)

	var asset map[string]any
	s.get(t, "/api/assets/orders", 200, &asset)
	assert.Equal(t, "fresh", asset["status"])
	assert.Equal(t, []any{map[string]any{"key": "raw/orders", "deps": false, "status": "fresh"}}, asset["upstream"])
	assert.Equal(t, []any{
		map[string]any{"key": "report", "deps": true, "status": "fresh"},
		map[string]any{"key": "slow", "deps": true, "status": "fresh"},
	}, asset["downstream"])
	require.Len(t, asset["materializations"], 1)
	s.get(t, "/api/assets/raw/orders", 200, &asset)
	assert.Equal(t, "shop.go:12", asset["source"])
	s.get(t, "/api/assets/nope", 404, &bad)

	var graph struct {
		Keys   []string
		Groups []string
		Edges  [][3]int
		Nodes  [][3]int
		Status string
	}
	s.get(t, "/api/graph", 200, &graph)
	assert.Equal(t, []string{"raw/orders", "orders", "report", "slow", "xss"}, graph.Keys)
	assert.Equal(t, "fffff", graph.Status)
	assert.ElementsMatch(t, [][3]int{{0, 1, 0}, {1, 2, 1}, {1, 3, 1}}, graph.Edges)
	// Left to right: each asset right of its upstream.
	for _, e := range graph.Edges {
		assert.Less(t, graph.Nodes[e[0]][0], graph.Nodes[e[1]][0], "edge %v", e)
	}
	s.get(t, "/api/graph?select=%2Borders", 200, &graph)
	assert.Equal(t, []string{"raw/orders", "orders"}, graph.Keys)
	s.get(t, "/api/graph?select=(", 400, &bad)

	// A failed run: the catalog says so, with the error.
	t.Setenv("PIPELINE_XSS_FAIL", "1")
	s.post(t, "/api/runs", `{"select": "xss"}`, 201, &launched)
	run, _, _ = s.follow(t, launched["run_id"])
	assert.Equal(t, "failed", run["run"].(map[string]any)["status"])
	s.get(t, "/api/assets?select=xss", 200, &cat)
	assert.Equal(t, "failed", cat.Assets[0]["status"])
	s.get(t, "/api/runs?status=failed", 200, &runs)
	assert.Len(t, runs.Runs, 1)
}

func TestLaunchErrors(t *testing.T) {
	s := serve(t, nil)
	var bad map[string]any
	s.post(t, "/api/runs", `{"select": "orders and ("}`, 400, &bad)
	assert.Equal(t, float64(13), bad["column"])
	resp, err := http.Post(s.url+"api/runs", "text/plain", strings.NewReader(`{"select": "orders"}`))
	require.NoError(t, err)
	decode(t, resp, 400, &bad)
	assert.Contains(t, bad["error"], "want a JSON body")

	// A browser on another site cannot launch runs: Go's
	// CrossOriginProtection refuses the request.
	req, _ := http.NewRequest("POST", s.url+"api/runs", strings.NewReader(`{"select": "orders"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	form, _ := http.NewRequest("POST", s.url+"launch", strings.NewReader("select=orders"))
	form.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	form.Header.Set("Origin", "https://evil.example")
	resp, err = http.DefaultClient.Do(form)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)

	// Nothing was launched.
	var runs struct{ Runs []map[string]any }
	s.get(t, "/api/runs", 200, &runs)
	assert.Empty(t, runs.Runs)

	// DNS rebinding: a name that resolves to 127.0.0.1 is not enough.
	req, _ = http.NewRequest("GET", s.url+"api/assets", nil)
	req.Host = "evil.example"
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMisdirectedRequest, resp.StatusCode)
}

// TestToken checks a server with a token against a real SQLite history,
// with httptest.
func TestToken(t *testing.T) {
	log, err := history.Open(context.Background(), t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	defs := &runtime.Definitions{Assets: testpipeline.Assets()}
	srv, err := web.New(web.Options{Defs: defs, Log: log, Token: "s3cret"})
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	resp, err := client.Get(ts.URL + "/api/assets")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("Content-Security-Policy"))

	req, _ := http.NewRequest("GET", ts.URL+"/api/assets", nil)
	req.Header.Set("Authorization", "Bearer wrong")
	resp, err = client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err = client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	// Opening the printed address sets the cookie and drops the token
	// from the address.
	resp, err = client.Get(web.URL(strings.TrimPrefix(ts.URL, "http://"), "s3cret") + "&select=orders")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusSeeOther, resp.StatusCode)
	assert.Equal(t, "/?select=orders", resp.Header.Get("Location"))
	cookies := resp.Cookies()
	require.Len(t, cookies, 1)
	assert.True(t, cookies[0].HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, cookies[0].SameSite)
	req, _ = http.NewRequest("GET", ts.URL+"/?select=orders", nil)
	req.AddCookie(cookies[0])
	resp, err = client.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	// Without a Runner, nothing launches.
	req, _ = http.NewRequest("POST", ts.URL+"/api/runs", strings.NewReader(`{"select": "orders"}`))
	req.Header.Set("Authorization", "Bearer s3cret")
	req.Header.Set("Content-Type", "application/json")
	resp, err = client.Do(req)
	require.NoError(t, err)
	var bad map[string]any
	decode(t, resp, http.StatusUnprocessableEntity, &bad)
	assert.Equal(t, "this server does not launch runs", bad["error"])
}

func TestCheckAddr(t *testing.T) {
	for _, c := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:3000", "", true},
		{"[::1]:3000", "", true},
		{"localhost:3000", "", true},
		{"0.0.0.0:3000", "", false},
		{":3000", "", false},
		{"192.0.2.7:3000", "", false},
		{"example.com:80", "", false},
		{"0.0.0.0:3000", "t", true},
		{"nonsense", "t", false},
	} {
		err := web.CheckAddr(c.addr, c.token)
		assert.Equal(t, c.ok, err == nil, "%s token %q: %v", c.addr, c.token, err)
	}
	err := web.CheckAddr(":3000", "")
	assert.EqualError(t, err, `address ":3000" listens on every interface, not only on this machine: give a --token that every client must send, or listen on 127.0.0.1`)
}

// TestServeRefuses checks the command line's refusal of an exposed
// address without a token.
func TestServeRefuses(t *testing.T) {
	var stderr strings.Builder
	defs := runtime.Definitions{Assets: testpipeline.Assets()}
	t.Setenv("ASSETGEN_TOKEN", "")
	home := filepath.Join(t.TempDir(), "h")
	code := cli.Run(context.Background(), defs, []string{"serve", "--addr", "0.0.0.0:0", "--history", home}, strings.NewReader(""), io.Discard, &stderr)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), `refusing to serve: address "0.0.0.0:0" listens on 0.0.0.0, not only on this machine: give a --token`)
	_, err := os.Stat(home)
	assert.True(t, os.IsNotExist(err), "the refused serve created its history")
}

// TestAssetChecks: the asset page and its API list the latest outcome of
// each check of the asset, escaped.
func TestAssetChecks(t *testing.T) {
	s := serve(t, nil)
	log, err := history.Open(context.Background(), s.history)
	require.NoError(t, err)
	now := time.Now().Truncate(time.Second)
	require.NoError(t, log.Write(context.Background(), &history.Batch{Checks: []history.CheckRecord{
		{RunID: "r1", Key: "orders", Name: "unique_id", Materialization: "r1", Passed: true, Severity: "error", Time: now.Add(-time.Minute)},
		{RunID: "r2", Key: "orders", Name: "unique_id", Materialization: "r2", Severity: "error", Blocking: true,
			Description: `<script>alert(1)</script>`, Time: now},
		{RunID: "r2", Key: "report", Name: "other", Materialization: "r2", Passed: true, Severity: "warn", Time: now},
	}}))
	log.Close()

	var asset struct{ Checks []map[string]any }
	s.get(t, "/api/assets/orders", 200, &asset)
	require.Len(t, asset.Checks, 1)
	assert.Equal(t, "unique_id", asset.Checks[0]["name"])
	assert.Equal(t, false, asset.Checks[0]["passed"])
	assert.Equal(t, true, asset.Checks[0]["blocking"])
	assert.Equal(t, "r2", asset.Checks[0]["run_id"])

	resp, err := http.Get(strings.TrimSuffix(s.url, "/") + "/assets/orders")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, string(b), "failed (error, blocking)")
	assert.Contains(t, string(b), "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, string(b), "<script>alert(1)")
}
