// Package corpus is the corpus of row types on which the tests of package
// columns require the rule to give the same columns and errors through
// reflect and through go/types. Every struct and slice type declared here
// is in All; the tests check that none is missing.
package corpus

import (
	"database/sql"
	"fmt"
	"iter"
	"reflect"
	"time"
)

// Plain has fields of every naming shape.
type Plain struct {
	ID        int64
	UserID    int64
	Name      string
	HTTPLogs  int
	ÜberName  string
	Asset1    bool
	raw_value int
	_         int
}

// Tagged names columns by their db tags.
type Tagged struct {
	A      int `db:"alpha"`
	B      int `db:"beta,omitempty"`
	C      int `db:",omitempty"`
	D      int `db:""`
	Skip   int `db:"-"`
	Dash   int `db:"-,"`
	Quoted int `db:"with \"quotes\" and spaces"`
	Other  int `json:"other" db:"other_name"`
	hidden int `db:"hidden"`
}

// Audit is embedded by other rows.
type Audit struct {
	Created time.Time
	Updated time.Time `db:"updated_at"`
}

type inner struct {
	Deep   string
	hidden int
}

// Middle embeds an unexported struct.
type Middle struct {
	inner
	Mid int
}

// Embedded promotes the fields of untagged embedded structs, through two
// levels and an unexported type.
type Embedded struct {
	Audit
	Middle
	Own string
}

// OmitEmpty embeds a struct with only options in its tag: promoted.
type OmitEmpty struct {
	Audit `db:",omitempty"`
	ID    int64
}

// NamedEmbed embeds a struct with a name in its tag: one column.
type NamedEmbed struct {
	Audit `db:"audit"`
	ID    int64
}

// SkippedEmbed skips an embedded struct.
type SkippedEmbed struct {
	Audit `db:"-"`
	ID    int64
}

// Stamp is an alias of a single-value struct.
type Stamp = time.Time

// AuditAlias is an alias of a promoted struct.
type AuditAlias = Audit

// Singles embeds single-value structs: each is one column.
type Singles struct {
	time.Time
	sql.NullString
	sql.Null[int]
	Stamp `db:"stamp_at"`
}

// AliasEmbed embeds a struct through an alias: promoted.
type AliasEmbed struct {
	AuditAlias
	N int
}

// Pair is generic.
type Pair[T any] struct {
	Left, Right T
}

// Generic embeds an instance of a generic struct and has another as a
// field.
type Generic struct {
	Pair[int]
	Names Pair[string]
}

// Score is a named non-struct type.
type Score int

type rank int

// Level is a named non-struct type, embedded through a pointer.
type Level int8

// NonStruct embeds types that are not structs: each is a column named
// after its type, if exported.
type NonStruct struct {
	Score
	rank
	fmt.Stringer
	*Level
}

// PointerTime embeds a pointer to a single-value struct: one column.
type PointerTime struct {
	*time.Time
	ID int
}

// PointerEmbed embeds a pointer to a struct: an error.
type PointerEmbed struct {
	ID int
	*time.Location
}

// PointerNamed embeds a pointer to a struct with a tag name: one column.
type PointerNamed struct {
	ID     int
	*Audit `db:"audit"`
}

// PointerSkipped skips an embedded pointer to a struct.
type PointerSkipped struct {
	ID     int
	*Audit `db:"-"`
}

// Nested has struct fields that are columns, not promoted.
type Nested struct {
	Where  Audit
	Maybe  *Audit
	Inline struct{ X, Y int }
	List   []Audit
}

// Locked embeds a struct without exported fields: no column from it.
type Locked struct {
	mu struct{ n int }
	Opaque
	N int
}

// Opaque has no exported field.
type Opaque struct{ n int }

// Empty has no field.
type Empty struct{}

// AllSkipped skips every field.
type AllSkipped struct {
	A int `db:"-"`
	b int
}

// CaseClash has two columns named alike but for case.
type CaseClash struct {
	Lower int `db:"v"`
	Upper int `db:"V"`
}

// SnakeClash has two fields of one snake_case name.
type SnakeClash struct {
	UserID int64
	UserId int64
}

// Base is embedded by Shadow.
type Base struct {
	Name string
	Kept int
}

// Shadow has a field named as a promoted one, which Go would let shadow
// it: an error for columns.
type Shadow struct {
	Base
	Name string
}

// UnicodeClash has two names that fold alike outside ASCII.
type UnicodeClash struct {
	Upper int `db:"Äpfel"`
	Lower int `db:"äpfel"`
}

// BadUTF8 has a name that is not UTF-8.
type BadUTF8 struct {
	A int `db:"a\xff"`
}

// WithNUL has a NUL byte in a name.
type WithNUL struct {
	A int `db:"a\x00b"`
}

// Long has a 256-byte name.
type Long struct {
	A int `db:"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`
}

// Max has a 255-byte name.
type Max struct {
	A int `db:"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`
}

// DeepOK embeds structs 16 levels deep.
type DeepOK struct{ Deep2 }

// DeepTooFar embeds structs 17 levels deep.
type DeepTooFar struct{ Deep1 }

// Deep1 embeds Deep2.
type Deep1 struct {
	Deep2
}

// Deep2 embeds Deep3.
type Deep2 struct {
	Deep3
}

// Deep3 embeds Deep4.
type Deep3 struct {
	Deep4
}

// Deep4 embeds Deep5.
type Deep4 struct {
	Deep5
}

// Deep5 embeds Deep6.
type Deep5 struct {
	Deep6
}

// Deep6 embeds Deep7.
type Deep6 struct {
	Deep7
}

// Deep7 embeds Deep8.
type Deep7 struct {
	Deep8
}

// Deep8 embeds Deep9.
type Deep8 struct {
	Deep9
}

// Deep9 embeds Deep10.
type Deep9 struct {
	Deep10
}

// Deep10 embeds Deep11.
type Deep10 struct {
	Deep11
}

// Deep11 embeds Deep12.
type Deep11 struct {
	Deep12
}

// Deep12 embeds Deep13.
type Deep12 struct {
	Deep13
}

// Deep13 embeds Deep14.
type Deep13 struct {
	Deep14
}

// Deep14 embeds Deep15.
type Deep14 struct {
	Deep15
}

// Deep15 embeds Deep16.
type Deep15 struct {
	Deep16
}

// Deep16 embeds Deep17.
type Deep16 struct {
	Deep17
}

// Deep17 embeds Deep18.
type Deep17 struct {
	X int
}

// People is a named row type.
type People []Embedded

// PeoplePtr is a named row type of pointers.
type PeoplePtr []*Plain

// Times is a slice of single values, not rows.
type Times []time.Time

// Nulls is a slice of single values, not rows.
type Nulls []sql.NullInt64

// Ints is a slice of non-structs.
type Ints []int

// Grid is a slice of slices.
type Grid [][]Plain

// PtrPtr is a slice of pointers to pointers.
type PtrPtr []**Plain

// Events is a stream of rows.
type Events iter.Seq2[Embedded, error]

// EventPtrs is a stream of pointers to rows, written out.
type EventPtrs func(yield func(*Plain, error) bool)

// IntStream is a stream of non-structs.
type IntStream iter.Seq2[int, error]

// TimeStream is a stream of single values, not rows.
type TimeStream iter.Seq2[time.Time, error]

// NoErrors is an iter.Seq: no error beside each row, so no stream.
type NoErrors iter.Seq[Plain]

// ErrorFirst has the error first: no stream.
type ErrorFirst func(yield func(error, Plain) bool)

// YieldInt's yield returns an int: no stream.
type YieldInt func(yield func(Plain, error) int)

// Returns returns a value: no stream.
type Returns func(yield func(Plain, error) bool) error

// Variadic yields variadic rows: no stream.
type Variadic func(yield func(Plain, ...error) bool)

// NamedBool's yield returns a named bool type: no stream.
type NamedBool func(yield func(Plain, error) Flag)

// Flag is a named bool.
type Flag bool

// Region is a named string type.
type Region string

// Parted has columns that can and cannot hold a partition.
type Parted struct {
	Day    time.Time
	At     Stamp `db:"at"`
	Region Region
	Key    string
	N      int
	Null   sql.NullString
	Ptr    *string
	Audit  `db:"audit"`
}

// All holds every struct, slice and function type above, for reflect.
var All = []reflect.Type{
	reflect.TypeFor[Parted](),
	reflect.TypeFor[Plain](),
	reflect.TypeFor[Tagged](),
	reflect.TypeFor[Audit](),
	reflect.TypeFor[inner](),
	reflect.TypeFor[Middle](),
	reflect.TypeFor[Embedded](),
	reflect.TypeFor[OmitEmpty](),
	reflect.TypeFor[NamedEmbed](),
	reflect.TypeFor[SkippedEmbed](),
	reflect.TypeFor[Singles](),
	reflect.TypeFor[AliasEmbed](),
	reflect.TypeFor[Generic](),
	reflect.TypeFor[NonStruct](),
	reflect.TypeFor[PointerTime](),
	reflect.TypeFor[PointerEmbed](),
	reflect.TypeFor[PointerNamed](),
	reflect.TypeFor[PointerSkipped](),
	reflect.TypeFor[Nested](),
	reflect.TypeFor[Locked](),
	reflect.TypeFor[Opaque](),
	reflect.TypeFor[Empty](),
	reflect.TypeFor[AllSkipped](),
	reflect.TypeFor[CaseClash](),
	reflect.TypeFor[SnakeClash](),
	reflect.TypeFor[Base](),
	reflect.TypeFor[Shadow](),
	reflect.TypeFor[UnicodeClash](),
	reflect.TypeFor[BadUTF8](),
	reflect.TypeFor[WithNUL](),
	reflect.TypeFor[Long](),
	reflect.TypeFor[Max](),
	reflect.TypeFor[DeepOK](),
	reflect.TypeFor[DeepTooFar](),
	reflect.TypeFor[Deep1](),
	reflect.TypeFor[Deep2](),
	reflect.TypeFor[Deep3](),
	reflect.TypeFor[Deep4](),
	reflect.TypeFor[Deep5](),
	reflect.TypeFor[Deep6](),
	reflect.TypeFor[Deep7](),
	reflect.TypeFor[Deep8](),
	reflect.TypeFor[Deep9](),
	reflect.TypeFor[Deep10](),
	reflect.TypeFor[Deep11](),
	reflect.TypeFor[Deep12](),
	reflect.TypeFor[Deep13](),
	reflect.TypeFor[Deep14](),
	reflect.TypeFor[Deep15](),
	reflect.TypeFor[Deep16](),
	reflect.TypeFor[Deep17](),
	reflect.TypeFor[People](),
	reflect.TypeFor[PeoplePtr](),
	reflect.TypeFor[Times](),
	reflect.TypeFor[Nulls](),
	reflect.TypeFor[Ints](),
	reflect.TypeFor[Grid](),
	reflect.TypeFor[PtrPtr](),
	reflect.TypeFor[Events](),
	reflect.TypeFor[EventPtrs](),
	reflect.TypeFor[IntStream](),
	reflect.TypeFor[TimeStream](),
	reflect.TypeFor[NoErrors](),
	reflect.TypeFor[ErrorFirst](),
	reflect.TypeFor[YieldInt](),
	reflect.TypeFor[Returns](),
	reflect.TypeFor[Variadic](),
	reflect.TypeFor[NamedBool](),
}
