package queue_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/assetgen/assetgen/queue"
	"github.com/assetgen/assetgen/queue/internal/testpipe"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// TestCheck: a distributed run refuses assets on the memory I/O manager,
// a DuckDB file, or an fs directory not said to be shared, naming each
// asset and what to use instead; it accepts a shared fs directory.
func TestCheck(t *testing.T) {
	db, err := duckdb.New(filepath.Join(t.TempDir(), "x.duckdb"), "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sel := []runtime.Key{"seed"}
	for _, tc := range []struct {
		name string
		m    runtime.IOManager
		want string
	}{
		{"memory", memory.New(), "memory I/O manager keeps outputs in one process's memory"},
		{"duckdb", db, "has a single writer"},
		{"fs", fs.New(t.TempDir()), "give fs.New the fs.Shared() option"},
		{"shared fs", fs.New(t.TempDir(), fs.Shared()), ""},
	} {
		defs := runtime.Definitions{Assets: testpipe.Assets(), IOManagers: map[string]runtime.IOManager{"io_manager": tc.m}}
		plan, err := defs.Plan(runtime.Options{Selection: sel})
		if err != nil {
			t.Fatal(err)
		}
		err = queue.Check(&defs, plan)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		for _, s := range []string{"asset seed: I/O manager \"io_manager\"", tc.want, "blob"} {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: error %q lacks %q", tc.name, err, s)
			}
		}
	}
}

// TestFingerprint: the fingerprint changes with a code version, a type's
// field, a partitions definition, and not otherwise.
func TestFingerprint(t *testing.T) {
	fp := func(change func([]*runtime.AssetDef)) string {
		assets := testpipe.Assets()
		change(assets)
		return queue.Fingerprint(&runtime.Definitions{Assets: assets})
	}
	base := fp(func([]*runtime.AssetDef) {})
	if again := fp(func([]*runtime.AssetDef) {}); again != base {
		t.Errorf("fingerprint not stable: %s, %s", base, again)
	}
	type wider struct {
		Part  string
		Value int
		Extra bool
	}
	for name, change := range map[string]func([]*runtime.AssetDef){
		"code version": func(a []*runtime.AssetDef) { a[1].CodeVersion = "2" },
		"output type":  func(a []*runtime.AssetDef) { a[0].OutputType = reflectType[[]wider]() },
		"partitions":   func(a []*runtime.AssetDef) { a[4].Partitions = nil },
		"key":          func(a []*runtime.AssetDef) { a[3].Key = "joined2" },
	} {
		if fp(change) == base {
			t.Errorf("%s: the fingerprint did not change", name)
		}
	}
}

func reflectType[T any]() reflect.Type { return reflect.TypeFor[T]() }
