// Package two builds on package down, which builds on package up: its
// Assets doc comment names both.
package two

import (
	"fmt"

	_ "github.com/assetgen/assetgen/testdata/xpkg_down"
	_ "github.com/assetgen/assetgen/testdata/xpkg_up"
)

// Summary quotes the report of package down, after crm/seed of package up.
//
// asset: prefix=dash deps=crm/seed
func Summary(report string, secretCount int) string {
	return fmt.Sprintf("summary: %s; secret %d", report, secretCount)
}
