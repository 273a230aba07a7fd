package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/web"
)

// envToken names the environment variable that gives serve its token
// when --token is not given (a flag shows in the process list).
const envToken = "ASSETGEN_TOKEN"

// serveCommand is serve: the web page.
func serveCommand() *command {
	return &command{
		name:  "serve",
		args:  "[--addr HOST:PORT] [--token TOKEN] [--history SPEC | --queue DSN] [-j N] [--log-level LEVEL] [--log-format text|json]",
		short: "serve the web page: catalog, lineage, runs with their logs, launching",
		long: `Serve serves the pipeline's web page until interrupted: the asset catalog
(status, staleness, filtering with the --select syntax), the lineage
graph, each asset's materializations and metadata plots, the runs with a
timeline of their steps and their log lines (live while a run goes), and
a page to preview and launch runs. It prints the address to open on
stdout; requests and launched runs log on stderr.

When the pipeline declares schedules, sensors or automation conditions
(cli.WithAutomation), serve also runs the automation daemon (see
'daemon'), as leader or standby, with its defaults; its events go to
stderr.

Runs launched from the page execute in this process, exactly as
'materialize --select EXPR' would, with the partitions picked as
--partition, --partition-range or --partitions (with -j, --log-level and
--log-format as given here), and are recorded in the run history that
the page shows (--history, as for materialize). SIGINT or SIGTERM stops
the server: running runs are cancelled and recorded as such, and serve
exits 0.

With --queue DSN, runs launched from the page run on the workers of that
PostgreSQL database instead, as 'materialize --queue DSN --detach' would
(see 'worker'), and the page shows the queue's database, which records
them (--history, if given, must be the same). They go on when serve
stops; 'runs cancel RUN_ID' cancels one.

The page listens on 127.0.0.1:3000 by default, for this machine only.
Another address (0.0.0.0:3000, a host name) needs a token, from --token
or $` + envToken + `: every request must then carry it, as the header
Authorization: Bearer TOKEN, or a cookie set by opening the printed
address (which has ?token=) once. Put a TLS proxy in front of it on an
untrusted network: serve speaks plain HTTP.`,
		setup: func(fs *flag.FlagSet) func(*env) int {
			f := &serveFlags{}
			fs.StringVar(&f.addr, "addr", "127.0.0.1:3000", "listen on `HOST:PORT` (port 0 picks a free one)")
			fs.StringVar(&f.token, "token", "", "require `TOKEN` of every request (default: $"+envToken+"); needed for a non-loopback --addr")
			fs.IntVar(&f.concurrency, "j", 0, "launched runs run at most `N` steps at once; 0 (the default) means the number of CPUs")
			fs.Var((*dsnFlag)(&f.queue), "queue", "launch runs on the workers of the queue in PostgreSQL database `DSN` (see 'worker'), and show its history")
			f.history.declare(fs)
			f.log.declare(fs)
			return f.run
		},
	}
}

// serveFlags are the flags of serve.
type serveFlags struct {
	addr        string
	token       string
	concurrency int
	queue       string
	history     historyFlag
	log         logFlags
}

func (f *serveFlags) run(e *env) int {
	if f.concurrency < 0 {
		return e.usageError("-j %d: want a positive number of steps, or 0 for the number of CPUs", f.concurrency)
	}
	if err := f.history.launchOn(f.queue, f.concurrency); err != nil {
		return e.usageError("%v", err)
	}
	if f.token == "" {
		f.token = os.Getenv(envToken)
	}
	if err := web.CheckAddr(f.addr, f.token); err != nil {
		e.errorf("refusing to serve: %v", err)
		return exitFailed
	}
	log, err := f.history.open(e.ctx)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	defer log.Close()
	l := &launcher{e: e, history: f.history.resolve(), concurrency: f.concurrency, log: f.log, queue: f.queue}
	// The automation daemon runs inside serve too (as leader or
	// standby), and the page shows it.
	d, err := e.daemon(log, l, automation.RealClock{}, e.stderr)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	srv, err := web.New(web.Options{Defs: e.defs, Log: log, Runner: l, Token: f.token, Name: e.prog, Pipeline: history.PipelineName(), Automation: d})
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		e.errorf("%v", err)
		return exitFailed
	}
	hs := &http.Server{
		Handler:           srv,
		BaseContext:       func(net.Listener) context.Context { return e.ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	daemonDone := make(chan struct{})
	if d != nil {
		go func() {
			defer close(daemonDone)
			d.Run(e.ctx)
		}()
	} else {
		close(daemonDone)
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintln(e.stdout, web.URL(ln.Addr().String(), f.token))
	fmt.Fprintf(e.stderr, "%s serve: serving the web page of %s; interrupt to stop\n", e.prog, plural(len(e.defs.Assets), "asset"))

	status := exitOK
	select {
	case err := <-served:
		e.errorf("%v", err)
		status = exitFailed
	case <-e.ctx.Done():
		fmt.Fprintf(e.stderr, "%s serve: stopping\n", e.prog)
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(e.ctx), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		e.errorf("stopping the server: %v", err)
	}
	l.wait() // the runs see the cancelled context and record how they ended
	if e.ctx.Err() != nil {
		<-daemonDone // its runs end too, and it hands its lease over
	}
	return status
}

// launcher is serve's web.Runner: it plans with materialize --dry-run and
// launches with materialize, through the command itself, so a run from
// the page is planned, checked, recorded and run as the command line's.
type launcher struct {
	e           *env
	history     string // the resolved --history, where serve reads
	concurrency int
	log         logFlags
	queue       string // launch on this queue (materialize --queue --detach)
	wg          sync.WaitGroup
	now         func() time.Time // the clock of the runs of daemon --simulate; nil: the system's
}

// args returns the arguments of materialize for req.
func (l *launcher) args(req web.Request, more ...string) []string {
	a := []string{"--history=" + l.history, "--log-level=" + l.log.level.String(), "--log-format=" + l.log.format}
	if req.Select != "" {
		a = append(a, "--select="+req.Select)
	}
	if p := req.Partitions; p != "" {
		// As the flags take them: their parsing and errors are the
		// command line's.
		switch {
		case strings.Contains(p, partition.RangeSep):
			a = append(a, "--partition-range="+p)
		case strings.Contains(p, ","):
			a = append(a, "--partitions="+p)
		default:
			a = append(a, "--partition="+p)
		}
	}
	if l.concurrency > 0 {
		a = append(a, "-j="+strconv.Itoa(l.concurrency))
	}
	return append(a, more...)
}

// materialize runs the materialize command in this process; launch, when
// set, names the run and says when it has started.
func (l *launcher) materialize(ctx context.Context, args []string, stdout, stderr io.Writer, launch *launch) int {
	return l.materializeConfig(ctx, "", args, stdout, stderr, launch)
}

// materializeConfig is materialize with a run config: config, when not
// empty, is the text of a --config file (YAML or JSON), which
// materialize reads from its stdin, and so parses and validates as the
// command line's.
func (l *launcher) materializeConfig(ctx context.Context, config string, args []string, stdout, stderr io.Writer, launch *launch) int {
	if config != "" {
		args = append(args, "--config=-")
	}
	e := &env{ctx: ctx, defs: l.e.defs, stdin: strings.NewReader(config), stdout: stdout, stderr: stderr, prog: l.e.prog, launch: launch, web: true}
	return e.exec(materializeCommand(), args)
}

// launch is what serve's launcher gives a materialize it runs in the
// background: the run's ID, and a channel to close once the run has
// started.
type launch struct {
	runID   string
	tags    map[string]string // added to the run's tags in the history
	now     func() time.Time  // when set, the run's clock: the times of its events (daemon --simulate)
	started chan struct{}
	once    sync.Once
}

// prepare makes opts run as l says.
func (l *launch) prepare(opts *runtime.Options) {
	opts.RunID = l.runID
	prev := opts.OnEvent
	opts.OnEvent = func(ev runtime.Event) {
		if l.now != nil {
			ev.Time = l.now()
		}
		if prev != nil {
			prev(ev)
		}
		if ev.Type == runtime.RunStart {
			l.once.Do(func() { close(l.started) })
		}
	}
}

// Plan returns the steps of materialize --dry-run.
func (l *launcher) Plan(ctx context.Context, req web.Request) ([]web.PlanStep, error) {
	var out, errs bytes.Buffer
	if status := l.materializeConfig(ctx, req.Config, l.args(req, "--dry-run", "--json"), &out, &errs, nil); status != exitOK {
		return nil, errors.New(l.said(errs.String(), status))
	}
	var plan struct {
		Steps []struct {
			Asset      string   `json:"asset"`
			Partition  string   `json:"partition"`
			Partitions int      `json:"partitions"`
			Upstream   []string `json:"upstream"`
			Stored     []string `json:"stored"`
		} `json:"steps"`
	}
	if out.Len() == 0 { // nothing selected: materialize said so
		return nil, errors.New(strings.TrimSpace(errs.String()))
	}
	if err := json.Unmarshal(out.Bytes(), &plan); err != nil {
		return nil, fmt.Errorf("reading the plan of materialize --dry-run: %w", err)
	}
	steps := make([]web.PlanStep, len(plan.Steps))
	for i, s := range plan.Steps {
		steps[i] = web.PlanStep{Asset: s.Asset, Partition: s.Partition, Partitions: s.Partitions, After: s.Upstream, Stored: s.Stored}
	}
	return steps, nil
}

// Launch starts materialize in the background and returns the run's ID
// once the run has started, or what materialize said when it could not
// start.
func (l *launcher) Launch(ctx context.Context, req web.Request) (string, error) {
	if l.queue != "" {
		return l.launchQueued(ctx, req)
	}
	run := &launch{runID: runtime.NewRunID(), started: make(chan struct{})}
	stderrHead := &headBuffer{max: 64 << 10}
	stderr := io.MultiWriter(&prefixWriter{w: l.e.stderr, prefix: "[run " + run.runID + "] "}, stderrHead)
	done := make(chan int, 1)
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		// The server's context, not the request's: the run outlives the
		// request and stops with the server.
		done <- l.materializeConfig(l.e.ctx, req.Config, l.args(req), io.Discard, stderr, run)
	}()
	select {
	case <-run.started:
		return run.runID, nil
	case status := <-done:
		msg := l.said(stderrHead.String(), status)
		if msg == "" {
			msg = fmt.Sprintf("materialize exited with status %d without starting a run", status)
		}
		return "", errors.New(msg)
	}
}

// said returns what materialize wrote on stderr before it exited with
// status, for the page: of a usage error, its first line, without the
// usage that follows (the page's fields are not the flags), and without
// the "PROG materialize: " prefix and the mention of --set, which are the
// command line's.
func (l *launcher) said(stderr string, status int) string {
	stderr = strings.TrimSpace(stderr)
	if status == exitUsage {
		stderr, _, _ = strings.Cut(stderr, "\n")
	}
	stderr = strings.TrimPrefix(stderr, l.e.prog+" "+materializeCommand().name+": ")
	return strings.ReplaceAll(stderr, runtime.SetHint, "")
}

// launchQueued launches a run of req on the queue, with materialize
// --queue --detach, which returns once the run is enqueued.
func (l *launcher) launchQueued(ctx context.Context, req web.Request) (string, error) {
	var out, errs bytes.Buffer
	if status := l.materializeConfig(ctx, req.Config, l.args(req, "--queue="+l.queue, "--detach"), &out, &errs, nil); status != exitOK {
		return "", errors.New(l.said(errs.String(), status))
	}
	id := strings.TrimSpace(out.String())
	if id == "" {
		return "", errors.New("materialize --queue printed no run ID")
	}
	fmt.Fprintf(l.e.stderr, "%s serve: launched run %s on the queue\n", l.e.prog, id)
	return id, nil
}

// wait waits for the launched runs to end.
func (l *launcher) wait() { l.wg.Wait() }

// headBuffer keeps the first max bytes written to it.
type headBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (h *headBuffer) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if room := h.max - h.buf.Len(); room > 0 {
		h.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (h *headBuffer) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.buf.String()
}

// prefixWriter starts every line written to w with prefix.
type prefixWriter struct {
	mu     sync.Mutex
	w      io.Writer
	prefix string
	mid    bool // in the middle of a line
}

func (p *prefixWriter) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(b)
	var out []byte
	for len(b) > 0 {
		if !p.mid {
			out = append(out, p.prefix...)
		}
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, b...)
			p.mid = true
			break
		}
		out = append(out, b[:i+1]...)
		b = b[i+1:]
		p.mid = false
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return n, nil
}
