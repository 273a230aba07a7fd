package history_test

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// deadRun writes to the SQLite history in home a run still marked
// running whose process is gone, as kill -9 leaves it, with one step
// running.
func deadRun(t *testing.T, home, id string) {
	t.Helper()
	ctx := context.Background()
	dead := exec.Command("true")
	require.NoError(t, dead.Run())
	host, _ := os.Hostname()
	log, err := history.OpenSQLite(ctx, home)
	require.NoError(t, err)
	defer log.Close()
	now := time.Now()
	require.NoError(t, log.Write(ctx, &history.Batch{
		Runs: []history.Run{{ID: id, Status: history.RunRunning, Start: now, Heartbeat: now, Host: host,
			PID: dead.Process.Pid, Selection: []runtime.Key{"a"}, Counts: map[string]int{"running": 1}}},
		Steps: []history.Step{{RunID: id, Key: "a", Status: history.StepRunning, Attempts: 1, Start: now, Seq: 1}},
	}))
}

// storedStatus reads the stored status of run id, without assetgen.
func storedStatus(t *testing.T, home, id string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+history.SQLitePath(home)+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	var status string
	require.NoError(t, db.QueryRow(`SELECT status FROM runs WHERE id = ?`, id).Scan(&status))
	return status
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	home := t.TempDir()
	deadRun(t, home, "dead")

	log, err := history.OpenReadOnly(ctx, home)
	require.NoError(t, err)
	defer log.Close()
	run, err := log.Run(ctx, "dead")
	require.NoError(t, err)
	assert.Equal(t, history.RunFailed, run.Status, "a dead run reads as abandoned")
	assert.Regexp(t, `^abandoned: process \d+ on .* is gone$`, run.Error)
	assert.Equal(t, map[string]int{"failed": 1}, run.Counts)
	runs, err := log.Runs(ctx, 0)
	require.NoError(t, err)
	require.Len(t, runs, 1)
	assert.Equal(t, history.RunFailed, runs[0].Status)
	steps, err := log.Steps(ctx, "dead")
	require.NoError(t, err)
	require.Len(t, steps, 1)
	assert.Equal(t, "failed", steps[0].Status)
	assert.Equal(t, run.Error, steps[0].Error)
	reaped, err := log.Reap(ctx)
	require.NoError(t, err)
	assert.Empty(t, reaped)

	// Nothing was written, and nothing can be.
	assert.Equal(t, history.RunRunning, storedStatus(t, home, "dead"))
	err = log.Write(ctx, &history.Batch{Runs: []history.Run{{ID: "new", Status: history.RunSuccess}}})
	assert.ErrorContains(t, err, "readonly database")

	_, err = history.OpenReadOnly(ctx, t.TempDir())
	assert.ErrorIs(t, err, os.ErrNotExist, "a missing history is not created")
	_, err = history.OpenReadOnly(ctx, "sqlite:///x")
	assert.ErrorContains(t, err, `unsupported URL scheme "sqlite://"`)
}

// TestMigrateFromVersion2 opens a history of schema version 2 (before the
// stack and note columns), read-write and read-only.
func TestMigrateFromVersion2(t *testing.T) {
	ctx := context.Background()
	for _, open := range []struct {
		name string
		f    func(context.Context, string) (history.Log, error)
	}{{"ReadWrite", history.Open}, {"ReadOnly", history.OpenReadOnly}} {
		t.Run(open.name, func(t *testing.T) {
			home := t.TempDir()
			log, err := history.OpenSQLite(ctx, home)
			require.NoError(t, err)
			require.NoError(t, log.Write(ctx, &history.Batch{
				Runs:  []history.Run{{ID: "old", Status: history.RunFailed}},
				Steps: []history.Step{{RunID: "old", Key: "a", Status: "failed", Error: "boom", Seq: 1}},
			}))
			log.Close()
			// Back to version 2, as an older assetgen left it.
			db, err := sql.Open("sqlite", history.SQLitePath(home))
			require.NoError(t, err)
			for _, q := range []string{`ALTER TABLE steps DROP COLUMN stack`, `ALTER TABLE steps DROP COLUMN note`, `UPDATE schema_version SET version = 2`} {
				_, err := db.Exec(q)
				require.NoError(t, err, q)
			}
			db.Close()

			log, err = open.f(ctx, home)
			require.NoError(t, err)
			defer log.Close()
			steps, err := log.Steps(ctx, "old")
			require.NoError(t, err)
			require.Len(t, steps, 1)
			assert.Equal(t, "boom", steps[0].Error)
			assert.Empty(t, steps[0].Stack)
		})
	}
}
