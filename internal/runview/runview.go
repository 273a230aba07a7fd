// Package runview is the JSON form of the run history's records: runs,
// steps, check outcomes and log lines, as 'runs --json', 'runs show
// --json', 'runs logs --json' print them and the web page's API serves them. One form, so
// that a script reads both the same way. Value is the text form of a
// metadata value, for the views that print metadata as text.
package runview

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// Run is a run.
type Run struct {
	ID         string            `json:"run_id"`
	Pipeline   string            `json:"pipeline"` // empty for runs recorded before pipelines were
	Status     string            `json:"status"`
	Start      time.Time         `json:"start"`
	End        *time.Time        `json:"end"`
	DurationMS float64           `json:"duration_ms"`
	Abandoned  bool              `json:"abandoned,omitempty"` // its process died: end and duration are lower bounds
	Queued     bool              `json:"queued,omitempty"`    // its steps ran on queue workers
	Selection  []string          `json:"selection"`
	Tags       map[string]string `json:"tags"`
	Error      string            `json:"error,omitempty"`
	Host       string            `json:"host"`
	PID        int               `json:"pid"`
	Steps      map[string]int    `json:"steps"` // counts by status
}

// NewRun returns the JSON form of r.
func NewRun(r *history.Run) Run {
	j := Run{
		ID: r.ID, Pipeline: r.Pipeline, Status: r.Status, Start: r.Start, DurationMS: MS(r.Duration()), Abandoned: r.Abandoned, Queued: r.Queued,
		Selection: make([]string, len(r.Selection)),
		Tags:      r.Tags, Error: r.Error, Host: r.Host, PID: r.PID, Steps: r.Counts,
	}
	if !r.End.IsZero() {
		j.End = &r.End
	}
	for i, k := range r.Selection {
		j.Selection[i] = string(k)
	}
	if j.Tags == nil {
		j.Tags = map[string]string{}
	}
	if j.Steps == nil {
		j.Steps = map[string]int{}
	}
	return j
}

// Step is a step of a run.
type Step struct {
	RunID         string            `json:"run_id"`
	Asset         string            `json:"asset"`
	Partition     string            `json:"partition,omitempty"`
	Status        string            `json:"status"`
	Attempts      int               `json:"attempts"`
	Start         *time.Time        `json:"start"`
	AttemptStart  *time.Time        `json:"attempt_start,omitempty"` // of the last attempt
	End           *time.Time        `json:"end"`
	DurationMS    float64           `json:"duration_ms"`
	Abandoned     bool              `json:"abandoned,omitempty"` // running when its run was abandoned: end and duration are lower bounds
	Error         string            `json:"error,omitempty"`
	Cause         string            `json:"cause,omitempty"`
	Retries       []history.Attempt `json:"retries"`
	Metadata      runtime.Metadata  `json:"metadata"`
	CodeVersion   string            `json:"code_version,omitempty"`
	DataVersion   string            `json:"data_version,omitempty"`
	InputVersions map[string]string `json:"input_versions"`
	Stack         string            `json:"stack,omitempty"`  // the stack of a panic
	Note          string            `json:"note,omitempty"`   // how the step came to be recorded, when unusual
	Worker        string            `json:"worker,omitempty"` // the queue worker that ran it
	Config        string            `json:"config,omitempty"` // the run config it ran with, as JSON (secrets masked)
}

// NewStep returns the JSON form of s.
func NewStep(s *history.Step) Step {
	j := Step{
		RunID: s.RunID, Asset: string(s.Key), Partition: s.Partition, Status: s.Status, Attempts: s.Attempts,
		DurationMS: MS(s.Duration()), Abandoned: s.Abandoned, Error: s.Error, Cause: string(s.Cause), Retries: s.Retries,
		Metadata: s.Metadata, CodeVersion: s.CodeVersion, DataVersion: s.DataVersion, InputVersions: map[string]string{},
		Stack: s.Stack, Note: s.Note, Worker: s.Worker, Config: s.Config,
	}
	if !s.Start.IsZero() {
		j.Start = &s.Start
	}
	if !s.AttemptStart.IsZero() {
		j.AttemptStart = &s.AttemptStart
	}
	if !s.End.IsZero() {
		j.End = &s.End
	}
	if j.Retries == nil {
		j.Retries = []history.Attempt{}
	}
	if j.Metadata == nil {
		j.Metadata = runtime.Metadata{}
	}
	for k, v := range s.InputVersions {
		j.InputVersions[string(k)] = v
	}
	return j
}

// Check is a recorded outcome of an asset check.
type Check struct {
	Asset           string           `json:"asset"`
	Partition       string           `json:"partition,omitempty"`
	Name            string           `json:"name"`
	Passed          bool             `json:"passed"`
	Severity        string           `json:"severity"`
	Blocking        bool             `json:"blocking"`
	Description     string           `json:"description,omitempty"`
	Metadata        runtime.Metadata `json:"metadata,omitempty"`
	RunID           string           `json:"run_id"`
	Materialization string           `json:"materialization_run_id,omitempty"`
	Time            time.Time        `json:"time"`
}

// NewCheck returns the JSON form of c.
func NewCheck(c *history.CheckRecord) Check {
	return Check{Asset: string(c.Key), Partition: c.Partition, Name: c.Name, Passed: c.Passed, Severity: c.Severity,
		Blocking: c.Blocking, Description: c.Description, Metadata: c.Metadata, RunID: c.RunID, Materialization: c.Materialization, Time: c.Time}
}

// Line is a log line, or a marker of dropped lines (Dropped > 0).
type Line struct {
	Seq       int64     `json:"seq"`
	Asset     string    `json:"asset"`
	Partition string    `json:"partition,omitempty"`
	Line      int       `json:"line"`
	Attempt   int       `json:"attempt"`
	Time      time.Time `json:"time"`
	Level     string    `json:"level,omitempty"`
	Message   string    `json:"message"`
	Attrs     string    `json:"attrs,omitempty"`
	Dropped   int       `json:"dropped,omitempty"`
}

// NewLines returns the JSON form of lines.
func NewLines(lines []history.LogLine) []Line {
	out := make([]Line, 0, len(lines))
	for _, l := range lines {
		out = append(out, Line{
			Seq: l.Seq, Asset: string(l.Key), Partition: l.Partition, Line: l.Line, Attempt: l.Attempt,
			Time: l.Time, Level: l.Level, Message: l.Message, Attrs: l.Attrs, Dropped: l.Dropped,
		})
	}
	return out
}

// MS returns d in milliseconds.
func MS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Value formats a metadata value as text, as fmt.Sprint does, except a
// whole number held in a float64 (the history's metadata comes back from
// JSON so: a row count of 16709151 is float64(16709151)), which prints as
// an integer, "16709151", not "1.6709151e+07".
func Value(v any) string {
	if f, ok := v.(float64); ok && f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// HealthCells is the most cells a partition health bar has: one per
// partition up to it, else one per bucket of consecutive partitions.
const HealthCells = 50

// Partitions is the state of a partitioned asset's partitions: their
// counts by state, as history.View computes them, and the cells of its
// health bar (history.Partitions.Health).
type Partitions struct {
	Total        int      `json:"total"`
	Materialized int      `json:"materialized"` // fresh and stale
	Fresh        int      `json:"fresh"`
	Stale        int      `json:"stale"`
	Failed       int      `json:"failed"`
	Missing      int      `json:"missing"`
	Unknown      int      `json:"unknown,omitempty"` // records of partitions the definition no longer has
	Health       []string `json:"health"`            // the health bar's cells, in order: fresh, stale, failed or missing
}

// NewPartitions returns the counts and the health cells of p.
func NewPartitions(p *history.Partitions) *Partitions {
	c := p.Counts()
	out := &Partitions{Total: c.Total, Materialized: c.Materialized(), Fresh: c.Fresh, Stale: c.Stale,
		Failed: c.Failed, Missing: c.Missing, Unknown: p.Unknown, Health: []string{}}
	for _, st := range p.Health(HealthCells) {
		out.Health = append(out.Health, st.String())
	}
	return out
}
