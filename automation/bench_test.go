package automation

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/runtime"
)

// BenchmarkTick times one evaluation tick of the daemon over 10,000
// assets, each with a condition (a third Eager, a third OnMissing, a
// third And(OnCron, Not(OnMissing))), in chains of 100, on a SQLite
// history holding 1,000,000 recorded materializations (100 runs of the
// 10,000 assets). The runs it launches end at once: the time is the
// evaluation's (reading the records, evaluating, writing the
// evaluations). "first" is the first tick ever on the history, which
// writes every asset's evaluation (the evaluations are deleted before
// each); "takeover" a daemon's first tick as leader on a history holding
// the previous leader's evaluations (it reads them, and writes those
// that changed); "steady" the next ticks, which write those that changed.
func BenchmarkTick(b *testing.B) {
	const assets, runs = 10_000, 100
	ctx := context.Background()
	home := b.TempDir()
	log, err := history.OpenSQLite(ctx, home)
	if err != nil {
		b.Fatal(err)
	}
	defer log.Close()
	// The evaluations are deleted behind the history's back before each
	// "first" tick.
	raw, err := sql.Open("sqlite", history.SQLitePath(home)+"?_busy_timeout=10000")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	intType := reflect.TypeFor[int]()
	var defs []*runtime.AssetDef
	conds := map[runtime.Key]Condition{}
	for i := range assets {
		a := &runtime.AssetDef{Key: runtime.Key(fmt.Sprintf("asset_%05d", i)), OutputType: intType}
		if i%100 != 0 {
			a.Inputs = []runtime.Input{{Name: "up", Key: defs[i-1].Key, Type: intType}}
		}
		defs = append(defs, a)
		switch i % 3 {
		case 0:
			conds[a.Key] = Eager()
		case 1:
			conds[a.Key] = OnMissing()
		default:
			conds[a.Key] = And(OnCron("0 * * * *", "UTC"), Not(OnMissing()))
		}
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for r := range runs {
		id := fmt.Sprintf("run%03d", r)
		t := start.Add(time.Duration(r) * time.Hour)
		batch := &history.Batch{Runs: []history.Run{{ID: id, Status: history.RunSuccess, Start: t, End: t.Add(time.Minute)}}}
		for i, a := range defs {
			if i%10 == 9 && r == runs-1 {
				continue // leave some assets behind their upstreams
			}
			batch.Steps = append(batch.Steps, history.Step{RunID: id, Key: a.Key, Seq: i, Status: "success", Attempts: 1,
				Start: t, End: t.Add(time.Duration(i) * time.Millisecond), DataVersion: fmt.Sprintf("v%d", r)})
		}
		if err := log.Write(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	clock := NewFakeClock(start.Add(runs * time.Hour))
	launch := func(context.Context, Run) error { return nil }
	d, err := New(Definitions{Conditions: conds}, Options{Assets: defs, Log: log, Launch: launch, Clock: clock})
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"first", "takeover", "steady"} {
		b.Run(name, func(b *testing.B) {
			var cpu time.Duration
			for b.Loop() {
				switch name {
				case "first":
					b.StopTimer()
					if _, err := raw.ExecContext(ctx, `DELETE FROM automation_evaluations`); err != nil {
						b.Fatal(err)
					}
					d.prev = nil
					b.StartTimer()
				case "takeover":
					d.prev = nil
				}
				cpu0 := cputime.Process()
				if err := d.Tick(ctx); err != nil {
					b.Fatal(err)
				}
				d.Wait()
				cpu += cputime.Process() - cpu0
				clock.Advance(time.Second)
			}
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/tick")
		})
	}
}
