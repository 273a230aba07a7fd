// Package p declares external assets wrongly.
package p

import (
	"context"

	"github.com/assetgen/assetgen/runtime"
)

// asset: external
func NoContext() (runtime.Observation, error) { return runtime.Observation{}, nil }

// asset: external
func Materializes(ctx context.Context) ([]int, error) { return nil, nil }

// asset: external code_version=1 retries=2 deps=no_context checks=not_null(x) observe
func TooMany(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }

// asset:
func Unmarked(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }

// asset: external=yes
func Valued(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }

// asset: external external
func Twice(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }

// asset: multi external
func Outputs(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }

// asset: external automation=eager freshness=6h
func Automated(ctx context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }
