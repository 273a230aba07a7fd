package automation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/versions"
	"github.com/assetgen/assetgen/runtime"
)

// observeSetup lists the assets the daemon observes, and refuses
// conditions on external assets, which are never materialized.
func (d *Daemon) observeSetup(defs Definitions) []error {
	var errs []error
	if defs.ObserveInterval < 0 {
		errs = append(errs, errors.New("negative ObserveInterval"))
	}
	d.observeEvery = defs.ObserveInterval
	for _, k := range d.g.order {
		a := d.g.defs[k]
		if a.Observable() {
			d.observable = append(d.observable, k)
		}
		if a.External() && defs.Conditions[k] != nil {
			errs = append(errs, fmt.Errorf("condition of %s: the asset is external: it is observed at each tick, never materialized", k))
			delete(d.condOf, k)
		}
	}
	return errs
}

// tickObserve observes the observable assets, when due, and records the
// observations, before the conditions are evaluated: an external asset
// with a new data version counts as updated in the same tick.
func (d *Daemon) tickObserve(ctx context.Context, now time.Time) error {
	if len(d.observable) == 0 || !d.lastObserve.IsZero() && now.Sub(d.lastObserve) < d.observeEvery {
		return nil
	}
	d.lastObserve = now
	env := history.Env(ctx, d.o.Log)
	env.Now = now
	defs := &runtime.Definitions{Assets: d.o.Assets, IOManagers: d.o.IOManagers}
	runID, rows, err := history.ObserveAssets(ctx, d.o.Log, defs, d.observable, env, history.SourceDaemon)
	if runID != "" {
		for _, o := range rows {
			if o.RunID == "" {
				continue
			}
			what := "data version " + versions.Show(o.DataVersion)
			if o.Missing {
				what = "stored output missing"
			}
			name := string(o.Key)
			if o.Partition != "" {
				name += "[" + o.Partition + "]"
			}
			d.say("observed %s: %s (run %s)", name, what, runID)
		}
	}
	if err != nil && ctx.Err() == nil {
		d.say("observe: %v", err)
	}
	return err
}
