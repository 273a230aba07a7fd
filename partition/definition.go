package partition

import (
	"fmt"
	"time"
)

// Definition is a partitions definition: how an asset is split into
// partitions, each named by a key. The concrete types are *Time, *Static,
// *Multi and *Dynamic; their constructors never fail, so that a
// definition can be a package-level variable, and keep any error for Err.
type Definition interface {
	// Kind tells the concrete type.
	Kind() Kind
	// Err returns what is wrong with the definition, or nil.
	Err() error
	// Resolve returns the keys the definition has in env: time windows
	// depend on the current time, dynamic keys on the stored ones.
	Resolve(env Env) (*Keys, error)
	// String returns the definition as the Go call that makes it.
	String() string
}

// Env is what the keys of a definition depend on. Nothing in this package
// reads the clock or the run history itself.
type Env struct {
	// Now is the current time: a time window is a partition once it has
	// ended by Now (moved by the definition's end offset).
	Now time.Time
	// Dynamic returns the keys stored for the dynamic partitions
	// definition of that name, in the order they were added.
	Dynamic func(name string) ([]string, error)
}

// Kind is the kind of a partitions definition.
type Kind uint8

// The kinds; KindNone stands for an unpartitioned asset.
const (
	KindNone    Kind = iota // not partitioned
	KindTime                // *Time
	KindStatic              // *Static
	KindMulti               // *Multi
	KindDynamic             // *Dynamic
)

var kindNames = [...]string{"unpartitioned", "time", "static", "multi-dimensional", "dynamic"}

// String returns the kind's name as used in messages: "time", "static"...
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// TypeKind returns the kind of the named type of this package, "Time",
// "Static", "Multi" or "Dynamic", so that the generator can tell the kind
// of a definition from a variable's static type; KindNone for any other.
func TypeKind(name string) Kind {
	switch name {
	case "Time":
		return KindTime
	case "Static":
		return KindStatic
	case "Multi":
		return KindMulti
	case "Dynamic":
		return KindDynamic
	}
	return KindNone
}

// KindOf returns d's kind; KindNone for nil.
func KindOf(d Definition) Kind {
	if d == nil {
		return KindNone
	}
	return d.Kind()
}

// Equal reports whether a and b define the same keys, for the same env:
// the same variable, or two made alike.
func Equal(a, b Definition) bool {
	switch a := a.(type) {
	case *Time:
		b, ok := b.(*Time)
		return ok && a.equal(b)
	case *Static:
		b, ok := b.(*Static)
		return ok && a.equal(b)
	case *Dynamic:
		b, ok := b.(*Dynamic)
		return ok && a.err == nil && b.err == nil && a.name == b.name
	case *Multi:
		b, ok := b.(*Multi)
		return ok && a.equal(b)
	}
	return false
}
