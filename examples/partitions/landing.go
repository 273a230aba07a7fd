package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// LandingDir is where late events land, dropped by another system: a
// file DAY.json holds a JSON array of events of that day, arriving
// after the day's raw events were made.
const LandingDir = "data/partitions/landing"

// Landing is the landing directory, as another system fills it: its data
// version is a hash of the names and contents of its files (an empty
// directory has one too), so that a file dropped (or changed) makes what
// depends on it stale.
//
// asset: external
func Landing(ctx context.Context) (runtime.Observation, error) {
	files, err := landed()
	if err != nil {
		return runtime.Observation{}, err
	}
	h := fnv.New64a() // of no file, when the directory is empty (or missing)
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(LandingDir, f))
		if err != nil {
			return runtime.Observation{}, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	return runtime.Observation{DataVersion: fmt.Sprintf("%016x", h.Sum64()), Metadata: runtime.Metadata{"files": len(files)}}, nil
}

// LateSummary sums up the late events that landed: eager, it runs again
// whenever the daemon observes new data in the landing directory.
//
// asset: deps=landing
func LateSummary(ctx *runtime.Context) (Late, error) {
	files, err := landed()
	if err != nil {
		return Late{}, err
	}
	out := Late{Days: []string{}}
	for _, f := range files {
		events, err := lateEvents(strings.TrimSuffix(f, ".json"))
		if err != nil {
			return Late{}, err
		}
		out.Days = append(out.Days, strings.TrimSuffix(f, ".json"))
		out.Events += int64(len(events))
		for _, e := range events {
			out.Amount += e.Amount
		}
	}
	ctx.AddMetadata("files", len(files))
	return out, nil
}

// Late sums up the late events.
type Late struct {
	Days   []string // the days that have late events
	Events int64
	Amount int64
}

// landed returns the names of the files DAY.json in LandingDir, sorted.
func landed() ([]string, error) {
	entries, err := os.ReadDir(LandingDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		day, ok := strings.CutSuffix(e.Name(), ".json")
		if !ok || e.IsDir() {
			continue
		}
		if _, err := time.Parse(time.DateOnly, day); err == nil {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// lateEvents returns the events of day that landed in LandingDir; none
// when no file landed for it.
func lateEvents(day string) ([]Event, error) {
	data, err := os.ReadFile(filepath.Join(LandingDir, day+".json"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var events []Event
	if err := json.Unmarshal(data, &events); err != nil {
		return nil, fmt.Errorf("%s: %w", day+".json", err)
	}
	return events, nil
}

// Automation keeps the pipeline up to date: every night at 00:10 UTC the
// day that just ended is made; a sensor runs a day again when late events
// land for it; daily_totals follows raw_events, and late_summary follows
// the landing directory, eagerly.
var Automation = automation.Definitions{
	Schedules: []automation.Schedule{{Name: "nightly", Cron: "10 0 * * *", Zone: "UTC", Select: "raw_events"}},
	Sensors: []automation.Sensor{{
		Name: "late_events", Interval: time.Minute, Evaluate: sensor,
	}},
	Conditions: map[runtime.Key]automation.Condition{
		"daily_totals": automation.Eager(),
		"late_summary": automation.Eager(),
	},
}

// sensor asks for a run of raw_events for each day whose file landed
// since the last call: its cursor is the files seen, with their sizes.
func sensor(ctx context.Context, in automation.SensorInput) (automation.SensorResult, error) {
	files, err := landed()
	if err != nil {
		return automation.SensorResult{}, err
	}
	keys, err := Daily.Resolve(partition.Env{Now: in.Now})
	if err != nil {
		return automation.SensorResult{}, err
	}
	seen := strings.Split(in.Cursor, ",")
	var res automation.SensorResult
	var now []string
	for _, f := range files {
		day := strings.TrimSuffix(f, ".json")
		if _, ok := keys.Index(day); !ok {
			continue // not a partition (yet): seen at a later call
		}
		st, err := os.Stat(filepath.Join(LandingDir, f))
		if err != nil {
			return automation.SensorResult{}, err
		}
		id := fmt.Sprintf("%s:%d", f, st.Size())
		now = append(now, id)
		if slices.Contains(seen, id) {
			continue
		}
		res.Runs = append(res.Runs, automation.RunRequest{Key: id, Select: "raw_events", Partitions: []string{day}})
	}
	res.Cursor = strings.Join(now, ",")
	return res, nil
}
