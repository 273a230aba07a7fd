// Package lib is a second package named lib, at another path: the
// generated file must import both under distinct names.
package lib

// Thing is a thing of version 2.
type Thing struct{ Version int }
