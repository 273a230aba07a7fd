// Command selfuse uses its own Assets before they were ever generated, in
// a function body and in a package-level declaration.
package main

import (
	"fmt"

	"github.com/assetgen/assetgen/testdata/birds"
)

var all = append(Assets(), birds.Assets()...)

// asset:
func Answer() int { return 42 }

func main() {
	fmt.Println(len(Assets()), len(all))
}
