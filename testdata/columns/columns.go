// Package columns has parameters that select a subset of the columns of
// their upstream's rows, as Dagster's column selection does.
package columns

import (
	"fmt"
	"time"
)

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
// asset: prefix=cols
func People() []Person {
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	return []Person{{Audit{day}, 1, "Ann", nil, "s", "an"}, {Audit{}, 2, "Bob", nil, "t", "bo"}}
}

// Names reads only the columns of Name.
//
// asset: prefix=cols
func Names(people []Name) []Name { return people }

// Pointers reads the same columns into pointers.
//
// asset: prefix=cols
func Pointers(people []*Name, names []Name) string {
	return fmt.Sprintf("%s %d %s", people[0].Nick, people[1].UserId, names[0].Created.Format(time.DateOnly))
}
