package history_test

import (
	"context"
	"database/sql"
	"fmt"
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
	assert.True(t, run.Abandoned)
	assert.True(t, run.End.Equal(run.Heartbeat), "end %v, want the last heartbeat %v", run.End, run.Heartbeat)
	assert.Equal(t, map[string]int{"failed": 1}, run.Counts)
	runs, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	require.Len(t, runs, 1)
	assert.Equal(t, history.RunFailed, runs[0].Status)
	// Chosen by the status it reads with, not the one stored.
	failed, err := log.Runs(ctx, history.RunQuery{Status: history.RunFailed, Limit: 1})
	require.NoError(t, err)
	require.Len(t, failed, 1)
	assert.Equal(t, "dead", failed[0].ID)
	running, err := log.Runs(ctx, history.RunQuery{Status: history.RunRunning})
	require.NoError(t, err)
	assert.Empty(t, running)
	steps, err := log.Steps(ctx, "dead")
	require.NoError(t, err)
	require.Len(t, steps, 1)
	assert.Equal(t, "failed", steps[0].Status)
	assert.Equal(t, run.Error, steps[0].Error)
	assert.True(t, steps[0].Abandoned)
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

// undo[v] takes a SQLite history of schema version v back to v-1, as an
// older assetgen left it.
var undo = map[int][]string{
	3: {`ALTER TABLE steps DROP COLUMN stack`, `ALTER TABLE steps DROP COLUMN note`},
	4: {`DROP INDEX runs_by_pipeline`, `ALTER TABLE runs DROP COLUMN pipeline`,
		`ALTER TABLE runs DROP COLUMN abandoned`, `ALTER TABLE steps DROP COLUMN abandoned`},
	5: {`ALTER TABLE runs DROP COLUMN queued`, `ALTER TABLE steps DROP COLUMN worker`},
	6: {`DROP TABLE partition_states`, `DROP INDEX dynamic_partitions_by_seq`, `DROP TABLE dynamic_partitions`,
		`ALTER TABLE runs DROP COLUMN partitions`, `ALTER TABLE steps DROP COLUMN step_range`},
	7:  {`DROP TABLE checks`},
	8:  {`DROP TABLE automation_leases`, `DROP TABLE automation_states`, `DROP TABLE automation_ticks`, `DROP TABLE automation_evaluations`},
	9:  {`ALTER TABLE steps DROP COLUMN config`, `ALTER TABLE assets DROP COLUMN config`},
	10: {`DROP TABLE observations`},
}

// TestMigrate opens histories of older schema versions, read-write and
// read-only: version 2 (before the stack and note columns), 3 (before
// the pipeline and abandoned columns), 4 (before queued runs), 5
// (before partitions), 6 (before checks), 7 (before automation) and 8
// (before run config). Their runs belong to no pipeline, and Runs of a
// pipeline does not list them.
func TestMigrate(t *testing.T) {
	ctx := context.Background()
	for from := 2; from < history.SchemaVersion; from++ {
		for _, open := range []struct {
			name string
			f    func(context.Context, string) (history.Log, error)
		}{{"ReadWrite", history.Open}, {"ReadOnly", history.OpenReadOnly}} {
			t.Run(fmt.Sprintf("%d/%s", from, open.name), func(t *testing.T) {
				home := t.TempDir()
				log, err := history.OpenSQLite(ctx, home)
				require.NoError(t, err)
				require.NoError(t, log.Write(ctx, &history.Batch{
					Runs:  []history.Run{{ID: "old", Status: history.RunFailed}},
					Steps: []history.Step{{RunID: "old", Key: "a", Status: "failed", Error: "boom", Seq: 1}},
				}))
				log.Close()
				db, err := sql.Open("sqlite", history.SQLitePath(home))
				require.NoError(t, err)
				for v := history.SchemaVersion; v > from; v-- {
					require.Contains(t, undo, v, "how to undo migration %d", v)
					for _, q := range undo[v] {
						_, err := db.Exec(q)
						require.NoError(t, err, q)
					}
				}
				_, err = db.Exec(`UPDATE schema_version SET version = ?`, from)
				require.NoError(t, err)
				db.Close()

				log, err = open.f(ctx, home)
				require.NoError(t, err)
				defer log.Close()
				runs, err := log.Runs(ctx, history.RunQuery{})
				require.NoError(t, err)
				require.Len(t, runs, 1)
				assert.Equal(t, "", runs[0].Pipeline)
				assert.False(t, runs[0].Abandoned)
				mine, err := log.Runs(ctx, history.RunQuery{Pipeline: history.PipelineName()})
				require.NoError(t, err)
				assert.Empty(t, mine)
				steps, err := log.Steps(ctx, "old")
				require.NoError(t, err)
				require.Len(t, steps, 1)
				assert.Equal(t, "boom", steps[0].Error)
				assert.Empty(t, steps[0].Stack)
				assert.Empty(t, steps[0].Range)
				assert.Nil(t, runs[0].Partitions)
				keys, err := log.DynamicPartitions(ctx, "customers")
				require.NoError(t, err)
				assert.Empty(t, keys, "the dynamic partitions table exists")
				recs, err := log.Partitions(ctx, "a")
				require.NoError(t, err)
				assert.Zero(t, recs.Len(), "the partition states table exists")
			})
		}
	}
}
