package history

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

// Take returns the records of one step of a step recorder
// (NewStepRecorder) that its events ended, and forgets the step, for the
// caller to write them with the step's completion (WriteTx): a step
// recorder writes the start and log lines of the steps it sees start,
// never their end, so that a step whose completion is not committed
// leaves no materialization in the history. The step is the one of run
// runID, asset key and partition (a partition range for a step of a
// range, which has a record per partition). The Batch has no steps when
// the step did not end (its worker hands it back): it is forgotten all
// the same. Take waits until the events queued before it are applied.
func (r *Recorder) Take(ctx context.Context, runID string, key runtime.Key, partition string) (*Batch, error) {
	if r.place == nil {
		return nil, errors.New("history: Take is for the recorders of queue workers (NewStepRecorder)")
	}
	ch := make(chan *Batch, 1)
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil, errors.New("history: recorder closed")
	}
	r.queue = append(r.queue, event{Event: runtime.Event{RunID: runID, Key: key, Partition: partition}, take: ch})
	r.queued++
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
	select {
	case b := <-ch:
		return b, nil
	case <-r.done:
		select {
		case b := <-ch:
			return b, nil
		default:
			return nil, errors.New("history: recorder closed")
		}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// takeStep is Take's work, in the writer goroutine.
func (r *Recorder) takeStep(e *runtime.Event) *Batch {
	b := &Batch{}
	rs := r.runs[e.RunID]
	if rs == nil {
		return b
	}
	taken := map[*Step]bool{}
	for id, p := range rs.steps {
		if p.Key != e.Key {
			continue
		}
		if p.Range != "" && p.Range != e.Partition || p.Range == "" && p.Partition != e.Partition {
			continue
		}
		if p.Status != StepRunning {
			b.Steps = append(b.Steps, *p)
		}
		taken[p] = true
		delete(rs.steps, id)
		delete(rs.held, p)
		delete(rs.isDirty, p)
	}
	rs.dirty = slices.DeleteFunc(rs.dirty, func(p *Step) bool { return taken[p] })
	if ls := rs.logs[stepID{e.Key, e.Partition}]; ls != nil {
		ls.taken = true
	}
	slices.SortFunc(b.Steps, func(x, y Step) int { return strings.Compare(x.Partition, y.Partition) })
	return b
}
