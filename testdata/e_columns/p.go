// Package p has row structs whose columns are not well defined, and
// column subsets of them.
package p

// Entity is a row.
type Entity struct {
	ID int64
}

// Clash has two fields whose columns differ only in case.
type Clash struct {
	Lower string `db:"v"`
	Upper string `db:"V"`
	ID    int64
}

// asset:
func Clashing() []Clash { return nil }

// asset:
func FromClashing(clashing []Entity) int { return 0 }

// Base is embedded by Shadow.
type Base struct {
	ID int64
}

// Shadow has a field named as a promoted one.
type Shadow struct {
	Base
	ID int64
}

// asset:
func People() []Entity { return nil }

// asset:
func IntoShadow(people []Shadow) int { return 0 }

// Pointer embeds a pointer to a struct.
type Pointer struct {
	*Base
}

// asset:
func IntoPointer(people []*Pointer) int { return 0 }

// Nothing has no column.
type Nothing struct {
	id int64
}

// asset:
func IntoNothing(people []Nothing) int { return 0 }
