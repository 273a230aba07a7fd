package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/internal/pgtest"
	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/web/internal/testpipeline"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeQueue launches runs from the page onto a queue in a real
// PostgreSQL server, run by a worker, and follows them from the queue's
// history, which the page shows.
func TestServeQueue(t *testing.T) {
	dsn := pgtest.Database(t, "web")
	s := serve(t, map[string]string{"PIPELINE_PARTITIONS": "1"}, "--queue", dsn)
	// A worker, in this process, with the same definitions.
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan int, 1)
	stderr := &syncBuffer{}
	go func() {
		stopped <- cli.Run(ctx, s.defs, []string{"worker", "--queue", dsn, "-j", "2"}, strings.NewReader(""), stderr, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-stopped:
			assert.Equal(t, 0, code, "worker: %s", stderr)
		case <-time.After(time.Minute):
			t.Errorf("the worker did not stop: %s", stderr)
		}
	})

	var launched map[string]string
	s.post(t, "/api/runs", `{"select": "events", "partitions": "2024-01-01...2024-01-03"}`, 201, &launched)
	run, _, _ := s.follow(t, launched["run_id"])
	r := run["run"].(map[string]any)
	assert.Equal(t, "success", r["status"], "%v\n%s", r, s.stderr)
	assert.Equal(t, true, r["queued"])
	assert.Equal(t, map[string]any{"success": float64(3)}, r["steps"])

	var cat struct {
		Assets []struct {
			Key        string
			Partitions *runview.Partitions
		}
	}
	s.get(t, "/api/assets?select=events", 200, &cat)
	require.Len(t, cat.Assets, 1)
	assert.Equal(t, 3, cat.Assets[0].Partitions.Fresh)

	// What materialize --queue refuses, the page reports.
	var bad map[string]any
	s.post(t, "/api/runs", `{"select": "events", "partitions": "2024-13-01"}`, 422, &bad)
	assert.Contains(t, bad["error"], `unknown partition "2024-13-01"`)
}

// TestServeQueueUsage checks the flags that do not go with --queue.
func TestServeQueueUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--queue", "/tmp/dir"}, "want a PostgreSQL DSN"},
		{[]string{"--queue", "postgres://localhost/x", "-j", "2"}, "-j goes with worker"},
		{[]string{"--queue", "postgres://localhost/x", "--history", "/tmp/other"}, "give --queue alone"},
	} {
		var out, errs strings.Builder
		code := cli.Run(context.Background(), runtime.Definitions{Assets: testpipeline.Assets()}, append([]string{"serve"}, c.args...), strings.NewReader(""), &out, &errs)
		assert.Equal(t, 2, code, "%v: %s", c.args, &errs)
		assert.Contains(t, errs.String(), c.want, "%v", c.args)
	}
}
