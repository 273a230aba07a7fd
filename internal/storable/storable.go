// Package storable says which Go types the encodings of the I/O managers
// can store and load back: one rule for every manager that writes JSON or
// gob (fs, and blob for values other than rows). Errors name the first part
// of the type that cannot be stored, by its path from the top ("[].Err").
package storable

import (
	"encoding/gob"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// JSON reports the first part of t that encoding/json cannot encode or
// decode back into t: channels, functions, unsafe pointers, complex
// numbers, interfaces other than any (JSON cannot choose a concrete type
// to decode into) and maps with keys other than strings, integers or
// encoding.TextMarshaler. Types implementing json.Marshaler are trusted.
func JSON(t reflect.Type) error { return check(t, true, map[reflect.Type]bool{}, "") }

// Gob reports the first part of t that encoding/gob cannot encode:
// channels, functions, unsafe pointers and structs without exported
// fields. Types implementing gob.GobEncoder are trusted.
func Gob(t reflect.Type) error { return check(t, false, map[reflect.Type]bool{}, "") }

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
	gobEncoder    = reflect.TypeFor[gob.GobEncoder]()
)

func check(t reflect.Type, isJSON bool, seen map[reflect.Type]bool, at string) error {
	if seen[t] {
		return nil
	}
	seen[t] = true
	if isJSON && (t.Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler)) {
		return nil
	}
	if !isJSON && (t.Implements(gobEncoder) || reflect.PointerTo(t).Implements(gobEncoder)) {
		return nil
	}
	where := func() string {
		if at == "" {
			return ""
		}
		return " (at " + at + ")"
	}
	switch t.Kind() {
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return fmt.Errorf("%v values cannot be encoded%s", t, where())
	case reflect.Interface:
		if isJSON && t.NumMethod() > 0 {
			// Encoding works, but decoding into an interface other than
			// any cannot pick a concrete type: every load would fail.
			return fmt.Errorf("JSON cannot load values of interface type %v%s: store a concrete type, or use gob with gob.Register", t, where())
		}
	case reflect.Complex64, reflect.Complex128:
		if isJSON {
			return fmt.Errorf("JSON cannot encode complex numbers (%v)%s", t, where())
		}
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return check(t.Elem(), isJSON, seen, at+"[]")
	case reflect.Map:
		k := t.Key()
		if isJSON {
			switch k.Kind() {
			case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			default:
				if !k.Implements(textMarshaler) && !reflect.PointerTo(k).Implements(textMarshaler) {
					return fmt.Errorf("JSON cannot encode map keys of type %v%s", k, where())
				}
			}
		} else if err := check(k, isJSON, seen, at+"[key]"); err != nil {
			return err
		}
		return check(t.Elem(), isJSON, seen, at+"[]")
	case reflect.Struct:
		exported := false
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && !f.Anonymous {
				continue
			}
			if isJSON && f.Tag.Get("json") == "-" {
				continue
			}
			exported = true
			if err := check(f.Type, isJSON, seen, strings.TrimPrefix(at+"."+f.Name, ".")); err != nil {
				return err
			}
		}
		if !isJSON && !exported && t.NumField() > 0 {
			return fmt.Errorf("gob cannot encode %v: it has no exported fields%s", t, where())
		}
	}
	return nil
}
