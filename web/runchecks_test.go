package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/assetgen/assetgen/web"
)

// TestRunChecks: /api/runs/ID gives the run's check outcomes, in the JSON
// form of runs show --json.
func TestRunChecks(t *testing.T) {
	ctx := context.Background()
	log, err := history.Open(ctx, t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	n := &runtime.AssetDef{
		Key: "n", OutputType: reflect.TypeFor[int](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil },
		Checks: []*runtime.CheckDef{{Name: "positive", Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) {
			return runtime.CheckResult{Passed: true, Description: "1 > 0"}, nil
		}}},
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{n}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	var opts runtime.Options
	rec, err := history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	res, err := runtime.Materialize(ctx, defs, opts)
	require.NoError(t, err)
	require.True(t, res.OK())
	require.NoError(t, rec.Close())

	srv, err := web.New(web.Options{Defs: defs, Log: log})
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/api/runs/" + res.RunID)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var v struct{ Checks []runview.Check }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&v))
	require.Len(t, v.Checks, 1)
	c := v.Checks[0]
	assert.Equal(t, runview.Check{Asset: "n", Name: "positive", Passed: true, Severity: "error", Description: "1 > 0", RunID: res.RunID, Materialization: res.RunID, Time: c.Time}, c)
}
