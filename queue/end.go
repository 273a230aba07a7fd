package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// ErrEnded is wrapped by the error of Cancel when the run has ended.
var ErrEnded = errors.New("the run has ended")

// Cancel cancels a queued run, from any machine: in one transaction, the
// run and every step not finished are marked canceled (so steps whose
// jobs are queued never start: their workers find them canceled), the
// River jobs of the running steps are cancelled (River tells their
// workers at once, over LISTEN/NOTIFY, and they cancel the steps'
// contexts; a worker that misses it finds out at its next heartbeat,
// within a second), and the job that records the run's end is enqueued.
// reason is recorded as the run's error. The error wraps
// history.ErrNotFound for a run the queue does not have, and ErrEnded for
// one that has ended.
func (q *Queue) Cancel(ctx context.Context, runID, reason string) error {
	tx, err := q.pool.Begin(ctx)
	if err != nil {
		return q.errorf("cancel run %s: %w", runID, err)
	}
	defer tx.Rollback(ctx)
	var state string
	err = tx.QueryRow(ctx, `SELECT state FROM assetgen_queue_runs WHERE run_id = $1 FOR UPDATE`, runID).Scan(&state)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("queue: run %q: %w", runID, history.ErrNotFound)
	}
	if err != nil {
		return q.errorf("cancel run %s: %w", runID, err)
	}
	if state != "running" {
		return fmt.Errorf("queue: run %s: %w (%s)", runID, ErrEnded, state)
	}
	rows, err := tx.Query(ctx, `WITH c AS (
			SELECT step, state, job_id FROM assetgen_queue_steps
			WHERE run_id = $1 AND state IN ('waiting', 'queued', 'running') FOR UPDATE
		)
		UPDATE assetgen_queue_steps AS s SET state = 'canceled', lease = 0, heartbeat = NULL,
			error = CASE WHEN c.state = 'running' THEN $2 ELSE 'canceled before it started: ' || $2 END
		FROM c WHERE s.run_id = $1 AND s.step = c.step
		RETURNING c.state, c.job_id`, runID, reason)
	if err != nil {
		return q.errorf("cancel run %s: %w", runID, err)
	}
	var running []int64
	n := 0
	for rows.Next() {
		var was string
		var job *int64
		if err := rows.Scan(&was, &job); err != nil {
			rows.Close()
			return q.errorf("cancel run %s: %w", runID, err)
		}
		n++
		if was == "running" && job != nil {
			running = append(running, *job)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return q.errorf("cancel run %s: %w", runID, err)
	}
	for _, id := range running {
		if _, err := q.client.JobCancelTx(ctx, tx, id); err != nil {
			return q.errorf("cancel run %s: job %d: %w", runID, id, err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE assetgen_queue_runs SET state = 'canceled', canceled = canceled + $2,
		remaining = 0, error = $3, ended_at = now() WHERE run_id = $1`, runID, n, reason); err != nil {
		return q.errorf("cancel run %s: %w", runID, err)
	}
	if err := q.enqueueEnd(ctx, tx, runID); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return q.errorf("cancel run %s: commit: %w", runID, err)
	}
	return nil
}

// workEnd records the end of a run in the history: the run's status and
// error, and the steps that never started (skipped or canceled), or
// whose worker could not record their end.
func (w *Worker) workEnd(ctx context.Context, job *river.Job[endArgs]) error {
	return w.q.recordEnd(ctx, job.Args.Run)
}

// endStale records the ends of the runs whose end job a worker took
// (River's job is running) more than StaleAfter ago, and that the
// history still shows running: that worker died, or lost the database,
// before it recorded the end, and River would rescue the job only after
// an hour. recordEnd is idempotent: the rescued job, or the old worker
// if it was only slow, does no harm.
func (w *Worker) endStale(ctx context.Context) error {
	// In the ends' queue, or in the steps' queue, where builds before
	// the ends' queue put them.
	rows, err := w.q.pool.Query(ctx, `SELECT args->>'run', coalesce(attempted_by[cardinality(attempted_by)], '') FROM river_job
		WHERE state = 'running' AND queue IN ($1, $4) AND kind = $2 AND attempted_at < now() - make_interval(secs => $3)
		ORDER BY id LIMIT 100`, w.q.endQueue(), endArgs{}.Kind(), w.opts.StaleAfter.Seconds(), w.q.queue)
	if err != nil {
		return err
	}
	type stale struct{ run, worker string }
	var runs []stale
	for rows.Next() {
		var s stale
		if err := rows.Scan(&s.run, &s.worker); err != nil {
			rows.Close()
			return err
		}
		runs = append(runs, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range runs {
		r, err := w.q.log.Run(ctx, s.run)
		if errors.Is(err, history.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if r.Status != history.RunRunning {
			continue // recorded already
		}
		if err := w.q.recordEnd(ctx, s.run); err != nil {
			return err
		}
		w.log.Warn("worker took the job that records the run's end but never recorded it: recorded now",
			"run_id", s.run, "stopped_worker", s.worker, "stale_after", w.opts.StaleAfter)
	}
	return nil
}

// recordEnd is workEnd's work: idempotent, so a retried job does no harm.
func (q *Queue) recordEnd(ctx context.Context, runID string) error {
	var state, errText string
	var steps, failed, skipped, canceled int
	var ended time.Time
	err := q.pool.QueryRow(ctx, `SELECT state, error, steps, failed, skipped, canceled, ended_at FROM assetgen_queue_runs WHERE run_id = $1`, runID).
		Scan(&state, &errText, &steps, &failed, &skipped, &canceled, &ended)
	if err != nil {
		return q.errorf("read run %s: %w", runID, err)
	}
	run, err := q.log.Run(ctx, runID)
	if err != nil {
		return err
	}
	recorded, err := q.log.Steps(ctx, runID)
	if err != nil {
		return err
	}
	have := map[placeKey]*history.Step{}
	for i := range recorded {
		p := &recorded[i]
		have[placeKey{runID, p.Key, p.Partition}] = p
	}
	rows, err := q.pool.Query(ctx, `SELECT step, asset_key, partition_key, state, cause, error, worker FROM assetgen_queue_steps
		WHERE run_id = $1 AND state IN ('skipped', 'canceled', 'failed') ORDER BY step`, runID)
	if err != nil {
		return q.errorf("read the steps of run %s: %w", runID, err)
	}
	var fill []history.Step
	for rows.Next() {
		var p history.Step
		var step int32
		var key, cause string
		if err := rows.Scan(&step, &key, &p.Partition, &p.Status, &cause, &p.Error, &p.Worker); err != nil {
			rows.Close()
			return q.errorf("read the steps of run %s: %w", runID, err)
		}
		p.RunID, p.Key, p.Cause, p.Seq, p.End = runID, runtime.Key(key), runtime.Key(cause), int(step)+1, ended
		if prev := have[placeKey{runID, p.Key, p.Partition}]; prev != nil {
			if prev.Status != history.StepRunning {
				continue // its worker recorded it
			}
			// Its worker was stopped by the cancellation, or died, before
			// recording its end.
			keep := *prev
			keep.Status, keep.End = p.Status, ended
			if keep.Error == "" {
				keep.Error = p.Error
			}
			p = keep
		} else if p.Status == "skipped" && p.Error == "" {
			// (A row skipped by an older build keeps no reason.)
			p.Error = "upstream " + cause + " failed or was skipped"
			if prev := have[placeKey{runID, p.Cause, ""}]; prev != nil && prev.Status == "failed" {
				p.Error = "upstream " + cause + " failed"
			}
		}
		fill = append(fill, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return q.errorf("read the steps of run %s: %w", runID, err)
	}
	switch state {
	case "success":
		run.Status, run.Error = history.RunSuccess, ""
	case "canceled":
		run.Status = history.RunCanceled
		run.Error = fmt.Sprintf("run canceled (%d of %d steps not finished, %d failed, %d skipped): %s", canceled, steps, failed, skipped, errText)
	default:
		run.Status = history.RunFailed
		run.Error = fmt.Sprintf("%d of %d steps failed, %d skipped", failed, steps, skipped)
	}
	run.End, run.Heartbeat = ended, ended
	return q.log.Write(ctx, &history.Batch{Runs: []history.Run{*run}, Steps: fill, Recount: []string{runID}})
}
