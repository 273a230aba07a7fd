package confval

import (
	"testing"
	"time"
)

func TestCheck(t *testing.T) {
	for _, tt := range []struct {
		k    Kind
		bits int
		text string
		want any
		bad  bool
	}{
		{String, 0, "a b", "a b", false},
		{Bool, 0, "true", true, false},
		{Bool, 0, "yes", nil, true},
		{Int, 8, "127", int64(127), false},
		{Int, 8, "128", nil, true},
		{Uint, 0, "-1", nil, true},
		{Float, 0, "1.5", 1.5, false},
		{Float, 0, "NaN", nil, true},
		{Duration, 0, "1m30s", 90 * time.Second, false},
		{Duration, 0, "90", nil, true},
		{Invalid, 0, "x", nil, true},
	} {
		got, err := Check(tt.k, tt.bits, tt.text)
		if (err != nil) != tt.bad || (!tt.bad && got != tt.want) {
			t.Errorf("Check(%v, %d, %q) = %v, %v", tt.k, tt.bits, tt.text, got, err)
		}
	}
	// Every kind says what it wants in the same words, not strconv's.
	if _, err := Check(Bool, 0, "maybe"); err == nil || err.Error() != `want true or false, got "maybe"` {
		t.Errorf("Check(Bool, maybe): %v", err)
	}
	if got, err := Check(Strings, 0, "a,b"); err != nil || len(got.([]string)) != 2 {
		t.Errorf("Strings: %v, %v", got, err)
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"", "1", "-1", "1.5e300", "1h", "true", "a,b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for k := Invalid; k <= Strings; k++ {
			Check(k, 32, s)
		}
	})
}
