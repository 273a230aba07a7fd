package queue

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"reflect"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/runtime"
)

// Fingerprint returns a digest of what a step's meaning depends on in
// defs: every asset's key, code version, I/O manager key, output type,
// inputs (names, upstream keys, types, partition mappings, gathering),
// deps, partitions definition, backfill policy and partition column. Two
// builds of a pipeline with equal fingerprints run a step alike, as far
// as assetgen can tell; a change inside a function that keeps its
// code_version is not seen (bump code_version, as staleness wants too).
// Types are described by package path, name and, for structs, their
// fields and tags, so a changed column changes the fingerprint.
func Fingerprint(defs *runtime.Definitions) string {
	h := sha256.New()
	assets := slices.Clone(defs.Assets)
	slices.SortFunc(assets, func(a, b *runtime.AssetDef) int { return strings.Compare(string(a.Key), string(b.Key)) })
	for _, a := range assets {
		if a == nil {
			continue
		}
		fmt.Fprintf(h, "asset %q code=%q io=%q out=", a.Key, a.CodeVersion, a.IOManagerKey())
		writeType(h, a.OutputType, map[reflect.Type]bool{})
		for _, in := range a.Inputs {
			fmt.Fprintf(h, "\n in %q from %q gather=%v map=%v type=", in.Name, in.Key, in.Gather, in.Mapping)
			writeType(h, in.Type, map[reflect.Type]bool{})
		}
		for _, d := range a.Deps {
			fmt.Fprintf(h, "\n dep %q map=%v", d, a.DepMappings[d])
		}
		fmt.Fprintf(h, "\n partitions=%v backfill=%d column=%q\n", a.Partitions, a.Backfill, a.PartitionColumn)
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// writeType describes t: named types by package path and name (with the
// fields of a struct), others by their structure.
func writeType(h hash.Hash, t reflect.Type, seen map[reflect.Type]bool) {
	if t == nil {
		h.Write([]byte("nil"))
		return
	}
	if t.Name() != "" {
		fmt.Fprintf(h, "%s.%s", t.PkgPath(), t.Name())
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		fmt.Fprintf(h, "%v(", t.Kind())
		writeType(h, t.Elem(), seen)
		h.Write([]byte(")"))
	case reflect.Array:
		fmt.Fprintf(h, "[%d](", t.Len())
		writeType(h, t.Elem(), seen)
		h.Write([]byte(")"))
	case reflect.Map:
		h.Write([]byte("map("))
		writeType(h, t.Key(), seen)
		h.Write([]byte(","))
		writeType(h, t.Elem(), seen)
		h.Write([]byte(")"))
	case reflect.Struct:
		h.Write([]byte("{"))
		for i := range t.NumField() {
			f := t.Field(i)
			fmt.Fprintf(h, "%s %q %v:", f.Name, f.Tag, f.Anonymous)
			writeType(h, f.Type, seen)
			h.Write([]byte(";"))
		}
		h.Write([]byte("}"))
	default:
		if t.Name() == "" {
			h.Write([]byte(t.String()))
		}
	}
}
