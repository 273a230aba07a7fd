// Package confval holds the rules of run config fields that the generator
// and the runtime share: which field types config can set, how a value
// is written as text (a default tag, a --set flag, an environment
// variable), and the tags of a field.
package confval

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/ident"
)

// Kind is the kind of a config field's type.
type Kind uint8

// The kinds of config fields; Invalid is any other type.
const (
	Invalid Kind = iota
	String
	Bool
	Int
	Uint
	Float
	Duration // time.Duration
	Strings  // []string, written comma-separated
)

// String returns the kind as messages name it.
func (k Kind) String() string {
	return [...]string{"invalid", "string", "bool", "integer", "unsigned integer", "number", "duration", "list of strings"}[k]
}

// Tags of a config field.
const (
	TagDefault = "default" // the value when none is given; without it the field is required
	TagEnv     = "env"     // an environment variable giving the value (for resources)
	TagSecret  = "secret"  // "true": the value is never printed or recorded
	TagName    = "config"  // the field's name in files and flags; default: its name in snake_case
)

// Name returns the name of the config field goName with tag in files
// and flags: its config tag, else goName in snake_case.
func Name(goName string, tag reflect.StructTag) string {
	if name := tag.Get(TagName); name != "" {
		return name
	}
	return ident.Snake(goName)
}

// NameProblem says why name cannot name a config field, or "" when it
// can: --set KEY.FIELD=VALUE splits at the last dot and the first "=".
func NameProblem(name string) string {
	if strings.ContainsAny(name, ".= \t\n") {
		return "a field's name cannot hold a dot, an equals sign or a space (--set KEY.FIELD=VALUE could not name it)"
	}
	return ""
}

// Check parses text as a value of kind with the given bit size (for Int,
// Uint and Float; 0 means 64) and returns the parsed value: a string,
// bool, int64, uint64, float64, time.Duration or []string.
func Check(k Kind, bits int, text string) (any, error) {
	if bits == 0 {
		bits = 64
	}
	switch k {
	case String:
		return text, nil
	case Bool:
		v, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil {
			return nil, fmt.Errorf("want true or false, got %q", text)
		}
		return v, nil
	case Int:
		v, err := strconv.ParseInt(strings.TrimSpace(text), 0, bits)
		if err != nil {
			return nil, fmt.Errorf("want an integer of %d bits, got %q", bits, text)
		}
		return v, nil
	case Uint:
		v, err := strconv.ParseUint(strings.TrimSpace(text), 0, bits)
		if err != nil {
			return nil, fmt.Errorf("want an unsigned integer of %d bits, got %q", bits, text)
		}
		return v, nil
	case Float:
		v, err := strconv.ParseFloat(strings.TrimSpace(text), bits)
		if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("want a finite number, got %q", text)
		}
		return v, nil
	case Duration:
		v, err := time.ParseDuration(strings.TrimSpace(text))
		if err != nil {
			return nil, fmt.Errorf("want a duration such as 1m30s, got %q", text)
		}
		return v, nil
	case Strings:
		if text == "" {
			return []string{}, nil
		}
		return strings.Split(text, ","), nil
	}
	return nil, fmt.Errorf("config cannot set a field of this type")
}
