// Package up declares assets that package down (../xpkg_down) builds on.
package up

// Customer is one row of crm/customers.
type Customer struct {
	ID    int64
	Name  string
	Email string
}

// Counts are visits by customer name.
type Counts map[string]int

// ledger is unexported: other packages cannot write its name.
type ledger []Customer

// Customers are everyone who bought something.
//
// asset: prefix=crm
func Customers() []Customer {
	return []Customer{{1, "Ann", "ann@example.com"}, {2, "Bob", "bob@example.com"}}
}

// CountVisits counts visits by customer.
//
// asset: prefix=crm name=visit_counts
func CountVisits() Counts { return Counts{"Ann": 3, "Bob": 1} }

// Seed prepares the CRM's own storage; it passes no data.
//
// asset: prefix=crm
func Seed() error { return nil }

// Ledger returns an unexported type.
//
// asset: prefix=crm
func Ledger() ledger { return ledger{{3, "Cy", ""}} }

// secretCount is unexported: other packages still take its output, by key.
//
// asset: prefix=crm
func secretCount() int { return 7 }
