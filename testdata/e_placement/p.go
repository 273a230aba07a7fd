// Package p puts directives where they do not belong.
package p

// T is a type.
//
// asset:
type T struct{}

// M is a method.
//
// asset:
func (T) M() int { return 0 }

// asset:
var V = 1

// asset:
const C = 1

//asset:

// Floating is separated from its directive by a blank line.
func Floating() int { return 0 }

// Twice has two directives.
//
// asset: group=a
// asset: io=b
func Twice() int { return 0 }

var (
	// W is a variable in a group.
	//
	//asset:
	W = 2
)

func body() {
	//asset:
	_ = 1
}

// asset:
func init() {}

// asset:
func _() int { return 0 }
