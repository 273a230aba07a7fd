// Package columns_embedded selects columns promoted from an embedded
// struct whose db tag has options but no name, which the table I/O
// managers promote as encoding/json does.
package columns_embedded

import "time"

// Audit is embedded with `db:",omitempty"`: its fields are still columns.
type Audit struct {
	Created time.Time
}

// Event is a wide row.
type Event struct {
	Audit `db:",omitempty"`
	ID    int64
}

// When selects a promoted column.
type When struct {
	Created time.Time
}

// asset:
func Events() []Event { return nil }

// asset:
func Times(events []When) int { return len(events) }
