package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// partitionFlags are the flags that choose partitions: --partition,
// --partition-range and --partitions.
type partitionFlags struct {
	key, rng, list string
}

func (p *partitionFlags) declare(fs *flag.FlagSet, verb string) {
	fs.StringVar(&p.key, "partition", "", verb+" partition `KEY` of the partitioned assets")
	fs.StringVar(&p.rng, "partition-range", "", verb+" the partitions from START to END, both included: `START...END`")
	fs.StringVar(&p.list, "partitions", "", verb+" the partitions `KEY,KEY,...`")
}

// given reports whether any of the flags was given.
func (p *partitionFlags) given(fs *flag.FlagSet) bool {
	return given(fs, "partition") || given(fs, "partition-range") || given(fs, "partitions")
}

// request returns the partitions the flags ask for; the error is a usage
// error.
func (p *partitionFlags) request(fs *flag.FlagSet) (runtime.Partitions, error) {
	var names []string
	for _, n := range []string{"partition", "partition-range", "partitions"} {
		if given(fs, n) {
			names = append(names, "--"+n)
		}
	}
	switch {
	case len(names) == 0:
		return runtime.Partitions{}, nil
	case len(names) > 1:
		return runtime.Partitions{}, fmt.Errorf("%s cannot be combined: give one", strings.Join(names, " and "))
	}
	switch {
	case given(fs, "partition"):
		k := strings.TrimSpace(p.key)
		switch {
		case k == "":
			return runtime.Partitions{}, errors.New("--partition: want a partition key")
		case strings.Contains(k, partition.RangeSep):
			return runtime.Partitions{}, fmt.Errorf("--partition %q: a range goes with --partition-range", p.key)
		case strings.Contains(k, ","):
			return runtime.Partitions{}, fmt.Errorf("--partition %q: a list goes with --partitions", p.key)
		}
		return runtime.Partitions{Keys: []string{k}}, nil
	case given(fs, "partition-range"):
		r, err := partition.ParseRange(p.rng)
		if err != nil {
			return runtime.Partitions{}, fmt.Errorf("--partition-range: %w", err)
		}
		return runtime.Partitions{Range: r}, nil
	}
	keys, err := partition.ParseList(p.list)
	if err != nil {
		return runtime.Partitions{}, fmt.Errorf("--partitions: %w", err)
	}
	return runtime.Partitions{Keys: keys}, nil
}

// readEnv returns the partition.Env of a command that reads the run
// history only for the keys of dynamic partitions (materialize
// --dry-run or --no-history, status, list): the history opened read-only;
// when it cannot be opened, an Env whose dynamic keys fail with the reason,
// so that only what needs them fails. Close the returned closer.
func (h *historyFlag) readEnv(ctx context.Context) (partition.Env, func()) {
	log, err := h.openRead(ctx)
	if err != nil {
		return partition.Env{Dynamic: func(name string) ([]string, error) {
			return nil, fmt.Errorf("the keys of dynamic partitions %s are in the run history: %w", name, err)
		}}, func() {}
	}
	return history.Env(ctx, log), func() { log.Close() }
}
