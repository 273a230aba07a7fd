// Package other declares assets whose names clash with those of package
// up, and one with an invalid directive; it is imported by error cases.
package other

// Customer is a billing customer.
type Customer struct {
	ID int64
}

// Customers has the name of up's crm/customers, under another prefix.
//
// asset: prefix=billing
func Customers() []Customer { return nil }

// Seed has the key of up's crm/seed.
//
// asset: prefix=crm
func Seed() {}

// Broken has an invalid directive: generating this package reports it.
//
// asset: grop=x
func Broken() []int { return nil }
