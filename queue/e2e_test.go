package queue_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/pgtest"
	"github.com/assetgen/assetgen/internal/s3test"
	"github.com/assetgen/assetgen/queue"
	"github.com/assetgen/assetgen/queue/internal/testpipe"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// pipelineName is the pipeline name of the test pipeline's binary: its
// runs go to its River queue.
const pipelineName = "github.com/assetgen/assetgen/queue/internal/testpipe/cmd/pipeline"

var (
	server *pgtest.Server
	binary string // the built test pipeline
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	var err error
	if server, err = pgtest.Start(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer server.Stop()
	dir, err := os.MkdirTemp("", "queue-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "pipeline")
	build := exec.Command("go", "build", "-o", binary, "./internal/testpipe/cmd/pipeline")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build the test pipeline: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// newDB returns the DSN of a new database.
func newDB(t testing.TB) string {
	t.Helper()
	dsn, drop, err := server.NewDatabase(context.Background(), "queue")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drop() })
	return dsn
}

// cluster is the worker processes of one test.
type cluster struct {
	t     *testing.T
	dsn   string
	data  string // the outputs
	marks string // the steps' start marks
	env   []string
	procs map[string]*exec.Cmd
}

func newCluster(t *testing.T) *cluster {
	c := &cluster{t: t, dsn: newDB(t), data: t.TempDir(), marks: t.TempDir(), procs: map[string]*exec.Cmd{}}
	c.env = append(os.Environ(), "PIPELINE_DATA="+c.data, "PIPELINE_MARKS="+c.marks, queue.Env+"="+c.dsn)
	t.Cleanup(c.stop)
	return c
}

// start starts worker id with the extra environment env.
func (c *cluster) start(id string, env ...string) *exec.Cmd {
	c.t.Helper()
	cmd := exec.Command(binary, "worker", "-j", "2", "--stale-after", "3s", "--stop-timeout", "5s", "--id", id, "--log-level", "warn")
	cmd.Env = append(slices.Clone(c.env), env...)
	logf, err := os.Create(filepath.Join(c.t.TempDir(), id+".log"))
	if err != nil {
		c.t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	c.procs[id] = cmd
	c.t.Cleanup(func() {
		if c.t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			c.t.Logf("worker %s:\n%s", id, b)
		}
	})
	return cmd
}

// stop stops every worker with SIGTERM and waits for it; each must exit 0.
func (c *cluster) stop() {
	for id, cmd := range c.procs {
		if cmd.ProcessState != nil {
			continue
		}
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil && !strings.Contains(err.Error(), "killed") {
			c.t.Errorf("worker %s: %v", id, err)
		}
	}
}

// open opens the queue as the test pipeline.
func (c *cluster) open() *queue.Queue {
	c.t.Helper()
	q, err := queue.Open(context.Background(), c.dsn, pipelineName)
	if err != nil {
		c.t.Fatal(err)
	}
	c.t.Cleanup(func() { q.Close() })
	return q
}

// launch launches a run of the test pipeline.
func (c *cluster) launch(q *queue.Queue, opts runtime.Options) string {
	c.t.Helper()
	defs := testpipe.Definitions(c.data)
	_, id, err := q.Launch(context.Background(), &defs, opts, queue.LaunchOptions{})
	if err != nil {
		c.t.Fatal(err)
	}
	return id
}

// wait waits for run id to end and returns it with its steps.
func wait(t *testing.T, log history.Log, id string) (*history.Run, []history.Step) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		r, err := log.Run(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != history.RunRunning {
			steps, err := log.Steps(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			return r, steps
		}
		if time.Now().After(deadline) {
			steps, _ := log.Steps(context.Background(), id)
			t.Fatalf("run %s still running after 3 minutes: %+v", id, steps)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitFile waits until a file matching pattern exists in dir, and returns
// its name.
func waitFile(t *testing.T, dir, pattern string) string {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		m, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(m) > 0 {
			return filepath.Base(m[0])
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s after 3 minutes", pattern)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// marks returns the start marks of step name (KEY or KEY.PARTITION): the
// PIDs of the processes that started it.
func marks(t *testing.T, dir, name, what string) []int {
	m, err := filepath.Glob(filepath.Join(dir, name+".*."+what))
	if err != nil {
		t.Fatal(err)
	}
	var pids []int
	for _, f := range m {
		parts := strings.Split(filepath.Base(f), ".")
		pid, err := strconv.Atoi(parts[len(parts)-2])
		if err != nil {
			t.Fatal(err)
		}
		pids = append(pids, pid)
	}
	return pids
}

// expected materializes the same run in this process, on the memory I/O
// manager, and returns the outputs by step.
func expected(t *testing.T, opts runtime.Options) map[string]any {
	t.Helper()
	mem := memory.New()
	defs := runtime.Definitions{Assets: testpipe.Assets(), IOManagers: map[string]runtime.IOManager{"io_manager": mem}}
	opts.Logger = nil
	res, err := runtime.Materialize(context.Background(), &defs, opts)
	if err != nil || !res.OK() {
		t.Fatalf("in-process run: %v %+v", err, res)
	}
	out := map[string]any{}
	for _, s := range res.Steps {
		def := stepDef(s.Key)
		v, err := mem.Load(&runtime.InputContext{Context: context.Background(), Upstream: s.Key, UpstreamDef: def, Type: def.OutputType,
			UpstreamPartitions: partList(s.Partition)})
		if err != nil {
			t.Fatal(err)
		}
		out[stepName(s.Key, s.Partition)] = v
	}
	return out
}

func partList(p string) []string {
	if p == "" {
		return nil
	}
	return []string{p}
}

func stepName(k runtime.Key, p string) string {
	if p == "" {
		return string(k)
	}
	return string(k) + "." + p
}

func stepDef(k runtime.Key) *runtime.AssetDef {
	for _, a := range testpipe.Assets() {
		if a.Key == k {
			return a
		}
	}
	return nil
}

// checkOutputs loads every output of want from the shared directory and
// compares it with want's.
func checkOutputs(t *testing.T, data string, want map[string]any) {
	t.Helper()
	m := testpipe.Manager(data)
	for name, v := range want {
		key, part, _ := strings.Cut(name, ".")
		def := stepDef(runtime.Key(key))
		got, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: def.Key, UpstreamDef: def, Type: def.OutputType,
			Partition: part, UpstreamPartitions: partList(part)})
		if err != nil {
			t.Errorf("load %s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got, v) {
			t.Errorf("output %s = %v, want %v", name, got, v)
		}
	}
}

// TestEndToEnd runs three worker processes and one 'materialize --queue'
// process on a graph with fan-out and fan-in, then a partitioned run,
// killing (SIGKILL) the worker of one step in the middle of it: every
// run succeeds, every output loads back equal to an in-process run's,
// and the history has one run with every step and its worker.
func TestEndToEnd(t *testing.T) {
	s3, err := s3test.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Stop()
	if err := s3.CreateBucket("assets"); err != nil {
		t.Fatal(err)
	}
	// The outputs land in the S3 server: the workers', this process's.
	t.Setenv("PIPELINE_BUCKET", s3.URL("assets", "pipeline"))
	for k, v := range s3.Env() {
		t.Setenv(k, v)
	}
	c := newCluster(t)
	q := c.open()
	workers := []string{"w1", "w2", "w3"}
	for _, id := range workers {
		c.start(id)
	}

	// 'materialize --queue' follows the run to its end.
	cmd := exec.Command(binary, "materialize", "--queue", c.dsn, "--select", "+joined", "--json")
	cmd.Env = c.env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("materialize --queue: %v\n%s", err, out)
	}
	var runID string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, `"run_start"`) {
			_, rest, _ := strings.Cut(line, `"run_id":"`)
			runID, _, _ = strings.Cut(rest, `"`)
		}
	}
	if !strings.Contains(string(out), `"run_end"`) || runID == "" {
		t.Fatalf("materialize --queue --json did not report the run's start and end:\n%s", out)
	}
	runs, err := q.History().Runs(context.Background(), history.RunQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 1 || runs[0].ID != runID || runs[0].Status != history.RunSuccess || !runs[0].Queued {
		t.Fatalf("history has runs %+v, want one successful queued run %s", runs, runID)
	}
	_, steps := wait(t, q.History(), runID)
	checkSteps(t, steps, []string{"seed", "left", "right", "joined"}, workers)
	checkOutputs(t, c.data, expected(t, runtime.Options{Selection: []runtime.Key{"seed", "left", "right", "joined"}}))

	// A partitioned run; the worker running clean b is killed in the
	// middle of it.
	gate := filepath.Join(t.TempDir(), "gate")
	for id, p := range c.procs {
		p.Process.Signal(syscall.SIGTERM)
		p.Wait()
		delete(c.procs, id)
	}
	for _, id := range workers {
		c.start(id, "PIPELINE_GATE=clean.b="+gate)
	}
	sel := []runtime.Key{"seed", "raw", "clean", "total", "report", "summary", "final"}
	opts := runtime.Options{Selection: sel, Partitions: runtime.Partitions{Keys: testpipe.Parts}}
	id := c.launch(q, opts)
	mark := waitFile(t, c.marks, "clean.b.*.start")
	pid, _ := strconv.Atoi(strings.Split(mark, ".")[2])
	var killed string
	for id, p := range c.procs {
		if p.Process.Pid == pid {
			killed = id
			p.Process.Kill()
			p.Wait()
			delete(c.procs, id)
		}
	}
	if killed == "" {
		t.Fatalf("no worker has PID %d", pid)
	}
	if err := os.WriteFile(gate, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	run, steps := wait(t, q.History(), id)
	if run.Status != history.RunSuccess {
		t.Fatalf("run %s: %s (%s), want success; steps %+v", id, run.Status, run.Error, steps)
	}
	var live []string
	for _, w := range workers {
		if w != killed {
			live = append(live, w)
		}
	}
	names := []string{"seed", "total", "report", "summary", "final"}
	for _, p := range testpipe.Parts {
		names = append(names, "raw."+p, "clean."+p)
	}
	checkSteps(t, steps, names, workers)
	for _, s := range steps {
		if s.Key == "clean" && s.Partition == "b" && !slices.Contains(live, s.Worker) {
			t.Errorf("clean b ran on %s, want one of the live workers %v", s.Worker, live)
		}
	}
	if pids := marks(t, c.marks, "clean.b", "start"); len(pids) != 2 || !slices.Contains(pids, pid) {
		t.Errorf("clean b started in processes %v, want twice, once in the killed %d", pids, pid)
	}
	// Every output loads back whole (the blob manager writes objects
	// whole) and equal.
	checkOutputs(t, c.data, expected(t, opts))
}

// checkSteps checks that steps are exactly names, each succeeded, on one
// of workers.
func checkSteps(t *testing.T, steps []history.Step, names, workers []string) {
	t.Helper()
	var got []string
	for _, s := range steps {
		got = append(got, stepName(s.Key, s.Partition))
		if s.Status != "success" {
			t.Errorf("step %s: %s (%s), want success", stepName(s.Key, s.Partition), s.Status, s.Error)
		}
		if !slices.Contains(workers, s.Worker) {
			t.Errorf("step %s ran on worker %q, want one of %v", stepName(s.Key, s.Partition), s.Worker, workers)
		}
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(names))
	if !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
}
