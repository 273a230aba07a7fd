// Package p imports two packages that both declare an asset named
// customers, and both an asset of key crm/seed.
package p

import (
	_ "github.com/assetgen/assetgen/testdata/xpkg_other"
	up "github.com/assetgen/assetgen/testdata/xpkg_up"
)

// asset: deps=crm/seed
func Names(customers []up.Customer) int { return len(customers) }
