package runtime

import (
	"testing"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// FuzzParsePartitions: a step's partitions, as ExecuteStep reads them
// from a Step, never panic, and what parses names itself back.
func FuzzParsePartitions(f *testing.F) {
	env := partition.Env{Now: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	daily := partition.Daily("2024-01-01")
	multi := partition.NewMulti(partition.Dims{"date": daily, "region": partition.NewStatic("eu", "us", "apac")})
	var all []*partition.Keys
	for _, d := range []partition.Definition{daily, multi, partition.NewStatic("a", "b.c", "d")} {
		k, err := d.Resolve(env)
		if err != nil {
			f.Fatal(err)
		}
		all = append(all, k)
	}
	for _, s := range []string{"2024-01-01", "2024-01-01...2024-01-31", "2024-01-01|us...2024-01-02|eu", "a...d", "b.c", "b.c...d", "...", "a....d", "2024-01-31...2024-01-01", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range all {
			sel, err := parsePartitions(k, s)
			if err != nil {
				continue
			}
			if sel.Len() == 0 || len(sel.Spans()) != 1 {
				t.Fatalf("%q: %v, not one span", s, sel)
			}
			name := partitionsName(sel)
			again, err := parsePartitions(k, name)
			if err != nil || again.String() != sel.String() {
				t.Fatalf("%q: %v named %q parses to %v, %v", s, sel, name, again, err)
			}
		}
	})
}
