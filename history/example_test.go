package history_test

import (
	"context"
	"fmt"
	"os"
	"reflect"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// The wiring of the command line: every materialize records to the log;
// status, runs, --stale and --from-failure read it.
func Example() {
	ctx := context.Background()
	home, _ := os.MkdirTemp("", "assetgen-example-")
	defer os.RemoveAll(home)

	intType := reflect.TypeFor[int]()
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			{Key: "raw", OutputType: intType, CodeVersion: "1",
				Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return 41, nil }},
			{Key: "answer", OutputType: intType, Inputs: []runtime.Input{{Name: "raw", Key: "raw", Type: intType}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					raw, err := runtime.Load[int](ctx, in, 0)
					return raw + 1, err
				}},
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
	}

	// Open: a home directory (history.DefaultHome()) or a postgres:// DSN.
	log, err := history.Open(ctx, home)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer log.Close()

	// materialize [--stale | --from-failure RUN_ID]
	materialize := func(selection []runtime.Key) string {
		opts := runtime.Options{Selection: selection, Logger: quiet}
		rec, err := history.Record(ctx, log, &opts, map[string]string{"command": "materialize"})
		if err != nil {
			panic(err)
		}
		res, err := runtime.Materialize(ctx, defs, opts)
		if err != nil {
			panic(err)
		}
		if err := rec.Close(); err != nil {
			panic(err)
		}
		return res.RunID
	}
	id := materialize(nil)

	// runs; runs show ID
	runs, _ := log.Runs(ctx, history.RunQuery{Limit: 20})
	fmt.Println(len(runs), runs[0].ID == id, runs[0].Status, runs[0].Counts)
	steps, _ := log.Steps(ctx, id)
	for _, s := range steps {
		fmt.Println(s.Key, s.Status, s.Attempts)
	}

	// status
	defs.Assets[0].CodeVersion = "2"
	states, _ := history.Stale(ctx, log, defs.Assets)
	for _, s := range states {
		fmt.Printf("%s stale=%v %s\n", s.Key, s.Stale, s.Why())
	}

	// materialize --stale
	if sel := history.StaleSelection(states); len(sel) > 0 {
		materialize(sel)
	}
	states, _ = history.Stale(ctx, log, defs.Assets)
	fmt.Println(history.StaleSelection(states))

	// materialize --from-failure RUN_ID
	_, err = history.FromFailure(ctx, log, id, defs.Assets, history.Env(ctx, log))
	fmt.Println(err != nil)

	// Output:
	// 1 true success map[success:2]
	// raw success 1
	// answer success 1
	// raw stale=true code version changed ("1" -> "2")
	// answer stale=true upstream stale raw
	// []
	// true
}
