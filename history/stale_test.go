package history_test

import (
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/stretchr/testify/assert"
)

func TestStaleness(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	def := func(key runtime.Key, code string, inputs []runtime.Key, deps ...runtime.Key) *runtime.AssetDef {
		d := &runtime.AssetDef{Key: key, CodeVersion: code, Deps: deps}
		for _, in := range inputs {
			d.Inputs = append(d.Inputs, runtime.Input{Name: string(in), Key: in})
		}
		return d
	}
	ok := func(key runtime.Key, m int, code, data string, inputs map[runtime.Key]string) history.Asset {
		return history.Asset{Key: key, RunID: "r", Time: at(m), CodeVersion: code, DataVersion: data, InputVersions: inputs,
			LastRunID: "r", LastStatus: "success", LastTime: at(m)}
	}
	failed := func(a history.Asset, m int) history.Asset {
		a.LastRunID, a.LastStatus, a.LastTime, a.LastError = "rf", "failed", at(m), "boom"
		return a
	}
	canceled := func(a history.Asset, m int) history.Asset {
		a.LastRunID, a.LastStatus, a.LastTime, a.LastError = "rc", "canceled", at(m), "context canceled"
		return a
	}
	// up is materialized at minute 1 with data version "u1"; down reads it.
	up := def("up", "", nil)
	upRec := ok("up", 1, "", "u1", nil)
	for _, c := range []struct {
		name   string
		defs   []*runtime.AssetDef
		latest []history.Asset
		want   map[runtime.Key]string // key -> Why(); "" is fresh
	}{
		{
			name:   "fresh",
			defs:   []*runtime.AssetDef{up, def("down", "v1", []runtime.Key{"up"})},
			latest: []history.Asset{upRec, ok("down", 2, "v1", "d1", map[runtime.Key]string{"up": "u1"})},
			want:   map[runtime.Key]string{"up": "", "down": ""},
		},
		{
			name:   "never materialized",
			defs:   []*runtime.AssetDef{up, def("down", "", []runtime.Key{"up"})},
			latest: []history.Asset{upRec},
			want:   map[runtime.Key]string{"up": "", "down": "never materialized"},
		},
		{
			name:   "never materialized, and its only attempt failed",
			defs:   []*runtime.AssetDef{up},
			latest: []history.Asset{failed(history.Asset{Key: "up"}, 3)},
			want:   map[runtime.Key]string{"up": "never materialized; last attempt failed (in run rf: boom)"},
		},
		{
			name:   "never materialized, and its only attempt canceled",
			defs:   []*runtime.AssetDef{up},
			latest: []history.Asset{canceled(history.Asset{Key: "up"}, 3)},
			want:   map[runtime.Key]string{"up": "never materialized; last attempt canceled (in run rc: context canceled)"},
		},
		{
			name:   "last attempt canceled",
			defs:   []*runtime.AssetDef{up},
			latest: []history.Asset{canceled(upRec, 5)},
			want:   map[runtime.Key]string{"up": "last attempt canceled (in run rc: context canceled)"},
		},
		{
			name:   "code version changed",
			defs:   []*runtime.AssetDef{up, def("down", "v2", []runtime.Key{"up"})},
			latest: []history.Asset{upRec, ok("down", 2, "v1", "d1", map[runtime.Key]string{"up": "u1"})},
			want:   map[runtime.Key]string{"up": "", "down": `code version changed ("v1" -> "v2")`},
		},
		{
			name:   "upstream data changed",
			defs:   []*runtime.AssetDef{up, def("down", "", []runtime.Key{"up"})},
			latest: []history.Asset{ok("up", 3, "", "u2", nil), ok("down", 2, "", "d1", map[runtime.Key]string{"up": "u1"})},
			want:   map[runtime.Key]string{"up": "", "down": "upstream data changed up (u1 -> u2)"},
		},
		{
			name:   "upstream re-materialized with the same data version",
			defs:   []*runtime.AssetDef{up, def("down", "", []runtime.Key{"up"})},
			latest: []history.Asset{ok("up", 3, "", "u1", nil), ok("down", 2, "", "d1", map[runtime.Key]string{"up": "u1"})},
			want:   map[runtime.Key]string{"up": "", "down": ""},
		},
		{
			name:   "upstream materialized since (a deps= edge: no data version used)",
			defs:   []*runtime.AssetDef{up, def("down", "", nil, "up")},
			latest: []history.Asset{ok("up", 3, "", "u1", nil), ok("down", 2, "", "d1", nil)},
			want:   map[runtime.Key]string{"up": "", "down": "upstream materialized since up (in run r)"},
		},
		{
			name:   "deps= upstream older: fresh",
			defs:   []*runtime.AssetDef{up, def("down", "", nil, "up")},
			latest: []history.Asset{upRec, ok("down", 2, "", "d1", nil)},
			want:   map[runtime.Key]string{"up": "", "down": ""},
		},
		{
			name:   "last attempt failed",
			defs:   []*runtime.AssetDef{up},
			latest: []history.Asset{failed(upRec, 5)},
			want:   map[runtime.Key]string{"up": "last attempt failed (in run rf: boom)"},
		},
		{
			name:   "a failure before the last success does not count",
			defs:   []*runtime.AssetDef{up},
			latest: []history.Asset{func() history.Asset { a := failed(upRec, 0); a.LastStatus = "success"; a.LastTime = at(1); return a }()},
			want:   map[runtime.Key]string{"up": ""},
		},
		{
			name: "upstream stale, transitively",
			defs: []*runtime.AssetDef{def("top", "v2", nil), def("mid", "", []runtime.Key{"top"}), def("low", "", []runtime.Key{"mid"})},
			latest: []history.Asset{
				ok("top", 1, "v1", "t1", nil),
				ok("mid", 2, "", "m1", map[runtime.Key]string{"top": "t1"}),
				ok("low", 3, "", "l1", map[runtime.Key]string{"mid": "m1"}),
			},
			want: map[runtime.Key]string{"top": `code version changed ("v1" -> "v2")`, "mid": "upstream stale top", "low": "upstream stale mid"},
		},
		{
			name:   "partitioned records are not the asset's",
			defs:   []*runtime.AssetDef{up},
			latest: []history.Asset{{Key: "up", Partition: "2026-01-01", RunID: "r", Time: at(1), LastStatus: "success"}},
			want:   map[runtime.Key]string{"up": "never materialized"},
		},
		{
			// Invalid definitions (Definitions.Graph reports the cycle): the
			// assets of a cycle are judged in definition order, an
			// upstream not judged yet counting as fresh.
			name:   "a cycle does not hang",
			defs:   []*runtime.AssetDef{def("x", "", []runtime.Key{"y"}), def("y", "", []runtime.Key{"x"})},
			latest: nil,
			want:   map[runtime.Key]string{"x": "never materialized", "y": "never materialized; upstream stale x"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			states := history.Staleness(c.defs, c.latest)
			got := map[runtime.Key]string{}
			for i, s := range states {
				assert.Equal(t, c.defs[i].Key, s.Key, "states follow defs order")
				assert.Equal(t, s.Why() != "", s.Stale)
				got[s.Key] = s.Why()
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestLogicalVersion(t *testing.T) {
	a := history.LogicalVersion("v1", "", map[runtime.Key]string{"x": "1", "y": "2"})
	// The first 12 bytes of the SHA-256 of "code\x00v1\x00input\x00x\x001\x00input\x00y\x002",
	// from sha256sum: the version must stay the same across releases.
	assert.Equal(t, "0ded64272cc7f7f0d1ca079b", a)
	assert.Equal(t, a, history.LogicalVersion("v1", "", map[runtime.Key]string{"y": "2", "x": "1"}), "order-independent")
	assert.NotEqual(t, a, history.LogicalVersion("v2", "", map[runtime.Key]string{"x": "1", "y": "2"}))
	assert.NotEqual(t, a, history.LogicalVersion("v1", "", map[runtime.Key]string{"x": "1", "y": "3"}))
	assert.NotEqual(t, a, history.LogicalVersion("v1", "", map[runtime.Key]string{"x": "1"}))
	// No ambiguity between code and inputs.
	assert.NotEqual(t, history.LogicalVersion("", "", map[runtime.Key]string{"x": ""}), history.LogicalVersion("x", "", nil))
	// "run:" and the first 12 bytes of the SHA-256 of "r1\x00a\x00" and
	// "r1\x00a\x00p", from sha256sum.
	assert.Equal(t, "run:c0b0e40339b5059534e7c820", history.DefaultDataVersion("r1", "a", ""))
	assert.Equal(t, "run:a1d386dcd63b7a159bf7012d", history.DefaultDataVersion("r1", "a", "p"))
}

// FuzzStaleness builds small graphs and records from arbitrary bytes,
// cycles and dangling edges included: Staleness must not panic, and must
// say why for every stale asset.
func FuzzStaleness(f *testing.F) {
	f.Add([]byte{3, 0, 1, 1, 2, 9, 7, 5})
	f.Add([]byte{2, 1, 0, 0, 1, 255, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		n := int(data[0]%6) + 1
		data = data[1:]
		key := func(b byte) runtime.Key { return runtime.Key([]string{"a", "b", "c", "d", "e", "f", "g"}[int(b)%7]) }
		defs := make([]*runtime.AssetDef, n)
		for i := range defs {
			defs[i] = &runtime.AssetDef{Key: key(byte(i))}
		}
		var latest []history.Asset
		for len(data) >= 3 {
			op, x, y := data[0], data[1], data[2]
			data = data[3:]
			d := defs[int(x)%n]
			switch op % 4 {
			case 0:
				d.Inputs = append(d.Inputs, runtime.Input{Name: "p", Key: key(y)})
			case 1:
				d.Deps = append(d.Deps, key(y))
			case 2:
				latest = append(latest, history.Asset{Key: key(x), RunID: "r", Time: time.Unix(int64(y), 0),
					DataVersion: string(rune('a' + y%3)), InputVersions: map[runtime.Key]string{key(y): "v"},
					LastStatus: "success", LastTime: time.Unix(int64(y), 0)})
			case 3:
				d.CodeVersion = string(rune('0' + y%3))
				latest = append(latest, history.Asset{Key: key(y), LastStatus: "failed", LastTime: time.Unix(int64(x), 0)})
			}
		}
		for _, s := range history.Staleness(defs, latest) {
			if s.Stale != (len(s.Causes) > 0) {
				t.Fatalf("%s: stale=%v with causes %v", s.Key, s.Stale, s.Causes)
			}
		}
	})
}
