// Package p has config problems.
package p

import "github.com/assetgen/assetgen/runtime"

// Opts is a config struct with fields config cannot set or parse.
type Opts struct {
	runtime.Config
	Limit int            `default:"ten"`
	Every map[string]int // no config for maps
	Ratio float32        `default:"0.5"`
}

// More is a second config struct.
type More struct {
	runtime.Config
	Name string
}

// asset:
func A(o Opts) int { return 0 }

// asset:
func B(m More, again More) int { return 0 }

// check:
func TwoConfigs(b int, m More, again More) error { return nil }

// Names is a config struct whose fields clash or cannot be named by --set.
type Names struct {
	runtime.Config
	UserID string `default:""`
	Other  string `config:"user_id" default:""` // user_id again
	Dotted string `config:"a.b" default:""`
}

// asset:
func C(n Names) int { return 0 }
