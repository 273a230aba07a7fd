package history

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/runtime"
)

// BenchmarkWrite writes one batch of 10,000 finished steps to SQLite.
func BenchmarkWrite(b *testing.B) {
	ctx := context.Background()
	log, err := OpenSQLite(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer log.Close()
	const n = 10000
	now := time.Now()
	run := 0
	cpu0 := cputime.Process()
	for b.Loop() {
		run++
		batch := &Batch{Runs: []Run{{ID: fmt.Sprint(run), Status: RunSuccess, Start: now, End: now}}}
		for i := range n {
			k := runtime.Key(fmt.Sprintf("a%d", i))
			batch.Steps = append(batch.Steps, Step{RunID: fmt.Sprint(run), Key: k, Seq: i, Status: "success", Attempts: 1,
				Start: now, End: now.Add(time.Millisecond), DataVersion: DefaultDataVersion("x", k, ""),
				InputVersions: map[runtime.Key]string{"a": "xxxxxxxxxxxxxxxxxxxxxx", "b": "yyyyyyyyyyyyyyyyyyyyyy"}})
		}
		if err := log.Write(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/n, "µs/step")
	b.ReportMetric(float64((cputime.Process()-cpu0).Microseconds())/float64(b.N)/n, "cpu-µs/step")
}
