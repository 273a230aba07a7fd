package runtime

import (
	"fmt"
	"strings"

	"github.com/assetgen/assetgen/internal/ident"
)

// Key identifies an asset. A key is a slash-separated path of one or more
// components: "orders", or "sales/eu/orders" for an asset named orders with
// the prefix sales/eu. Each component is a non-empty identifier made of
// lower-case letters, digits and underscores, starting with a letter or an
// underscore, of at most 63 bytes, and the whole key has at most 255, so a
// key can be used safely as a file path or an SQL name.
type Key string

// Path returns the key's components.
func (k Key) Path() []string { return strings.Split(string(k), "/") }

// Name returns the last component of the key: the asset's own name.
func (k Key) Name() string {
	s := string(k)
	return s[strings.LastIndexByte(s, '/')+1:]
}

// Prefix returns the components before the name, or nil.
func (k Key) Prefix() []string {
	p := k.Path()
	if len(p) <= 1 {
		return nil
	}
	return p[:len(p)-1]
}

// String returns the key as written: "a/b/name".
func (k Key) String() string { return string(k) }

// Validate reports whether k is a well-formed key: at most 255 bytes,
// each component at most 63 (limits every I/O manager can store).
func (k Key) Validate() error {
	if k == "" {
		return fmt.Errorf("empty asset key")
	}
	if p := ident.KeyProblem(string(k)); p != "" {
		return fmt.Errorf("invalid asset key %q: %s", string(k), p)
	}
	return nil
}

// ValidName reports whether s is a valid key component: a lower-case
// identifier of letters, digits and underscores that does not start with a
// digit, at most 63 bytes long.
func ValidName(s string) bool { return ident.ValidName(s) }
