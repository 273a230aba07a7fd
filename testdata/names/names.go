// Package names checks default names and generated variable names.
package names

import (
	"context"
	"strings"
)

// In is a package-level name the generated code must not shadow.
var In = 1

// asset:
func HTTPLogs() []string { return nil }

// asset:
func RawOrders() []string { return nil }

// asset:
func UserID() int { return 1 }

// Asset1 has a "quoted" doc with a back\slash, a	tab, non-ASCII (café ☕)
// and a second line.
//
// asset:
func Asset1() string { return "" }

// CombinedData takes parameters named like the generated code's own
// variables and like packages it imports.
//
// asset:
func CombinedData(ctx context.Context, httpLogs, rawOrders []string, userID int, asset1 string) (string, error) {
	return strings.Join(append(httpLogs, rawOrders...), asset1), nil
}

// asset:
func Err() int { return 0 }

// asset:
func Out() int { return 0 }

// asset:
func String() int { return 0 }

// asset: name=in
func InAsset() int { return 0 }

// asset:
func Strings() int { return 0 }

// asset:
func Clash(err, out, string, in, strings int) int { return err + out + string + in + strings }

// reflect is a package-level name that the generated file's import of
// package reflect must not collide with.
var reflect = "mirror"
