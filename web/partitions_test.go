package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/web"
	"github.com/assetgen/assetgen/web/internal/testpipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPartitionsAPI launches partitions of the test pipeline's
// partitioned assets through the API of serve (in this process, over a
// SQLite history) and reads them back: the catalog's counts are those of
// 'status --json', the partitions page a group at a time, the plan's
// partition steps, the run's recorded partitions, and errors.
func TestPartitionsAPI(t *testing.T) {
	s := serve(t, map[string]string{"PIPELINE_PARTITIONS": "1", "PIPELINE_FAIL_DAY": "2024-01-02"})

	type asset struct {
		Key        string
		Status     string
		Partitions *runview.Partitions
	}
	catalog := func() map[string]asset {
		t.Helper()
		var cat struct{ Assets []asset }
		s.get(t, "/api/assets", 200, &cat)
		out := map[string]asset{}
		for _, a := range cat.Assets {
			out[a.Key] = a
		}
		return out
	}
	cat := catalog()
	require.Len(t, cat, 7)
	assert.Nil(t, cat["orders"].Partitions, "unpartitioned")
	require.NotNil(t, cat["events"].Partitions)
	assert.Equal(t, 60, cat["events"].Partitions.Total)
	assert.Equal(t, 60, cat["events"].Partitions.Missing)
	assert.Equal(t, "never", cat["events"].Status)

	// The plan of a range: a step per day.
	var plan struct{ Steps []web.PlanStep }
	s.post(t, "/api/plan", `{"select": "events", "partitions": "2024-01-01...2024-01-04"}`, 200, &plan)
	require.Len(t, plan.Steps, 4)
	for i, st := range plan.Steps {
		assert.Equal(t, web.PlanStep{Asset: "events", Partition: "2024-01-0" + string(rune('1'+i)), Partitions: 1, After: []string{}, Stored: []string{}}, st)
	}
	// Partitions that do not fit: the command line's words, without its
	// usage.
	var bad map[string]any
	s.post(t, "/api/plan", `{"select": "events", "partitions": "2024-13-01"}`, 422, &bad)
	assert.Contains(t, bad["error"], `asset events: unknown partition "2024-13-01" (did you mean "2024-01-01"?)`)
	assert.NotContains(t, bad["error"], "usage:")
	s.post(t, "/api/plan", `{"select": "events"}`, 422, &bad)
	assert.Contains(t, bad["error"], "give the partitions to run (2024-01-01...2024-02-29)")

	// A range, of which one day fails.
	var launched map[string]string
	s.post(t, "/api/runs", `{"select": "events", "partitions": "2024-01-01...2024-01-04"}`, 201, &launched)
	run, _, _ := s.follow(t, launched["run_id"])
	assert.Equal(t, history.RunFailed, run["run"].(map[string]any)["status"])
	// The static key of markup, as one partition.
	body, err := json.Marshal(web.Request{Select: "regions", Partitions: testpipeline.PartitionPayload})
	require.NoError(t, err)
	s.post(t, "/api/runs", string(body), 201, &launched)
	run, _, _ = s.follow(t, launched["run_id"])
	assert.Equal(t, history.RunSuccess, run["run"].(map[string]any)["status"])

	log, err := history.OpenReadOnly(context.Background(), s.history)
	require.NoError(t, err)
	defer log.Close()
	r, err := log.Run(context.Background(), launched["run_id"])
	require.NoError(t, err)
	require.Len(t, r.Partitions["regions"], 1, "the run records its partitions")
	assert.Equal(t, testpipeline.PartitionPayload, r.Partitions["regions"][0].Start)

	// The catalog counts as status does.
	var out bytes.Buffer
	defs := runtime.Definitions{Assets: testpipeline.Assets(), IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New(t.TempDir())}}
	require.Equal(t, 0, cli.Run(context.Background(), defs, []string{"status", "--json", "--history", s.history}, strings.NewReader(""), &out, &out), "%s", &out)
	var status []struct {
		Asset      string
		Partitions *runview.Partitions
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &status), "%s", &out)
	cat = catalog()
	n := 0
	for _, st := range status {
		if st.Partitions != nil {
			assert.Equal(t, st.Partitions, cat[st.Asset].Partitions, "%s", st.Asset)
			n++
		}
	}
	assert.Equal(t, 2, n)
	assert.Equal(t, runview.Partitions{Total: 60, Materialized: 3, Fresh: 3, Failed: 1, Missing: 56, Health: cat["events"].Partitions.Health},
		*cat["events"].Partitions)
	assert.Equal(t, "failed", cat["events"].Status)
	assert.Equal(t, []string{"fresh", "failed", "fresh", "fresh", "missing"}, cat["events"].Partitions.Health[:5])

	// The partitions, a group at a time.
	type page struct {
		Groups []struct {
			First, Last, Status, Why, LastRun string `json:",omitempty"`
			Count                             int
		}
		Next *int
	}
	var p page
	s.get(t, "/api/partitions/events?limit=2", 200, &p)
	require.Len(t, p.Groups, 2)
	assert.Equal(t, []string{"2024-01-01", "2024-01-01", "fresh"}, []string{p.Groups[0].First, p.Groups[0].Last, p.Groups[0].Status})
	assert.Equal(t, []string{"2024-01-02", "failed"}, []string{p.Groups[1].First, p.Groups[1].Status})
	assert.Contains(t, p.Groups[1].Why, "no events for 2024-01-02")
	require.NotNil(t, p.Next)
	s.get(t, "/api/partitions/events?limit=2&from="+strconv.Itoa(*p.Next), 200, &p)
	require.Len(t, p.Groups, 2)
	assert.Equal(t, []string{"2024-01-03", "2024-01-04", "fresh"}, []string{p.Groups[0].First, p.Groups[0].Last, p.Groups[0].Status})
	assert.Equal(t, 2, p.Groups[0].Count)
	assert.Equal(t, []string{"2024-01-05", "2024-02-29", "missing", "never materialized"}, []string{p.Groups[1].First, p.Groups[1].Last, p.Groups[1].Status, p.Groups[1].Why})
	assert.Nil(t, p.Next, "the last page")
	s.get(t, "/api/partitions/events?status=failed,stale", 200, &p)
	require.Len(t, p.Groups, 1)
	assert.Equal(t, "2024-01-02", p.Groups[0].First)
	s.get(t, "/api/partitions/regions?status=fresh", 200, &p)
	require.Len(t, p.Groups, 1)
	assert.Equal(t, testpipeline.PartitionPayload, p.Groups[0].First)

	s.get(t, "/api/partitions/events?status=done", 400, &bad)
	assert.Contains(t, bad["error"], `unknown partition state "done": want some of missing, fresh, stale, failed`)
	s.get(t, "/api/partitions/events?from=-1", 400, &bad)
	s.get(t, "/api/partitions/orders", 400, &bad)
	assert.Equal(t, "asset orders is not partitioned", bad["error"])
	s.get(t, "/api/partitions/nope", 404, &bad)

	// The asset page and the launch page of a range.
	page200 := func(path string) string {
		t.Helper()
		resp, err := http.Get(s.url + strings.TrimPrefix(path, "/"))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.Equal(t, 200, resp.StatusCode, "%s: %s", path, b)
		return string(b)
	}
	html := page200("/assets/events?status=failed")
	assert.Contains(t, html, `data-failed="1"`)
	assert.Contains(t, html, `data-first="2024-01-02"`)
	assert.NotContains(t, html, `data-first="2024-01-01"`, "filtered by state")
	html = page200("/launch?select=events&start=2024-01-05&end=2024-01-06")
	assert.Contains(t, html, `value="2024-01-05...2024-01-06"`)
	assert.Contains(t, html, `<td class="part">2024-01-06</td>`)
	html = page200("/launch?select=regions&partitions=" + url.QueryEscape(testpipeline.PartitionPayload))
	assert.NotContains(t, html, testpipeline.PartitionPayload, "escaped")
}
