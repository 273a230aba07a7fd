// Package down builds on the assets of package up (../xpkg_up): its
// parameters and deps= name assets declared there.
package down

import (
	"context"
	"fmt"

	up "github.com/assetgen/assetgen/testdata/xpkg_up"
)

// Contact selects two columns of up.Customer.
type Contact struct {
	ID   int64
	Name string
}

// Contacts reads the columns of Contact from crm/customers, after
// crm/seed has run.
//
// asset: prefix=dash deps=crm/seed
func Contacts(customers []Contact) []Contact { return customers }

// VisitCounts is local, so it wins over crm/visit_counts of package up.
//
// asset: prefix=dash
func VisitCounts() int { return 4 }

// Report joins the customers of package up with a local asset and with
// an upstream whose type cannot be named here.
//
// asset: prefix=dash
func Report(ctx context.Context, customers []up.Customer, visitCounts int, ledger []up.Customer) (string, error) {
	return fmt.Sprintf("%d customers, %d visits, %d in the ledger", len(customers), visitCounts, len(ledger)), ctx.Err()
}
