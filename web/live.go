package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/runview"
)

// apiEvents follows a run with server-sent events until it ends:
//
//	event: run    data: {"run": ..., "steps": [...]}   when the run or a step changed
//	event: logs   data: {"lines": [...]}               new lines, and markers whose counts grew
//	event: end    data: {}                             the run is over and every line was sent
//
// The server reads the history every Options.Poll while someone follows
// (runs of other processes are followed too); the browser only listens.
func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	ctx := r.Context()
	if _, err := s.opts.Log.Run(ctx, id); err != nil && !(errors.Is(err, history.ErrNotFound) && s.wasLaunched(id)) {
		apiError(w, notFoundCode(err), err)
		return
	}
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b); err != nil {
			return err
		}
		return rc.Flush()
	}
	if err := send("hello", map[string]string{"run_id": id}); err != nil {
		return
	}
	after, _ := intParam(r, "after", 0) // the last line the page has

	tick := time.NewTicker(s.opts.Poll)
	defer tick.Stop()
	var (
		last     []byte    // the last run event sent
		runKey   string    // what the run looked like when its steps were read
		stepsAt  time.Time // when they were read
		markers  = map[string]int{}
		lastSend = time.Now()
	)
	for {
		run, err := s.opts.Log.Run(ctx, id)
		switch {
		case errors.Is(err, history.ErrNotFound):
			// Launched, not recorded yet.
		case err != nil:
			send("failure", map[string]string{"error": err.Error()})
			return
		default:
			// Steps change with the run's counts; retries and metadata
			// may not: read them at least every second while it runs.
			key := fmt.Sprint(run.Status, run.Counts, run.End.UnixNano())
			if key != runKey || time.Since(stepsAt) > time.Second || run.Status != history.RunRunning {
				v, err := s.runView(r, id)
				if err != nil {
					send("failure", map[string]string{"error": err.Error()})
					return
				}
				runKey, stepsAt = key, time.Now()
				b, _ := json.Marshal(v)
				if !bytes.Equal(b, last) {
					last = b
					if _, err := fmt.Fprintf(w, "event: run\ndata: %s\n\n", b); err != nil || rc.Flush() != nil {
						return
					}
					lastSend = time.Now()
				}
			}
			more := true
			for more {
				lines, err := s.opts.Log.Logs(ctx, id, history.LogQuery{After: int64(after), Limit: maxLines})
				if err != nil {
					send("failure", map[string]string{"error": err.Error()})
					return
				}
				var fresh []history.LogLine
				n := 0
				for _, l := range lines {
					if l.Dropped > 0 {
						k := string(l.Key) + "\x00" + l.Partition
						if markers[k] == l.Dropped {
							continue
						}
						markers[k] = l.Dropped
					} else {
						n++
						after = max(after, int(l.Seq))
					}
					fresh = append(fresh, l)
				}
				more = n == maxLines
				if len(fresh) > 0 {
					if send("logs", map[string]any{"lines": runview.NewLines(fresh)}) != nil {
						return
					}
					lastSend = time.Now()
				}
			}
			if run.Status != history.RunRunning {
				send("end", struct{}{})
				return
			}
		}
		if time.Since(lastSend) > 15*time.Second {
			if _, err := fmt.Fprint(w, ": still here\n\n"); err != nil || rc.Flush() != nil {
				return
			}
			lastSend = time.Now()
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
