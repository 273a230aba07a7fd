// Package p has resource problems.
package p

// DB is a database.
type DB struct{}

// Client is a client.
type Client struct{}

// Token is a secret.
type Token string

// A is a resource that needs B.
type A struct{}

// B is a resource that needs A.
type B struct{}

// resource:
func OpenDB() *DB { return nil }

// resource:
func OtherDB() (*DB, error) { return nil, nil }

// resource:
func NewClient(tok Token) *Client { return nil }

// resource:
func NewA(b B) A { return A{} }

// resource:
func NewB(a A) B { return B{} }

// resource:
func Bad() (*Client, int) { return nil, 0 }

// resource: shared
func Opts() int { return 0 }

// asset:
// resource:
func Both() int { return 0 }

// asset:
func Client2() int { return 0 }

// asset:
func Uses(client2 *Client, db *DB) int { return 0 }

// asset:
func Ambiguous(client2 *DB) int { return 0 }

// asset:
func Missing(tok Token) int { return 0 }

// check: asset=uses
func CheckMissing(tok Token) error { return nil }

// check: asset=uses
func CheckAmbiguous(client2 *DB) error { return nil }
