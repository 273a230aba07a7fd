package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// testDefs returns a small pipeline kept in memory: a -> b -> c, and d.
func testDefs() runtime.Definitions {
	intType := reflect.TypeFor[int]()
	def := func(key runtime.Key, upstream ...runtime.Key) *runtime.AssetDef {
		d := &runtime.AssetDef{Key: key, OutputType: intType}
		for _, u := range upstream {
			d.Inputs = append(d.Inputs, runtime.Input{Name: string(u), Key: u, Type: intType})
		}
		d.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			n := 1
			for i := range d.Inputs {
				v, err := runtime.Load[int](ctx, in, i)
				if err != nil {
					return nil, err
				}
				n += v
			}
			ctx.AddMetadata("n", n)
			return n, nil
		}
		return d
	}
	return runtime.Definitions{
		Assets:     []*runtime.AssetDef{def("a"), def("b", "a"), def("c", "b"), def("d")},
		IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()},
	}
}

func runInProcess(ctx context.Context, defs runtime.Definitions, args ...string) result {
	var stdout, stderr bytes.Buffer
	code := Run(ctx, defs, args, strings.NewReader(""), &stdout, &stderr)
	return result{stdout.String(), stderr.String(), code}
}

func TestRun(t *testing.T) {
	r := runInProcess(context.Background(), testDefs(), "materialize", "--select", "+c")
	r.want(t, 0, summaryRow("c", "success", "1")+`.*n=3`, "3 steps: 3 succeeded", "err:(?m)^ok +c ")
	if strings.Contains(r.stdout, "\nd ") {
		t.Errorf("d was not selected but ran:\n%s", r.stdout)
	}
}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(&interrupt{signal: syscall.SIGTERM})
	r := runInProcess(ctx, testDefs(), "materialize")
	r.want(t, 143, summaryRow("a", "canceled", "-"), "4 steps: 0 succeeded, 4 canceled",
		`err:msg="canceling the run; interrupt again to exit at once" cause="signal: terminated"`)

	ctx, cancel2 := context.WithCancel(context.Background())
	cancel2()
	runInProcess(ctx, testDefs(), "materialize", "--log-level", "error").want(t, 130, "err:canceling the run")
}

func TestRunInvalidDefinitions(t *testing.T) {
	defs := testDefs()
	defs.IOManagers = nil
	r := runInProcess(context.Background(), defs, "materialize")
	r.want(t, 1, `err:invalid definitions:\n    .*io_manager`)
	dry := runInProcess(context.Background(), defs, "materialize", "--dry-run")
	dry.want(t, 1)
	if dry.stderr != r.stderr || dry.stdout != "" {
		t.Errorf("materialize and --dry-run refuse differently:\n%s\n%s", r.stderr, dry)
	}
	// Listing and drawing need no I/O manager.
	runInProcess(context.Background(), defs, "list").want(t, 0, `(?m)^c +default `)
	runInProcess(context.Background(), defs, "graph").want(t, 0, `(?m)^  c  <- b$`)
}

// Inputs and deps on one line of text: "<-" loads, "<.." only orders.
func TestGraphTextDeps(t *testing.T) {
	defs := testDefs()
	defs.Assets[2].Deps = []runtime.Key{"d", "a"} // c <- b, after d and a
	r := runInProcess(context.Background(), defs, "graph", "--select", "+c or d")
	r.want(t, 0, `(?m)^  c  <- b  <.. d, a$`)
	r = runInProcess(context.Background(), defs, "graph", "--select", "c")
	r.want(t, 0, `(?m)^  c  <- b \(not selected\)  <.. d \(not selected\), a \(not selected\)$`)
	r = runInProcess(context.Background(), defs, "graph", "--format", "mermaid")
	r.want(t, 0, `(?m)^  n_b --> n_c$`, `(?m)^  n_d -.-> n_c$`, `(?m)^  n_a -.-> n_c$`)
	// A dep that is also an input is a data edge.
	defs.Assets[2].Deps = []runtime.Key{"b"}
	runInProcess(context.Background(), defs, "graph").want(t, 0, `(?m)^  c  <- b$`)
}

// A bad 100 KB selection gives a few lines of error, not the expression
// twice.
func TestLongSelectionError(t *testing.T) {
	expr := strings.Repeat("a or ", 20_000) + "x"
	r := runInProcess(context.Background(), testDefs(), "list", "--select", expr)
	r.want(t, 2, `err:column 100001: unknown asset "x"\n    \.\.\.(a or )+x\n {47}\^\n`)
	if len(r.stderr) > 400 {
		t.Errorf("%d bytes of error:\n%.1000s", len(r.stderr), r.stderr)
	}
}

// Every command checks the shape of the definitions; a key defined twice
// is one problem, naming each place once.
func TestDuplicateKeys(t *testing.T) {
	for _, c := range []struct {
		sources []string
		want    string
	}{
		{[]string{"a.go:3", "a.go:3"}, `asset b: defined twice, both times at a.go:3 \(are one package's Assets\(\) in the Definitions twice\?\)`},
		{[]string{"a.go:3", "x.go:9"}, `asset b: defined twice: a.go:3, x.go:9`},
	} {
		defs := testDefs()
		dup := *defs.Assets[1]
		defs.Assets[1].Source, dup.Source = c.sources[0], c.sources[1]
		defs.Assets = append(defs.Assets, &dup)
		for _, args := range [][]string{{"list"}, {"graph"}, {"status"}, {"materialize"}, {"materialize", "--dry-run"}, {"materialize", "--select", "d"}} {
			r := runInProcess(context.Background(), defs, args...)
			r.want(t, 1, `err:^`+progName()+` `+args[0]+`: invalid definitions:\n    `+c.want+`\n$`)
			if r.stdout != "" {
				t.Errorf("%v printed %q", args, r.stdout)
			}
		}
	}
}

// pickyManager is a memory manager that cannot store strings.
type pickyManager struct{ *memory.Manager }

func (pickyManager) CheckType(t reflect.Type) error {
	if t.Kind() == reflect.String {
		return errors.New("no strings")
	}
	return nil
}

// An asset whose output its manager cannot store stops only the runs
// that store or load it, and materialize and --dry-run say the same.
func TestValidatesWhatTheRunNeeds(t *testing.T) {
	defs := testDefs()
	mem := memory.New()
	defs.IOManagers = map[string]runtime.IOManager{"io_manager": mem, "picky": pickyManager{mem}}
	title := &runtime.AssetDef{Key: "title", IOManager: "picky", Source: "news.go:12", OutputType: reflect.TypeFor[string](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return "t", nil }}
	reader := &runtime.AssetDef{Key: "reader", Inputs: []runtime.Input{{Name: "title", Key: "title", Type: reflect.TypeFor[string]()}},
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return nil, nil }}
	defs.Assets = append(defs.Assets, title, reader)

	runInProcess(context.Background(), defs, "materialize", "--select", "+c").want(t, 0, "3 steps: 3 succeeded")
	runInProcess(context.Background(), defs, "materialize", "--dry-run", "--select", "+c").want(t, 0, `(?m)^3 +c +b +-$`)
	runInProcess(context.Background(), defs, "list").want(t, 0, `(?m)^title `)

	const want = `asset title \(news.go:12\): I/O manager "picky" cannot store its output type string: no strings`
	for _, sel := range []string{"title", "reader", "title or a", ""} {
		r := runInProcess(context.Background(), defs, "materialize", "--select", sel)
		r.want(t, 1, `err:^`+progName()+` materialize: invalid definitions:\n    `+want+`\n$`)
		dry := runInProcess(context.Background(), defs, "materialize", "--dry-run", "--select", sel)
		if dry.code != 1 || dry.stderr != r.stderr || dry.stdout != "" {
			t.Errorf("--select %q: materialize and --dry-run differ:\n%s\n%s", sel, r, dry)
		}
	}
}

func TestMermaidIDs(t *testing.T) {
	ids := mermaidIDs([]runtime.Key{"a/b", "a__b", "end", "style"})
	want := map[runtime.Key]string{"a/b": "n_a__b", "a__b": "n_a__b_2", "end": "n_end", "style": "n_style"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("mermaidIDs = %v, want %v", ids, want)
	}
}

func TestQuoting(t *testing.T) {
	if got := dotQuote(`a"b\c` + "\n"); got != `"a\"b\\c\n"` {
		t.Errorf("dotQuote = %s", got)
	}
	if got := mermaidLabel(`say "hi"`); got != `"say #quot;hi#quot;"` {
		t.Errorf("mermaidLabel = %s", got)
	}
	if got := groupID("my group/1"); got != "g_my_20_group_2f_1" {
		t.Errorf("groupID = %s", got)
	}
}

func TestGraphOddGroupNames(t *testing.T) {
	defs := testDefs()
	defs.Assets[0].Group = `with "quotes" and \ back`
	r := runInProcess(context.Background(), defs, "graph", "--format", "dot")
	r.want(t, 0, `label="with \\"quotes\\" and \\\\ back";`)
	if dot, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = strings.NewReader(r.stdout)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("dot rejects a group name with quotes: %v\n%s\n%s", err, out, r.stdout)
		}
	}
	r = runInProcess(context.Background(), defs, "graph", "--format", "mermaid")
	r.want(t, 0, `subgraph g_with_20__22_quotes_22__20_and_20__5c__20_back\["with #quot;quotes#quot; and \\ back"\]`)
}

func TestJSONEventMetadata(t *testing.T) {
	ev := runtime.Event{Type: runtime.StepSuccess, RunID: "r", Key: "a", Attempt: 1,
		Metadata: runtime.Metadata{"rows": 6, "ch": make(chan int), "path": "/x"}}
	var buf bytes.Buffer
	(&jsonReporter{w: &buf, ctx: context.Background()}).event(ev)
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	md, _ := got["metadata"].(map[string]any)
	if md["rows"] != 6.0 || md["path"] != "/x" || !strings.HasPrefix(md["ch"].(string), "0x") {
		t.Errorf("metadata = %v", got["metadata"])
	}
	if _, ok := got["duration_ms"]; !ok {
		t.Errorf("step_success without duration_ms: %s", buf.String())
	}
}

func TestFmtMetadata(t *testing.T) {
	got := fmtMetadata(runtime.Metadata{"rows": 6, "table": "my schema.people", "empty": "", "long": strings.Repeat("x", 100)})
	want := `empty="" long=` + strings.Repeat("x", 59) + `… rows=6 table="my schema.people"`
	if got != want {
		t.Errorf("fmtMetadata = %s\nwant %s", got, want)
	}
}

func TestUsageWithoutArgs(t *testing.T) {
	// os.Args[0] names the program in messages.
	r := runInProcess(context.Background(), testDefs())
	r.want(t, 2, "err:Usage:", "err:"+progName()+" <command>")
	if progName() == "" || strings.Contains(progName(), string(os.PathSeparator)) {
		t.Errorf("progName() = %q", progName())
	}
}

// A usage error shows the error, the usage line and the flags, and points
// at help for the rest: the command's description would bury the error.
func TestUsageErrorIsShort(t *testing.T) {
	r := runInProcess(context.Background(), testDefs(), "materialize", "-j", "-3")
	r.want(t, 2, "err:^"+progName()+" materialize: -j -3", "err:usage: "+progName()+" materialize", "err:-select EXPR",
		"err:Run '"+progName()+" help materialize' for details.")
	if strings.Contains(r.stderr, "Materialize runs the selected assets") {
		t.Errorf("the usage error prints the whole help:\n%s", r.stderr)
	}
}

// list shows "-" for the I/O manager of an asset that stores nothing, and
// the first sentence of a description, however its lines are broken.
func TestListIOManagerAndDescription(t *testing.T) {
	defs := testDefs()
	defs.Assets[3].OutputType = nil // d returns only an error: nothing to store
	defs.Assets[3].Description = "D reports on\nthe other assets. It stores nothing.\n\nA second paragraph."
	defs.Assets[2].Description = "C is the last\nof the chain"
	r := runInProcess(context.Background(), defs, "list")
	r.want(t, 0,
		`(?m)^KEY +GROUP +KINDS +OWNERS +UPSTREAM +IO MANAGER +CODE VERSION +DESCRIPTION$`,
		`(?m)^c +default +- +- +b +io_manager +- +C is the last of the chain$`,
		`(?m)^d +default +- +- +- +- +- +D reports on the other assets\.$`)
	r = runInProcess(context.Background(), defs, "list", "--json", "--select", "c or d")
	r.want(t, 0)
	var entries []listEntry
	if err := json.Unmarshal([]byte(r.stdout), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].IOManager != "io_manager" || entries[1].IOManager != "" {
		t.Errorf("list --json: io_manager of c and d: %+v", entries)
	}
}

// An asset named where --select belongs gets a hint.
func TestArgumentWithoutSelect(t *testing.T) {
	runInProcess(context.Background(), testDefs(), "materialize", "a").want(t, 2,
		`err:^`+progName()+` materialize: unexpected argument "a" \(did you mean --select a\?\)\n`)
	runInProcess(context.Background(), testDefs(), "list", "a", "c").want(t, 2,
		`err:^`+progName()+` list: unexpected argument "a" \(did you mean --select 'a or c'\?\)\n`)
	// With a --select, the hint keeps it.
	runInProcess(context.Background(), testDefs(), "materialize", "--select", "a", "c").want(t, 2,
		`err:^`+progName()+` materialize: unexpected argument "c" \(did you mean --select 'a or c'\?\)\n`)
	runInProcess(context.Background(), testDefs(), "list", "--select", "a and not c", "d").want(t, 2,
		`err:^`+progName()+` list: unexpected argument "d" \(did you mean --select '\(a and not c\) or d'\?\)\n`)
	// A command without --select: no hint.
	r := runInProcess(context.Background(), testDefs(), "runs", "show", "x", "y")
	r.want(t, 2, `err:unexpected argument "y"\n`)
	if strings.Contains(r.stderr, "did you mean") {
		t.Errorf("runs show x y suggests --select:\n%s", r.stderr)
	}
}

// runs show prints an integer metadata value as one, though the history
// gives it back as a float64; status says a step canceled while it ran
// was the asset's last attempt.
func TestRunsShowAndStatusAfterCancel(t *testing.T) {
	home := t.TempDir()
	defs := testDefs()
	defs.Assets[0].Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		ctx.AddMetadata("rows", 16709151)
		ctx.AddMetadata("ratio", 0.25)
		return 1, nil
	}
	r := runInProcess(context.Background(), defs, "materialize", "--history", home, "--select", "a")
	r.want(t, 0)
	id := runID(t, r)
	runInProcess(context.Background(), defs, "runs", "--history", home, "show", id).want(t, 0, `(?m)^a +success +1 .* ratio=0\.25 rows=16709151$`)

	// b is canceled while it runs.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defs.Assets[1].Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		cancel()
		<-ctx.Done()
		return nil, ctx.Err()
	}
	runInProcess(ctx, defs, "materialize", "--history", home, "--select", "b").want(t, 130)
	runInProcess(context.Background(), defs, "status", "--history", home).want(t, 0,
		statusRow("b", "stale", `never materialized; last attempt canceled \(in run \S+: context canceled\)`))
}

// A history URL of a scheme that is not supported is named as given
// (without its password), not as a path made of it.
func TestHistoryOtherScheme(t *testing.T) {
	r := runInProcess(context.Background(), testDefs(), "runs", "--history", "mysql://me:secret@db/x")
	r.want(t, 1, `err:cannot open the run history mysql://me:xxxxx@db/x: history: unsupported URL scheme "mysql://"`)
	if strings.Contains(r.stderr, "secret") || strings.Contains(r.stderr, "history.db") {
		t.Errorf("the error shows the password or a made-up path:\n%s", r.stderr)
	}
}

func TestMetadataValue(t *testing.T) {
	got := fmtMetadata(runtime.Metadata{"big": float64(16709151), "neg": -3.0, "frac": 0.5, "huge": 1e300, "int": 7})
	want := "big=16709151 frac=0.5 huge=1e+300 int=7 neg=-3"
	if got != want {
		t.Errorf("fmtMetadata = %s, want %s", got, want)
	}
}

// A --config file that cannot be read or parsed gets its one-line error,
// as an invalid config does (status 1), without the usage.
func TestBadConfigFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("a: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{bad, filepath.Join(t.TempDir(), "missing.yaml")} {
		for _, cmd := range []string{"materialize"} { // check loads it the same way (loadConfig)
			r := runInProcess(context.Background(), testDefs(), cmd, "--config", file)
			r.want(t, 1, `err:^`+progName()+` `+cmd+`: invalid config, nothing ran:\n  .*`+regexp.QuoteMeta(filepath.Base(file)))
			if strings.Contains(r.stderr, "usage:") {
				t.Errorf("%s --config %s printed the usage:\n%s", cmd, file, r.stderr)
			}
		}
	}
}

// The web page's messages drop the command's prefix and --set.
func TestLauncherSaid(t *testing.T) {
	l := &launcher{e: &env{prog: "shop"}}
	got := l.said("shop materialize: invalid config, nothing ran:\n  asset report: config field \"n\" (int) is required: it has no default; give it in the config file"+runtime.SetHint+"\n", exitFailed)
	want := "invalid config, nothing ran:\n  asset report: config field \"n\" (int) is required: it has no default; give it in the config file"
	if got != want {
		t.Errorf("said = %q, want %q", got, want)
	}
}
