// Package p names assets that its imported packages do not declare, or
// declare with an invalid directive.
package p

import (
	_ "github.com/assetgen/assetgen/testdata/xpkg_other"
	_ "github.com/assetgen/assetgen/testdata/xpkg_up"
)

// asset:
func Total(visitCount map[string]int, zzzzzz int) int { return 0 }

// asset:
func Fixed(broken []int) int { return len(broken) }

// asset: deps=crm/leger,billing/nothing_like_it,crm/customers
func Ordered() {}
