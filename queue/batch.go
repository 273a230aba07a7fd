package queue

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/assetgen/assetgen/history"
)

// batcher sends the requests of concurrent callers in shared round trips
// to the database. A request that finds no round trip in flight goes at
// once, alone; those that arrive while one is in flight wait for it, and
// go together in the next, sent by the first of them. A worker running
// one step at a time waits for nothing; one running many sends a
// statement for several steps where it sent one per step, which takes
// less of the server's CPU and, for completions, takes the run's row
// (see completeLeaves) once per round trip instead of once per step.
type batcher[Q, R any] struct {
	// send sends reqs in one round trip and returns their results, in
	// their order.
	send func(reqs []Q) []R
	// same reports whether two requests may share a round trip; nil:
	// any may.
	same func(a, b Q) bool

	mu      sync.Mutex
	busy    bool // a round trip is in flight; requests wait in pending
	pending []*call[Q, R]
}

type call[Q, R any] struct {
	req  Q
	res  R
	done chan bool // true: send the pending requests; false: res is set
}

// do sends req, with the requests pending when its turn comes, and
// returns its result.
func (b *batcher[Q, R]) do(req Q) R {
	c := &call[Q, R]{req: req, done: make(chan bool, 1)}
	b.mu.Lock()
	b.pending = append(b.pending, c)
	if b.busy {
		b.mu.Unlock()
		if lead := <-c.done; !lead {
			return c.res
		}
		b.mu.Lock()
	}
	b.busy = true
	// c is first in pending: either it found none, or it was handed the
	// turn as the first of them.
	var batch, rest []*call[Q, R]
	for _, p := range b.pending {
		if b.same == nil || b.same(c.req, p.req) {
			batch = append(batch, p)
		} else {
			rest = append(rest, p)
		}
	}
	b.pending = rest
	b.mu.Unlock()

	reqs := make([]Q, len(batch))
	for i, p := range batch {
		reqs[i] = p.req
	}
	res := b.send(reqs)
	for i, p := range batch {
		p.res = res[i]
		if p != c {
			p.done <- false
		}
	}
	b.mu.Lock()
	if len(b.pending) > 0 {
		b.pending[0].done <- true
	} else {
		b.busy = false
	}
	b.mu.Unlock()
	return c.res
}

// claimReq asks to claim a queued step for its job.
type claimReq struct {
	a     stepArgs
	job   int64
	token int64 // the lease, unique to the claim
	ups   []string
}

// claimRes is a claim's result: found false when the step was not
// queued with the job's generation (finished, canceled, or given a newer
// job).
type claimRes struct {
	found       bool
	claims      int
	down        int
	ranVersions map[string]string
	err         error
}

// claimSteps claims the steps of reqs, and reads the data versions of
// each one's unpartitioned upstreams in its run, in one round trip.
func (w *Worker) claimSteps(reqs []claimReq) []claimRes {
	out := make([]claimRes, len(reqs))
	runs := make([]string, len(reqs))
	steps := make([]int32, len(reqs))
	gens := make([]int, len(reqs))
	tokens := make([]int64, len(reqs))
	jobs := make([]int64, len(reqs))
	byToken := make(map[int64]int, len(reqs))
	for i, r := range reqs {
		runs[i], steps[i], gens[i], tokens[i], jobs[i] = r.a.Run, r.a.Step, r.a.Gen, r.token, r.job
		byToken[r.token] = i
	}
	var b pgx.Batch
	b.Queue(`WITH r AS (
			SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::bigint[], $5::bigint[]) AS r(run_id, step, gen, lease, job_id)
		)
		UPDATE assetgen_queue_steps AS s SET state = 'running', lease = r.lease, worker = $6,
			heartbeat = now(), claims = s.claims + 1, job_id = r.job_id
		FROM r WHERE s.run_id = ANY($1) AND s.step = ANY($2) -- the primary key's index, whatever the planner guesses of unnest
			AND s.run_id = r.run_id AND s.step = r.step AND s.gen = r.gen AND s.state = 'queued'
		RETURNING s.lease, s.claims, cardinality(s.down)`,
		runs, steps, gens, tokens, jobs, w.opts.ID).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var token int64
			var res claimRes
			if err := rows.Scan(&token, &res.claims, &res.down); err != nil {
				return err
			}
			res.found = true
			out[byToken[token]] = res
		}
		return rows.Err()
	})
	// The data versions of the upstreams that ran in the run, in the
	// same round trip.
	var upRuns, upKeys []string
	for _, r := range reqs {
		for _, u := range r.ups {
			upRuns, upKeys = append(upRuns, r.a.Run), append(upKeys, u)
		}
	}
	type upKey struct{ run, key string }
	ran := map[upKey]string{}
	if len(upKeys) > 0 {
		b.Queue(`SELECT s.run_id, s.asset_key, s.data_version FROM assetgen_queue_steps AS s
			WHERE s.run_id = ANY($1) AND s.asset_key = ANY($2) AND s.partition_key = '' AND s.state = 'success'`,
			upRuns, upKeys).Query(func(rows pgx.Rows) error {
			for rows.Next() {
				var k upKey
				var v string
				if err := rows.Scan(&k.run, &k.key, &v); err != nil {
					return err
				}
				ran[k] = v
			}
			return rows.Err()
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.q.pool.SendBatch(ctx, &b).Close(); err != nil {
		for i := range out {
			out[i] = claimRes{err: err}
		}
		return out
	}
	for i, r := range reqs {
		if !out[i].found {
			continue
		}
		for _, u := range r.ups {
			if v, ok := ran[upKey{r.a.Run, u}]; ok {
				if out[i].ranVersions == nil {
					out[i].ranVersions = map[string]string{}
				}
				out[i].ranVersions[u] = v
			}
		}
	}
	return out
}

// leafReq asks to complete a step that no step of its run waits for.
type leafReq struct {
	a                   stepArgs
	token               int64
	rec                 *history.Batch
	status, dv, errText string
	failed, canceled    int
}

// errAlone says that a leaf's completion failed in a round trip shared
// with others, and must be tried again alone.
var errAlone = errors.New("the completion must be tried alone")

// completeLeaves completes leaf steps of one run (see sendLeaves) in
// one round trip, one implicit transaction, which updates the run's row
// once for all of them. When any of them cannot be completed so, none
// is: each gets errAlone (or, alone, errFallback) to be tried again its
// own way.
func (w *Worker) completeLeaves(reqs []leafReq) []error {
	out := make([]error, len(reqs))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := w.sendLeaves(ctx, reqs)
	if err != nil && len(reqs) > 1 {
		err = errAlone
	}
	for i := range out {
		out[i] = err
	}
	return out
}

// sendLeaves completes steps of one run that no step of the run waits
// for (leaves: they ready and skip nothing) in one round trip, without
// BEGIN or COMMIT: pgx sends a batch outside a transaction with one Sync,
// so its statements are one implicit transaction, which commits as the
// server ends it, holding the run's row only while it runs. It returns
// errFallback, having changed nothing, when the steps cannot be
// completed so: one is its run's last (the run's end needs a job
// enqueued), a lease is gone, or a history record needs a transaction
// (completeTx tells each apart).
func (w *Worker) sendLeaves(ctx context.Context, reqs []leafReq) error {
	var b pgx.Batch
	steps := make([]int32, len(reqs))
	tokens := make([]int64, len(reqs))
	states := make([]string, len(reqs))
	dvs := make([]string, len(reqs))
	errs := make([]string, len(reqs))
	failed := make([]int, len(reqs))
	canceled := make([]int, len(reqs))
	for i, r := range reqs {
		if err := history.QueueBatch(ctx, w.q.log, &b, r.rec); errors.Is(err, history.ErrNeedsTx) {
			return errFallback
		} else if err != nil {
			return err
		}
		steps[i], tokens[i], states[i], dvs[i], errs[i], failed[i], canceled[i] = r.a.Step, r.token, r.status, r.dv, r.errText, r.failed, r.canceled
	}
	// A step's lease is not 0 exactly while it runs: the statement
	// does not say state = 'running' too, which would let the planner
	// pick the index of running steps over the primary key's.
	b.Queue(`WITH r AS (
			SELECT * FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
				AS r(step, lease, state, dv, err, nf, nc)
		), s AS (
			UPDATE assetgen_queue_steps AS t SET state = r.state, data_version = r.dv, error = r.err, lease = 0, heartbeat = NULL
			FROM r WHERE t.run_id = $1 AND t.step = ANY($2) AND t.step = r.step AND t.lease = r.lease AND cardinality(t.down) = 0
			RETURNING r.nf, r.nc
		), g AS (
			SELECT count(*) AS n, coalesce(sum(nf), 0) AS nf, coalesce(sum(nc), 0) AS nc FROM s
		), u AS (
			UPDATE assetgen_queue_runs SET `+runDone("g.n", "g.nf", "0", "g.nc")+`
			FROM g WHERE run_id = $1 AND g.n = cardinality($2::int[]) RETURNING remaining
		)
		SELECT CASE WHEN (SELECT remaining FROM u) > 0 THEN 1 ELSE assetgen_queue_fallback() END`,
		reqs[0].a.Run, steps, tokens, states, dvs, errs, failed, canceled)
	err := w.q.pool.SendBatch(ctx, &b).Close()
	if isFallback(err) {
		return errFallback
	}
	return err
}
