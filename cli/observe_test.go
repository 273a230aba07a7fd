package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

// observeDefs is rows (observing its stored output, with the observe
// option) -> total, and landed, an external asset whose file another
// system writes, read by total too.
func observeDefs(m runtime.IOManager, landedVersion string) runtime.Definitions {
	rowsT := reflect.TypeFor[[]regionRow]()
	rows := &runtime.AssetDef{Key: "rows", OutputType: rowsT, ObserveOutput: true,
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []regionRow{{"eu", 1}, {"us", 2}}, nil }}
	landed := &runtime.AssetDef{Key: "landed", OutputType: rowsT, IOManager: "landing",
		Observe: func(context.Context) (runtime.Observation, error) {
			return runtime.Observation{DataVersion: landedVersion, Metadata: runtime.Metadata{"source": "partner sftp"}}, nil
		}}
	total := &runtime.AssetDef{Key: "total", OutputType: reflect.TypeFor[int](), IOManager: "landing",
		Inputs: []runtime.Input{{Name: "rows", Key: "rows", Type: rowsT}, {Name: "landed", Key: "landed", Type: rowsT}},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			n := 0
			for i := range 2 {
				rs, err := runtime.Load[[]regionRow](ctx, in, i)
				if err != nil {
					return nil, err
				}
				for _, r := range rs {
					n += r.N
				}
			}
			return n, nil
		}}
	return runtime.Definitions{Assets: []*runtime.AssetDef{rows, landed, total},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m, "landing": m}}
}

// statusOf returns each asset's status and causes, from status --json.
func statusOf(t *testing.T, run func(args ...string) (int, string, string)) map[string]string {
	t.Helper()
	code, out, errOut := run("status", "--json")
	require.Equal(t, 0, code, errOut)
	var entries []struct {
		Asset  string
		Status string
		Causes []struct{ Text string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &entries))
	m := map[string]string{}
	for _, e := range entries {
		var causes []string
		for _, c := range e.Causes {
			causes = append(causes, c.Text)
		}
		m[e.Asset] = e.Status + ": " + strings.Join(causes, "; ")
	}
	return m
}

// TestObserveFS: an fs file written by another system is an external
// asset's data; observe records its version, total reads it; a stored
// output changed or deleted behind assetgen's back, once observed, makes
// its asset and what reads it stale.
func TestObserveFS(t *testing.T) {
	dir, home := t.TempDir(), t.TempDir()
	landedVersion := "v1"
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := cli.Run(context.Background(), observeDefs(fs.New(dir), landedVersion), append(args, "--history", home), strings.NewReader(""), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	// The other system drops its file where the fs manager reads it.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "landed.json"), []byte(`[{"Region":"apac","N":10}]`), 0o644))

	code, _, errOut := run("materialize", "--select", "landed")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "nothing to materialize: landed is external: another system produces it, observe records it (observe --select landed)")

	// --stale leaves out landed, stale as never observed.
	code, out, errOut := run("materialize", "--stale")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2 steps: 2 succeeded")
	// total, whose upstream landed was never observed, is stale; --stale
	// adds never-materialized upstreams, but not external ones.
	code, out, errOut = run("materialize", "--stale", "--select", "total")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "1 step: 1 succeeded")

	code, out, errOut = run("observe")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `(?m)^landed +external +v1 +changed \(run [0-9a-f-]+\) +source="partner sftp"$`, out)
	assert.Regexp(t, `(?m)^rows +output +[0-9a-f]+ +unchanged`, out)

	code, out, errOut = run("materialize")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2 steps: 2 succeeded", "rows and total; landed is left out")
	assert.NotContains(t, out, "landed ")
	assert.Equal(t, map[string]string{"landed": "fresh: ", "rows": "fresh: ", "total": "fresh: "}, statusOf(t, run))

	// New data lands: total is stale once it is observed.
	landedVersion = "v2"
	code, _, errOut = run("observe", "--select", "landed")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "stale: upstream data changed landed (v1 -> v2)", statusOf(t, run)["total"])
	code, _, errOut = run("materialize", "--stale")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "fresh: ", statusOf(t, run)["total"])

	// rows.json edited by hand.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "rows.json"), []byte(`[{"Region":"eu","N":100}]`), 0o644))
	code, out, errOut = run("observe", "--select", "rows")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `(?m)^rows +output +[0-9a-f]+ +changed \(run `, out)
	st := statusOf(t, run)
	assert.Equal(t, "fresh: ", st["rows"], "its record follows the data as it is")
	assert.Contains(t, st["total"], "stale: upstream data changed rows")

	// rows.json deleted.
	require.NoError(t, os.Remove(filepath.Join(dir, "rows.json")))
	code, _, errOut = run("observe")
	require.Equal(t, 0, code, errOut)
	st = statusOf(t, run)
	assert.Contains(t, st["rows"], "stale: last attempt failed (in run ")
	assert.Contains(t, st["rows"], "the stored output is missing")
	assert.Contains(t, st["total"], "upstream stale rows")
	code, out, _ = run("status")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Observed (the latest observation):\n  landed (external): data version v2 since ")
	assert.Contains(t, out, "  rows (stored output): nothing stored since ")

	var listOut bytes.Buffer
	code = cli.Run(context.Background(), observeDefs(fs.New(dir), ""), []string{"list", "--json"}, strings.NewReader(""), &listOut, &listOut)
	out = listOut.String()
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, `"external": true`)
	assert.Contains(t, out, `"observe": true`)
}

// TestObserveDuckDB: a table dropped behind assetgen's back is missing
// once observed.
func TestObserveDuckDB(t *testing.T) {
	dir, home := t.TempDir(), t.TempDir()
	path := filepath.Join(dir, "w.duckdb")
	run := func(args ...string) (int, string, string) {
		m, err := duckdb.New(path, "analytics")
		require.NoError(t, err)
		defs := observeDefs(m, "v1")
		defs.IOManagers["landing"] = fs.New(dir)
		defer m.Close()
		var out, errOut bytes.Buffer
		code := cli.Run(context.Background(), defs, append(args, "--history", home), strings.NewReader(""), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "landed.json"), []byte(`[{"Region":"apac","N":10}]`), 0o644))
	code, _, errOut := run("observe", "--select", "landed")
	require.Equal(t, 0, code, errOut)
	code, _, errOut = run("materialize")
	require.Equal(t, 0, code, errOut)
	code, out, errOut := run("observe", "--select", "rows")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `(?m)^rows +output +[0-9a-f]+ +unchanged`, out)
	assert.Equal(t, "fresh: ", statusOf(t, run)["total"])

	m, err := duckdb.New(path, "analytics")
	require.NoError(t, err)
	db, err := m.DB()
	require.NoError(t, err)
	_, err = db.Exec(`DROP TABLE analytics.rows`)
	require.NoError(t, err)
	require.NoError(t, m.Close())

	code, out, errOut = run("observe", "--select", "rows")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `(?m)^rows +output +missing +changed \(run `, out)
	st := statusOf(t, run)
	assert.Contains(t, st["rows"], "the stored output is missing")
	assert.Contains(t, st["total"], "upstream stale rows")
}
