package historytest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testLogs records the lines assets log in a real run, and checks that
// they still reach the handler the logger had.
func testLogs(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	var stderr bytes.Buffer
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{
		{Key: "a", Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			ctx.Log.Info("hello from a", "n", 1, "s", "two words", slog.Group("g", "x", 2.5))
			ctx.Log.Debug("not at this level")
			ctx.Log.WithGroup("req").Warn("grouped", "id", "<script>")
			return nil, nil
		}},
		{Key: "b", Deps: []runtime.Key{"a"}, Retries: 1, Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			ctx.Log.Error("attempt", "n", ctx.Attempt)
			if ctx.Attempt == 1 {
				return nil, fmt.Errorf("first attempt fails")
			}
			return nil, nil
		}},
	}}
	opts := runtime.Options{RunID: "logs1", Concurrency: 1, Logger: slog.New(slog.NewTextHandler(&stderr, nil))}
	rec, err := history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	res, err := runtime.Materialize(ctx, defs, opts)
	require.NoError(t, err)
	require.True(t, res.OK())
	require.NoError(t, rec.Close())

	lines, err := log.Logs(ctx, "logs1", history.LogQuery{})
	require.NoError(t, err)
	type line struct {
		key           runtime.Key
		line, attempt int
		level, msg    string
		attrs         string
	}
	var got []line
	for i, l := range lines {
		got = append(got, line{l.Key, l.Line, l.Attempt, l.Level, l.Message, l.Attrs})
		assert.False(t, l.Time.IsZero())
		if i > 0 {
			assert.Greater(t, l.Seq, lines[i-1].Seq)
		}
	}
	assert.Equal(t, []line{
		{"a", 1, 1, "INFO", "hello from a", `n=1 s="two words" g.x=2.5`},
		{"a", 2, 1, "WARN", "grouped", `req.id=<script>`},
		{"b", 1, 1, "ERROR", "attempt", "n=1"},
		{"b", 2, 2, "ERROR", "attempt", "n=2"},
	}, got)
	assert.Contains(t, stderr.String(), "hello from a", "the lines still reach the logger's own handler")
	assert.Contains(t, stderr.String(), "asset=b")

	only, err := log.Logs(ctx, "logs1", history.LogQuery{Key: "b", After: lines[2].Seq, Limit: 1})
	require.NoError(t, err)
	require.Len(t, only, 1)
	assert.Equal(t, "n=2", only[0].Attrs)

	none, err := log.Logs(ctx, "nope", history.LogQuery{})
	require.NoError(t, err)
	assert.Empty(t, none)
}

// testLogBounds checks the bounds of a step's lines, written as they come
// (a flush after each) and written at the end.
func testLogBounds(t *testing.T, spec string) {
	for _, flush := range []bool{false, true} {
		t.Run(fmt.Sprintf("flush=%v", flush), func(t *testing.T) {
			ctx := context.Background()
			log := open(t, spec)
			rec := history.NewRecorder(log, nil)
			rec.LimitLogs(3, 2, 64)
			id := fmt.Sprintf("bounds-%v", flush)
			c := newClock()
			p := &player{rec: rec, id: id, c: c}
			p.start("chatty", "quiet")
			p.ev(runtime.Event{Type: runtime.StepStart, Key: "chatty", Attempt: 1})
			logger := slog.New(rec.Handler(slog.NewTextHandler(io.Discard, nil))).With("run_id", id, "asset", "chatty")
			quiet := slog.New(rec.Handler(slog.NewTextHandler(io.Discard, nil))).With("run_id", id, "asset", "quiet")
			for i := 1; i <= 10; i++ {
				logger.Info(fmt.Sprintf("line %d", i))
				if i == 5 {
					quiet.Info("between")
				}
				if flush {
					require.NoError(t, rec.Flush(ctx))
				}
			}
			logger.Info(strings.Repeat("é", 40), "k", "v") // 83 bytes with k=v: cut at 64
			p.ev(runtime.Event{Type: runtime.StepSuccess, Key: "chatty", Attempt: 1, Duration: time.Millisecond})
			p.end(nil)
			require.NoError(t, rec.Close())

			lines, err := log.Logs(ctx, id, history.LogQuery{})
			require.NoError(t, err)
			var got []string
			for _, l := range lines {
				s := fmt.Sprintf("%s#%d %s", l.Key, l.Line, l.Message)
				if l.Dropped > 0 {
					s += fmt.Sprintf(" [dropped %d]", l.Dropped)
				}
				got = append(got, s)
			}
			assert.Equal(t, []string{
				"chatty#1 line 1",
				"chatty#2 line 2",
				"chatty#3 line 3",
				"chatty#4 … 6 lines dropped: a step keeps its first 3 and its last 2 lines [dropped 6]",
				"quiet#1 between",
				"chatty#10 line 10",
				"chatty#11 " + strings.Repeat("é", 32) + " … (19 bytes cut)",
			}, got)
			// The marker sits where line 4 was: after line 3, before the
			// line of quiet logged after line 5.
			chatty, err := log.Logs(ctx, id, history.LogQuery{Key: "chatty"})
			require.NoError(t, err)
			assert.Len(t, chatty, 6)
		})
	}
}

func testAssetSteps(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	for i := 1; i <= 3; i++ {
		record(t, log, c, fmt.Sprintf("r%d", i), func(p *player) {
			p.start("a", "b")
			p.ok("a", "", fmt.Sprintf("v%d", i), nil)
			if i != 2 {
				p.ok("b", "", "", nil)
			}
			p.end(nil)
		})
	}
	steps, err := log.AssetSteps(ctx, "a", 0)
	require.NoError(t, err)
	var got []string
	for _, s := range steps {
		got = append(got, s.RunID+":"+s.DataVersion)
	}
	assert.Equal(t, []string{"r3:v3", "r2:v2", "r1:v1"}, got)
	steps, err = log.AssetSteps(ctx, "b", 1)
	require.NoError(t, err)
	require.Len(t, steps, 1)
	assert.Equal(t, "r3", steps[0].RunID)
	steps, err = log.AssetSteps(ctx, "nope", 0)
	require.NoError(t, err)
	assert.Empty(t, steps)
}
