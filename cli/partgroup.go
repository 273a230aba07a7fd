package cli

import (
	"fmt"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// maxProblems bounds the failed partitions of one asset that a summary
// lists with their errors.
const maxProblems = 10

// partGroup sums up the steps of one partitioned asset in a run, for the
// summary of materialize and runs show: one row, not one per partition.
type partGroup struct {
	key        runtime.Key
	listed     bool
	partitions int
	counts     map[string]int // partitions by status
	attempts   int            // the most attempts of a step
	start, end time.Time
	problems   []string // "key[partition]: error", the first maxProblems
	more       int      // problems left out
}

// add adds a step of n partitions, named partition, that ended with
// status after attempts attempts, between start and end, with error msg.
func (g *partGroup) add(n int, status string, attempts int, start, end time.Time, partition, msg string) {
	n = max(n, 1)
	if g.counts == nil {
		g.counts = map[string]int{}
	}
	g.partitions += n
	g.counts[status] += n
	g.attempts = max(g.attempts, attempts)
	if attempts > 0 {
		if g.start.IsZero() || start.Before(g.start) {
			g.start = start
		}
		if end.After(g.end) {
			g.end = end
		}
	}
	if status != runtime.StatusSuccess.String() && msg != "" {
		if len(g.problems) < maxProblems {
			g.problems = append(g.problems, fmt.Sprintf("%s: %s", stepName(g.key, partition), msg))
		} else {
			g.more++
		}
	}
}

// status is the asset's status: success when every partition succeeded,
// else the worst outcome of one.
func (g *partGroup) status() string {
	for _, s := range []string{"failed", "running", "canceled", "skipped", stepNotStarted} {
		if g.counts[s] > 0 {
			return s
		}
	}
	return "success"
}

func (g *partGroup) attemptsCell() string {
	if g.attempts == 0 {
		return "-"
	}
	return fmt.Sprint(g.attempts) // the most of any step
}

func (g *partGroup) durationCell() string {
	if g.start.IsZero() || g.end.Before(g.start) {
		return "-"
	}
	return fmtDuration(g.end.Sub(g.start))
}

// countsCell counts the partitions: "31 partitions: 30 success, 1 failed".
func (g *partGroup) countsCell() string {
	return plural(g.partitions, "partition") + ": " + stepCounts(g.counts)
}

// problemLines returns the errors of the partitions that did not
// succeed, and how many were left out.
func (g *partGroup) problemLines() []string {
	out := g.problems
	if g.more > 0 {
		out = append(out, fmt.Sprintf("%s: and %d more partitions that did not succeed", g.key, g.more))
	}
	return out
}
