// Package columns has parameters that select a subset of the columns of
// their upstream's rows, as Dagster's column selection does.
package columns

import "time"

// Audit is embedded: its fields are columns of Person.
type Audit struct {
	Created time.Time
}

// Person is a wide row.
type Person struct {
	Audit
	UserID int64
	Name   string
	Email  *string
	Secret string `db:"-"`
	Alias  string `db:"nick,omitempty"`
}

// Name selects three columns, one by its tag and one promoted.
type Name struct {
	Nick    string `db:"nick"`
	UserId  int64
	Created time.Time
}

// People is everyone.
//
// asset:
func People() []Person { return nil }

// Names reads only the columns of Name.
//
// asset:
func Names(people []Name) []Name { return people }

// Pointers reads the same columns into pointers.
//
// asset:
func Pointers(people []*Name, names []Name) int { return len(people) + len(names) }
