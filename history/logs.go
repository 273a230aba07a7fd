package history

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/assetgen/assetgen/runtime"
)

// Bounds of the log lines a Recorder keeps per step (see
// Recorder.LimitLogs): the first LogHead lines and the last LogTail
// lines of each step; the lines between are dropped and a marker says
// how many. A line longer than LogLineBytes (message and attributes) is
// cut there, ending with "… (N bytes cut)".
const (
	LogHead      = 1000
	LogTail      = 1000
	LogLineBytes = 4096
)

// LogLine is a line an asset's logger wrote during a step, or a marker
// of the lines dropped past the bounds (Dropped > 0).
type LogLine struct {
	RunID     string
	Seq       int64 // place among the run's lines, from 1; dropped lines leave gaps
	Key       runtime.Key
	Partition string
	Line      int // number in the step, from 1 (a marker: the first line dropped)
	Attempt   int // the step's attempt when it was logged
	Time      time.Time
	Level     string // slog's level name: "INFO", "WARN", "DEBUG-2"; empty on a marker
	Message   string
	Attrs     string // the record's other attributes as key=value text, groups dotted
	Dropped   int    // a marker: how many lines of the step were dropped here
}

// LogQuery chooses the log lines of a run that Log.Logs returns.
type LogQuery struct {
	// Key, when set, keeps the lines of that asset's step (and
	// Partition's) only.
	Key       runtime.Key
	Partition string
	// After keeps the lines with Seq > After, to follow a running run.
	// Markers are returned whatever After, as their counts grow while
	// their step runs.
	After int64
	// Limit bounds the number of lines (markers aside); 0 means no bound.
	Limit int
}

// LogTrim deletes the lines of one step that fell out of its tail
// window after they were written: those with From <= Seq <= To.
type LogTrim struct {
	RunID     string
	Key       runtime.Key
	Partition string
	From, To  int64
}

// logState is the Recorder's record of one step's lines.
type logState struct {
	id       stepID
	base     int64     // a step recorder's: the Seq of line 0
	lines    int       // lines seen
	written  []int64   // Seq of the tail lines written and kept, oldest first
	pending  []LogLine // tail lines not written yet, oldest first
	dropped  int
	marker   LogLine // valid when dropped > 0
	trim     LogTrim // From == 0: nothing to delete
	dirty    bool    // in runState.dirtyLogs
	newDrops bool    // marker changed since the last write
	taken    bool    // its step was taken (Recorder.Take): forget it once written
}

// LimitLogs sets how many lines of each step r keeps: the first head and
// the last tail (both at least 1), and cuts lines at lineBytes bytes.
// Call it before the first event.
func (r *Recorder) LimitLogs(head, tail, lineBytes int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logHead, r.logTail, r.logBytes = max(head, 1), max(tail, 1), max(lineBytes, 64)
}

// Handler returns a slog.Handler that passes every record to next and
// records the lines of steps in the run history: the records of loggers
// tagged with run_id and asset attributes, as the runtime tags the
// logger of each step it derives from runtime.Options.Logger (Record
// installs it there). A "partition" attribute beside them names the
// step's partition. Lines of runs this Recorder has not seen start are
// not recorded.
func (r *Recorder) Handler(next slog.Handler) slog.Handler {
	return &logHandler{r: r, next: next}
}

// logHandler is the handler Handler returns.
type logHandler struct {
	r         *Recorder
	next      slog.Handler
	run       string
	key       string
	partition string
	prefix    string // the open groups, "g." for each
	attrs     []byte // the handler's attributes, formatted
}

func (h *logHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.next.Enabled(ctx, level)
}

func (h *logHandler) Handle(ctx context.Context, rec slog.Record) error {
	err := h.next.Handle(ctx, rec)
	if h.run == "" || h.key == "" {
		return err
	}
	attrs := slices.Clip(h.attrs)
	rec.Attrs(func(a slog.Attr) bool {
		attrs = appendAttr(attrs, h.prefix, a)
		return true
	})
	t := rec.Time
	if t.IsZero() {
		t = time.Now()
	}
	h.r.onLog(&LogLine{
		RunID: h.run, Key: runtime.Key(h.key), Partition: h.partition,
		Time: t, Level: rec.Level.String(), Message: rec.Message, Attrs: string(attrs),
	})
	return err
}

func (h *logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.next = h.next.WithAttrs(attrs)
	c.attrs = slices.Clip(h.attrs)
	for _, a := range attrs {
		if h.prefix == "" && a.Value.Kind() == slog.KindString {
			switch a.Key {
			case "run_id":
				c.run = a.Value.String()
				continue
			case "asset":
				c.key = a.Value.String()
				continue
			case "partition":
				c.partition = a.Value.String()
				continue
			}
		}
		c.attrs = appendAttr(c.attrs, c.prefix, a)
	}
	return &c
}

func (h *logHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	c := *h
	c.next = h.next.WithGroup(name)
	c.prefix += name + "."
	return &c
}

// appendAttr appends a as key=value (a group's members with dotted keys),
// space-separated, quoting values as slog's text handler does.
func appendAttr(b []byte, prefix string, a slog.Attr) []byte {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return b
	}
	if a.Value.Kind() == slog.KindGroup {
		if a.Key != "" {
			prefix += a.Key + "."
		}
		for _, m := range a.Value.Group() {
			b = appendAttr(b, prefix, m)
		}
		return b
	}
	if len(b) > 0 {
		b = append(b, ' ')
	}
	b = appendText(b, prefix+a.Key)
	b = append(b, '=')
	var v string
	if a.Value.Kind() == slog.KindTime {
		v = a.Value.Time().Format(time.RFC3339Nano)
	} else {
		v = a.Value.String()
	}
	return appendText(b, v)
}

// appendText appends s, quoted when it is empty or holds spaces, quotes,
// '=' or characters that are not printable.
func appendText(b []byte, s string) []byte {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool {
		return r == ' ' || r == '"' || r == '=' || r == utf8.RuneError || !strconv.IsPrint(r)
	}) {
		return strconv.AppendQuote(b, s)
	}
	return append(b, s...)
}

// cut shortens l's message and attributes to n bytes in all, at a
// character boundary, and says how much was cut.
func cut(l *LogLine, n int) {
	total := len(l.Message) + len(l.Attrs)
	if total <= n {
		return
	}
	trunc := func(s string, n int) string {
		for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
			n--
		}
		return s[:n]
	}
	if len(l.Message) >= n {
		l.Message, l.Attrs = trunc(l.Message, n), ""
	} else {
		l.Attrs = trunc(l.Attrs, n-len(l.Message))
	}
	note := fmt.Sprintf(" … (%d bytes cut)", total-len(l.Message)-len(l.Attrs))
	if l.Attrs != "" {
		l.Attrs += note
	} else {
		l.Message += note
	}
}

// onLog queues a log line.
func (r *Recorder) onLog(l *LogLine) {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return
	}
	r.queue = append(r.queue, event{log: l})
	r.queued++
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// applyLog numbers a line and keeps it, within the bounds of its step.
func (r *Recorder) applyLog(l *LogLine) {
	rs := r.runs[l.RunID]
	if rs == nil || r.ended[l.RunID] {
		return // a run not started here, or already written whole
	}
	id := stepID{l.Key, l.Partition}
	ls := rs.logs[id]
	if ls == nil {
		ls = &logState{id: id}
		if rs.place != nil {
			_, ls.base = rs.place(l.RunID, l.Key, l.Partition)
		}
		rs.logs[id] = ls
	}
	if !ls.dirty {
		ls.dirty = true
		rs.dirtyLogs = append(rs.dirtyLogs, ls)
	}
	rs.logSeq++
	ls.lines++
	l.Seq, l.Line, l.Attempt = rs.logSeq, ls.lines, 1
	if rs.place != nil {
		l.Seq = ls.base + int64(ls.lines)
	}
	if p := rs.steps[id]; p != nil && p.Attempts > 0 {
		l.Attempt = p.Attempts
	}
	cut(l, r.logBytes)
	if ls.lines <= r.logHead {
		rs.headLogs = append(rs.headLogs, *l)
		return
	}
	ls.pending = append(ls.pending, *l)
	if len(ls.written)+len(ls.pending) <= r.logTail {
		return
	}
	// Drop the oldest line of the tail window.
	var seq int64
	if len(ls.written) > 0 {
		seq = ls.written[0]
		ls.written = ls.written[1:]
		if ls.trim.From == 0 {
			ls.trim = LogTrim{RunID: l.RunID, Key: l.Key, Partition: l.Partition, From: seq}
		}
		ls.trim.To = seq
	} else {
		seq = ls.pending[0].Seq
		ls.pending = ls.pending[1:]
	}
	if ls.dropped == 0 {
		// The first line dropped is the step's line head+1: the marker
		// takes its place.
		ls.marker = LogLine{
			RunID: l.RunID, Seq: seq, Key: l.Key, Partition: l.Partition,
			Line: r.logHead + 1, Attempt: l.Attempt, Time: l.Time,
		}
	}
	ls.dropped++
	ls.marker.Dropped = ls.dropped
	ls.marker.Message = dropMessage(ls.dropped, r.logHead, r.logTail)
	ls.newDrops = true
}

// dropMessage is the text of a marker.
func dropMessage(n, head, tail int) string {
	return fmt.Sprintf("… %s dropped: a step keeps its first %d and its last %d lines", plural(n, "line"), head, tail)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// addLogs adds the lines, trims and markers of rs that are not written yet
// to b.
func (rs *runState) addLogs(b *Batch) {
	b.Logs = append(b.Logs, rs.headLogs...)
	for _, ls := range rs.dirtyLogs {
		b.Logs = append(b.Logs, ls.pending...)
		if ls.trim.From != 0 {
			b.Trims = append(b.Trims, ls.trim)
		}
		if ls.newDrops {
			b.Drops = append(b.Drops, ls.marker)
		}
	}
}

// wroteLogs forgets what addLogs added, once written.
func (rs *runState) wroteLogs() {
	clear(rs.headLogs)
	rs.headLogs = rs.headLogs[:0]
	for _, ls := range rs.dirtyLogs {
		for _, l := range ls.pending {
			ls.written = append(ls.written, l.Seq)
		}
		ls.pending = ls.pending[:0]
		ls.trim = LogTrim{}
		ls.newDrops = false
		ls.dirty = false
	}
	clear(rs.dirtyLogs)
	rs.dirtyLogs = rs.dirtyLogs[:0]
}
