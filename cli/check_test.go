package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

type regionRow struct {
	Region string
	N      int
}

// TestCheckPartitions: check runs the column rules of a partitioned asset
// on each partition the history has a materialization of, or on the one
// --partition names, and exits 1 when one fails with severity error.
func TestCheckPartitions(t *testing.T) {
	regions := partition.NewStatic("eu", "us")
	rows := &runtime.AssetDef{
		Key: "rows", Partitions: regions, PartitionColumn: "region", OutputType: reflect.TypeFor[[]regionRow](),
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			if ctx.Partition() == "us" {
				return []regionRow{{"us", -1}, {"us", 2}}, nil
			}
			return []regionRow{{"eu", 1}}, nil
		},
		Checks: []*runtime.CheckDef{{Name: "min_n", Rule: &runtime.ColumnRule{Kind: runtime.RuleMin, Column: "n", Bound: 0}}},
	}
	defs := runtime.Definitions{Assets: []*runtime.AssetDef{rows}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New(t.TempDir())}}
	home := t.TempDir()
	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := cli.Run(context.Background(), defs, append(args, "--history", home), strings.NewReader(""), &out, &errOut)
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run("check")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "asset rows is partitioned and the run history has no materialization of it: give --partition")

	// The command line has no --partition for materialize yet: the run
	// is recorded as a program would.
	log, err := history.Open(context.Background(), home)
	require.NoError(t, err)
	opts := runtime.Options{NoChecks: true, Partitions: runtime.Partitions{Keys: []string{"eu", "us"}}}
	rec, err := history.Record(context.Background(), log, &opts, nil)
	require.NoError(t, err)
	res, err := runtime.Materialize(context.Background(), &defs, opts)
	require.NoError(t, err)
	require.True(t, res.OK())
	require.NoError(t, rec.Close())
	require.NoError(t, log.Close())

	code, out, _ = run("check")
	assert.Equal(t, 1, code)
	assert.Equal(t, "ASSET     CHECK  RESULT          DESCRIPTION\n"+
		"rows[eu]  min_n  passed          0 of 1 rows have n < 0\n"+
		"rows[us]  min_n  FAILED (error)  1 of 2 rows have n < 0\n", out)
	code, out, _ = run("check", "--partition", "eu")
	assert.Equal(t, 0, code)
	assert.Equal(t, "ASSET     CHECK  RESULT  DESCRIPTION\nrows[eu]  min_n  passed  0 of 1 rows have n < 0\n", out)
	code, _, errOut = run("check", "--partition", "asia")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "asia")
	code, out, _ = run("status")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "rows[us]: check min_n FAILED (error) in run ")
}

// check --partition with no partitioned asset selected checks nothing:
// it says so and fails, rather than exit 0 having checked nothing.
func TestCheckPartitionUnpartitioned(t *testing.T) {
	rows := &runtime.AssetDef{
		Key: "rows", OutputType: reflect.TypeFor[[]regionRow](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []regionRow{{"eu", -1}}, nil },
		Checks:  []*runtime.CheckDef{{Name: "min_n", Rule: &runtime.ColumnRule{Kind: runtime.RuleMin, Column: "n", Bound: 0}}},
	}
	defs := runtime.Definitions{Assets: []*runtime.AssetDef{rows}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New(t.TempDir())}}
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), defs, []string{"check", "--partition", "eu", "--history", t.TempDir()}, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut.String(), "--partition eu: no selected asset with checks is partitioned")
}

type pingConfig struct {
	runtime.Config
	Timeout int `default:"2"`
}

// TestListJSONChecks: list --json gives each asset's checks, a check's
// config with its check (not as the asset's config).
func TestListJSONChecks(t *testing.T) {
	rows := &runtime.AssetDef{
		Key: "rows", OutputType: reflect.TypeFor[[]regionRow](),
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return []regionRow{{"eu", 1}}, nil },
		Checks: []*runtime.CheckDef{
			{Name: "min_n", Rule: &runtime.ColumnRule{Kind: runtime.RuleMin, Column: "n", Bound: 0}},
			{Name: "ping", Blocking: true, Description: "Ping pings.", Config: &runtime.ConfigDef{Type: reflect.TypeFor[pingConfig]()},
				Run: func(*runtime.Context, runtime.Inputs) (runtime.CheckResult, error) { return runtime.CheckError(nil) }},
		},
	}
	defs := runtime.Definitions{Assets: []*runtime.AssetDef{rows}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New(t.TempDir())}}
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), defs, []string{"list", "--json"}, strings.NewReader(""), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	var entries []struct {
		Config []map[string]any
		Checks []struct {
			Name, Rule, Description string
			Blocking                bool
			Config                  []struct{ Name, Type, Default string }
		}
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &entries))
	require.Len(t, entries, 1)
	assert.Empty(t, entries[0].Config, "the check's config listed as the asset's")
	c := entries[0].Checks
	require.Len(t, c, 2)
	assert.Equal(t, "min_n", c[0].Name)
	assert.Equal(t, "min(n:0)", c[0].Rule)
	assert.Equal(t, "ping", c[1].Name)
	assert.True(t, c[1].Blocking)
	assert.Equal(t, "Ping pings.", c[1].Description)
	require.Len(t, c[1].Config, 1)
	assert.Equal(t, "timeout", c[1].Config[0].Name)
	assert.Equal(t, "2", c[1].Config[0].Default)
}
