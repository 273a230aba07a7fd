package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/vbauerster/cupwriter"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/assetgen/assetgen/internal/runview"
	"github.com/assetgen/assetgen/runtime"
)

// reporter shows the events of a run as they happen. The runtime delivers
// events one at a time.
type reporter interface {
	event(ev runtime.Event)
	// end is called once Materialize has returned.
	end(res *runtime.Result)
}

// isTerminal reports whether w is a terminal that can show a live view:
// not TERM=dumb, and with a known size (a terminal without one, such as
// a pseudo-terminal nobody sized, would show nothing of the view).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	if !isatty.IsTerminal(f.Fd()) && !isatty.IsCygwinTerminal(f.Fd()) {
		return false
	}
	cw := cupwriter.New(f, false)
	if !cw.IsTerminal() {
		return false
	}
	width, height, err := cw.GetTermSize()
	return err == nil && width > 0 && height > 0
}

// fmtDuration rounds d for people: 1.234s, 12.3ms, 45µs.
func fmtDuration(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Second:
		return d.Round(time.Millisecond).String()
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond).String()
	}
	return d.Round(time.Microsecond).String()
}

// fmtMetadata writes metadata as sorted key=value pairs.
func fmtMetadata(m runtime.Metadata) string {
	var parts []string
	for _, k := range sortedKeys(m) {
		v := runview.Value(m[k])
		if r := []rune(v); len(r) > 60 {
			v = string(r[:59]) + "…"
		}
		if v == "" || strings.ContainsAny(v, " \t\n\"=") {
			v = fmt.Sprintf("%q", v)
		}
		parts = append(parts, k+"="+v)
	}
	return strings.Join(parts, " ")
}

// plural returns "1 step", "2 steps".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// oneLine returns the error message on one line.
func oneLine(err error) string {
	if err == nil {
		return ""
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

// stepName is the asset key of a step event, with its partition.
func stepName(key runtime.Key, partition string) string {
	if partition == "" {
		return string(key)
	}
	return string(key) + "[" + partition + "]"
}

// canceled reports whether err says the step ended because its run was
// cancelled.
func canceled(err error) bool { return errors.Is(err, context.Canceled) }

// partProgress counts the partitions of each partitioned asset of a run
// as its steps end: the progress the live view, the plain lines and the
// JSON events show.
type partProgress struct {
	assets map[runtime.Key]*assetProgress
	order  []runtime.Key // the partitioned assets, in execution order
	steps  int           // the run's steps
}

// assetProgress is the progress of one partitioned asset.
type assetProgress struct {
	Total    int `json:"total"`    // its partitions in the run
	Done     int `json:"done"`     // those whose step ended, whatever the outcome
	Failed   int `json:"failed"`   // of those, failed (canceled included)
	Skipped  int `json:"skipped"`  // skipped: an upstream failed
	Canceled int `json:"canceled"` // canceled: the run was
}

// start reads the plan of a RunStart event.
func (p *partProgress) start(ev runtime.Event) {
	p.assets = map[runtime.Key]*assetProgress{}
	p.order = nil
	p.steps = len(ev.Keys)
	if ev.Plan == nil {
		return
	}
	p.steps = ev.Plan.Len()
	for _, a := range ev.Plan.Assets() {
		if n := a.Partitions.Len(); n > 0 {
			p.assets[a.Key] = &assetProgress{Total: n}
			p.order = append(p.order, a.Key)
		}
	}
}

// end counts the step that ev ends (StepSuccess, StepFailure or
// StepSkipped), and returns the progress of its asset; nil when it is
// not partitioned.
func (p *partProgress) end(ev runtime.Event) *assetProgress {
	a := p.assets[ev.Key]
	if a == nil {
		return nil
	}
	n := max(ev.Partitions.Len(), 1)
	a.Done += n
	switch ev.Type {
	case runtime.StepFailure:
		if canceled(ev.Err) && !ev.TimedOut {
			a.Canceled += n
		} else {
			a.Failed += n
		}
	case runtime.StepSkipped:
		a.Skipped += n
	}
	return a
}

// String returns "12/31", with the failures: "12/31, 1 failed".
func (a *assetProgress) String() string {
	s := fmt.Sprintf("%d/%d", a.Done, a.Total)
	for _, c := range []struct {
		n    int
		word string
	}{{a.Failed, "failed"}, {a.Skipped, "skipped"}, {a.Canceled, "canceled"}} {
		if c.n > 0 {
			s += fmt.Sprintf(", %d %s", c.n, c.word)
		}
	}
	return s
}

// lineFormatter turns step events into one-line messages, with the
// asset keys padded to one width so the columns line up, and for a
// partitioned asset the progress of its partitions.
type lineFormatter struct {
	width int
	parts partProgress
}

// names widens the names column for the steps of the run of ev, a
// RunStart: the keys, with a partition as the first step of each asset
// names it.
func (f *lineFormatter) names(ev runtime.Event) {
	for _, k := range ev.Keys {
		f.width = max(f.width, len(k))
	}
	if ev.Plan == nil {
		return
	}
	for _, a := range ev.Plan.Assets() {
		if a.Partitions.Len() > 0 && a.Steps > 0 {
			s := ev.Plan.Step(a.First)
			f.width = max(f.width, len(stepName(s.Key, s.Partition)))
		}
	}
}

// runLine returns the line of a RunStart: the steps, and the partitions
// of the partitioned assets.
func (f *lineFormatter) runLine(ev runtime.Event) string {
	s := fmt.Sprintf("run %s: %s", ev.RunID, plural(f.parts.steps, "step"))
	if len(f.parts.order) == 0 {
		return s
	}
	var parts []string
	for i, k := range f.parts.order {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(f.parts.order)-5))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", k, f.parts.assets[k].Total))
	}
	return s + "; partitions: " + strings.Join(parts, ", ")
}

func (f *lineFormatter) line(ev runtime.Event) string {
	if ev.Type == runtime.RunStart {
		f.names(ev)
		f.parts.start(ev)
		return f.runLine(ev)
	}
	name := fmt.Sprintf("%-*s", f.width, stepName(ev.Key, ev.Partition))
	switch ev.Type {
	case runtime.StepSuccess, runtime.StepFailure, runtime.StepSkipped:
		if a := f.parts.end(ev); a != nil {
			name += "  [" + a.String() + "]"
		}
	}
	switch ev.Type {
	case runtime.StepStart:
		if ev.Attempt > 1 {
			return fmt.Sprintf("start   %s  attempt %d", name, ev.Attempt)
		}
		return "start   " + name
	case runtime.StepSuccess:
		s := fmt.Sprintf("ok      %s  %s", name, fmtDuration(ev.Duration))
		if len(ev.Metadata) > 0 {
			s += "  " + fmtMetadata(ev.Metadata)
		}
		return s
	case runtime.StepRetry:
		what := "failed"
		if ev.TimedOut {
			what = "timed out"
		}
		next := "at once"
		if ev.Delay > 0 {
			next = "in " + fmtDuration(ev.Delay)
		}
		return fmt.Sprintf("retry   %s  attempt %d %s after %s, retrying %s: %s", name, ev.Attempt, what, fmtDuration(ev.Duration), next, oneLine(ev.Err))
	case runtime.StepFailure:
		word := "FAIL   "
		if canceled(ev.Err) {
			word = "cancel "
		} else if ev.TimedOut {
			word = "TIMEOUT"
		}
		return fmt.Sprintf("%s %s  %s: %s", word, name, fmtDuration(ev.Duration), oneLine(ev.Err))
	case runtime.StepSkipped:
		return fmt.Sprintf("skip    %s  %s", name, oneLine(ev.Err))
	case runtime.CheckEvaluated:
		return "check   " + name + "  " + checkLine(&ev)
	case runtime.RunEnd:
		if ev.Err != nil {
			return fmt.Sprintf("run %s: ended in %s: %s", ev.RunID, fmtDuration(ev.Duration), oneLine(ev.Err))
		}
		return fmt.Sprintf("run %s: succeeded in %s", ev.RunID, fmtDuration(ev.Duration))
	}
	return fmt.Sprintf("%s %s", ev.Type, name)
}

// plainReporter writes one line per event, for logs and pipes.
type plainReporter struct {
	w io.Writer
	f lineFormatter
}

func (r *plainReporter) event(ev runtime.Event) {
	fmt.Fprintln(r.w, strings.TrimRight(r.f.line(ev), " "))
}

func (r *plainReporter) end(*runtime.Result) {}

// jsonEvent is the JSON form of an event: one object per line.
type jsonEvent struct {
	Type       string         `json:"type"`
	Time       time.Time      `json:"time"`
	RunID      string         `json:"run_id"`
	Asset      string         `json:"asset,omitempty"`
	Partition  string         `json:"partition,omitempty"`
	Attempt    int            `json:"attempt,omitempty"`
	DurationMS *float64       `json:"duration_ms,omitempty"`
	DelayMS    *float64       `json:"delay_ms,omitempty"` // step_retry: the wait before the next attempt
	Metadata   map[string]any `json:"metadata,omitempty"`
	Error      string         `json:"error,omitempty"`
	TimedOut   *bool          `json:"timed_out,omitempty"`
	Canceled   *bool          `json:"canceled,omitempty"` // step_failure: stopped by the run's cancellation
	Cause      string         `json:"cause,omitempty"`
	Assets     []string       `json:"assets,omitempty"`
	// step events of a partitioned asset: the step's keys; at its end,
	// the progress of its asset's partitions
	PartitionKeys []string       `json:"partition_keys,omitempty"`
	Progress      *assetProgress `json:"progress,omitempty"`
	// run_start: the assets of the run, with their partitions and steps
	Plan        []jsonPlanAsset   `json:"plan,omitempty"`
	DataVersion string            `json:"data_version,omitempty"`
	CodeVersion string            `json:"code_version,omitempty"`
	Inputs      map[string]string `json:"input_versions,omitempty"`
	Check       *jsonCheck        `json:"check,omitempty"` // check_evaluated

	// run_end only
	Status string         `json:"status,omitempty"` // success, failed or canceled
	Steps  map[string]int `json:"steps,omitempty"`  // number of steps by status
}

// jsonPlanAsset is an asset of a run_start's plan.
type jsonPlanAsset struct {
	Asset      string `json:"asset"`
	Steps      int    `json:"steps"`
	Partitions int    `json:"partitions"` // 0 when unpartitioned
}

// jsonReporter writes every event as a JSON object on a line of its own.
// It holds back run_end until the result is known, to add the status of
// the run and its steps.
type jsonReporter struct {
	w      io.Writer
	ctx    context.Context
	runEnd *runtime.Event
	parts  partProgress
}

func newJSONEvent(ev runtime.Event) *jsonEvent {
	j := &jsonEvent{
		Type:        string(ev.Type),
		Time:        ev.Time,
		RunID:       ev.RunID,
		Asset:       string(ev.Key),
		Partition:   ev.Partition,
		Attempt:     ev.Attempt,
		Cause:       string(ev.Cause),
		DataVersion: ev.DataVersion,
		CodeVersion: ev.CodeVersion,
	}
	if ev.Err != nil {
		j.Error = ev.Err.Error()
	}
	switch ev.Type {
	case runtime.StepSuccess, runtime.StepFailure, runtime.StepRetry, runtime.RunEnd:
		ms := float64(ev.Duration.Microseconds()) / 1000
		j.DurationMS = &ms
	}
	switch ev.Type {
	case runtime.StepFailure, runtime.StepRetry:
		j.TimedOut = &ev.TimedOut
	}
	if ev.Type == runtime.StepRetry {
		ms := float64(ev.Delay.Microseconds()) / 1000
		j.DelayMS = &ms
	}
	if ev.Type == runtime.StepFailure {
		c := canceled(ev.Err) && !ev.TimedOut
		j.Canceled = &c
	}
	for _, k := range ev.Keys {
		j.Assets = append(j.Assets, string(k))
	}
	if ev.Plan != nil {
		for _, a := range ev.Plan.Assets() {
			j.Plan = append(j.Plan, jsonPlanAsset{Asset: string(a.Key), Steps: a.Steps, Partitions: a.Partitions.Len()})
		}
	}
	if ev.Partitions.Len() > 0 {
		j.PartitionKeys = ev.Partitions.Keys()
	}
	md := ev.Metadata
	if c := ev.Check; c != nil {
		j.Check, md = newJSONCheck(c), c.Metadata
		ms := float64(c.Duration.Microseconds()) / 1000
		j.DurationMS = &ms
	}
	if len(md) > 0 {
		j.Metadata = make(map[string]any, len(md))
		for k, v := range md {
			if _, err := json.Marshal(v); err != nil {
				v = fmt.Sprint(v) // not representable in JSON
			}
			j.Metadata[k] = v
		}
	}
	for k, v := range ev.InputVersions {
		if j.Inputs == nil {
			j.Inputs = map[string]string{}
		}
		j.Inputs[string(k)] = v
	}
	return j
}

func (r *jsonReporter) write(j *jsonEvent) {
	b, err := json.Marshal(j)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"type": j.Type, "run_id": j.RunID, "error": "cannot encode event: " + err.Error()})
	}
	r.w.Write(append(b, '\n'))
}

func (r *jsonReporter) event(ev runtime.Event) {
	j := newJSONEvent(ev)
	switch ev.Type {
	case runtime.RunEnd:
		r.runEnd = &ev
		return
	case runtime.RunStart:
		r.parts.start(ev)
	case runtime.StepSuccess, runtime.StepFailure, runtime.StepSkipped:
		if a := r.parts.end(ev); a != nil {
			p := *a
			j.Progress = &p
		}
	}
	r.write(j)
}

func (r *jsonReporter) end(res *runtime.Result) {
	if r.runEnd == nil || res == nil {
		return
	}
	j := newJSONEvent(*r.runEnd)
	j.Steps = map[string]int{}
	for _, s := range res.Steps {
		j.Steps[s.Status.String()]++
	}
	switch {
	case res.OK():
		j.Status = "success"
	case r.ctx.Err() != nil:
		j.Status = "canceled"
	default:
		j.Status = "failed"
	}
	r.write(j)
}

// liveReporter shows a live view on a terminal: a bar with the counts of
// steps done, running, failed and skipped, and below it one line per
// running step with its elapsed time. Finished steps are printed above
// the bars, as are the logs (through logs, switched to the view while it
// is shown).
type liveReporter struct {
	out  io.Writer
	logs *switchWriter

	f     lineFormatter
	p     *mpb.Progress
	total *mpb.Bar
	steps map[string]*mpb.Bar
	parts map[runtime.Key]*partBar // a bar per partitioned asset

	options []mpb.ContainerOption // more options of the view (tests force rendering)

	n                                        int
	done, running, failed, skipped, canceled atomic.Int64
	mu                                       sync.Mutex // serializes events and end
	ended                                    bool
}

func newLiveReporter(out io.Writer, logs *switchWriter) *liveReporter {
	return &liveReporter{out: out, logs: logs, steps: map[string]*mpb.Bar{}}
}

// println prints a line above the bars.
func (r *liveReporter) println(s string) {
	if r.p == nil {
		fmt.Fprintln(r.out, s)
		return
	}
	fmt.Fprintln(aboveBars{r.p, r.out}, s)
}

// aboveBars writes above the bars of p while they are shown, and to out
// once they are gone (a late log line of a step that ignored
// cancellation, say).
type aboveBars struct {
	p   *mpb.Progress
	out io.Writer
}

func (a aboveBars) Write(b []byte) (int, error) {
	if n, err := a.p.Write(b); err == nil {
		return n, nil
	}
	return a.out.Write(b)
}

func (r *liveReporter) counts(decor.Statistics) string {
	s := fmt.Sprintf("%d/%d done  %d running  %d failed  %d skipped",
		r.done.Load(), r.n, r.running.Load(), r.failed.Load(), r.skipped.Load())
	if n := r.canceled.Load(); n > 0 {
		s += fmt.Sprintf("  %d canceled", n)
	}
	return s
}

func (r *liveReporter) event(ev runtime.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ended {
		return
	}
	line := r.f.line(ev)
	name := stepName(ev.Key, ev.Partition)
	switch ev.Type {
	case runtime.RunStart:
		r.n = r.f.parts.steps
		r.p = mpb.New(append([]mpb.ContainerOption{mpb.WithOutput(r.out), mpb.WithWidth(40), mpb.WithRefreshRate(120 * time.Millisecond)}, r.options...)...)
		r.logs.set(aboveBars{r.p, r.out})
		r.println(line)
		total, err := r.p.Add(int64(max(r.n, 1)), mpb.BarStyle().Build(),
			mpb.PrependDecorators(decor.Any(r.counts, decor.WC{W: 1, C: decor.DindentRight})),
			mpb.AppendDecorators(decor.Elapsed(decor.ET_STYLE_GO, decor.WC{W: 6})),
		)
		if err == nil {
			r.total = total
		}
		// A bar per partitioned asset: its partitions done of its total.
		r.parts = map[runtime.Key]*partBar{}
		for _, k := range r.f.parts.order {
			a := r.f.parts.assets[k]
			pb := &partBar{}
			pb.label.Store(a.String() + " partitions")
			bar, err := r.p.Add(int64(max(a.Total, 1)), mpb.BarStyle().Build(),
				mpb.PrependDecorators(decor.Name("  "+string(k), decor.WC{W: r.f.width + 2, C: decor.DindentRight})),
				mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return pb.label.Load().(string) })),
			)
			if err == nil {
				pb.bar = bar
				r.parts[k] = pb
			}
		}
	case runtime.StepStart:
		r.running.Add(1)
		if r.p == nil {
			return
		}
		label := name
		if ev.Attempt > 1 {
			label += fmt.Sprintf(" (attempt %d)", ev.Attempt)
		}
		bar, err := r.p.Add(0, mpb.SpinnerStyle().Build(),
			mpb.BarWidth(1),
			mpb.PrependDecorators(decor.Name("  "+label, decor.WC{W: r.f.width + 2, C: decor.DindentRight})),
			mpb.AppendDecorators(decor.Elapsed(decor.ET_STYLE_GO)),
		)
		if err == nil {
			r.steps[name] = bar
		}
	case runtime.StepSuccess, runtime.StepFailure, runtime.StepRetry:
		r.running.Add(-1)
		if bar := r.steps[name]; bar != nil {
			bar.Abort(true)
			delete(r.steps, name)
		}
		switch ev.Type {
		case runtime.StepSuccess:
			r.done.Add(1)
		case runtime.StepFailure:
			r.done.Add(1)
			if canceled(ev.Err) {
				r.canceled.Add(1)
			} else {
				r.failed.Add(1)
			}
		}
		if r.total != nil && ev.Type != runtime.StepRetry {
			r.total.Increment()
		}
		if ev.Type != runtime.StepRetry {
			r.partsDone(ev)
		}
		r.println(line)
	case runtime.StepSkipped:
		r.done.Add(1)
		r.skipped.Add(1)
		if r.total != nil {
			r.total.Increment()
		}
		r.partsDone(ev)
		r.println(line)
	case runtime.CheckEvaluated:
		r.println(line)
	case runtime.RunEnd:
		r.stop(line)
	}
}

// partBar is the bar of a partitioned asset, and its counts, which the
// view's goroutine reads.
type partBar struct {
	bar   *mpb.Bar
	label atomic.Value // string
}

// partsDone moves the bar of the partitioned asset whose step ev ends
// (the line formatter counted it).
func (r *liveReporter) partsDone(ev runtime.Event) {
	if pb := r.parts[ev.Key]; pb != nil {
		pb.label.Store(r.f.parts.assets[ev.Key].String() + " partitions")
		pb.bar.IncrBy(max(ev.Partitions.Len(), 1))
	}
}

// stop ends the live view, leaving the counts bar on the screen, and
// prints line below it.
func (r *liveReporter) stop(line string) {
	if r.p == nil {
		return
	}
	for name, bar := range r.steps {
		bar.Abort(true)
		delete(r.steps, name)
	}
	if r.total != nil && !r.total.Completed() {
		r.total.Abort(false)
	}
	for _, pb := range r.parts {
		if !pb.bar.Completed() {
			pb.bar.Abort(false)
		}
	}
	r.p.Wait()
	r.logs.set(r.out)
	r.p = nil
	if line != "" {
		fmt.Fprintln(r.out, line)
	}
}

// interrupted moves the next line above the bars to the first column. A
// terminal echoes ^C where its cursor is, the start of the line below the
// bars; the view then moves up and clears from that column on, which
// would leave the first characters of the counts line in front of the
// next line printed above the bars (the "canceling the run" warning).
func (r *liveReporter) interrupted() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.p != nil {
		fmt.Fprint(aboveBars{r.p, r.out}, "\r")
	}
}

func (r *liveReporter) end(*runtime.Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stop("")
	r.ended = true
}
