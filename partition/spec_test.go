package partition

import (
	"errors"
	"strings"
	"testing"
)

func TestParseMapping(t *testing.T) {
	for _, c := range []struct{ in, str, gostr string }{
		{"identity", "identity", "partition.Identity()"},
		{"all", "all", "partition.All()"},
		{"last", "last", "partition.Last()"},
		{"window", "window", "partition.TimeWindow(0, 0)"},
		{"window(0...0)", "window", "partition.TimeWindow(0, 0)"},
		{"window(-1)", "window(-1)", "partition.TimeWindow(-1, -1)"},
		{"window(-6...0)", "window(-6...0)", "partition.TimeWindow(-6, 0)"},
		{"window( -6 ... +0 )", "window(-6...0)", "partition.TimeWindow(-6, 0)"},
		{"window(-7...-1)", "window(-7...-1)", "partition.TimeWindow(-7, -1)"},
		{"dim(date)", "dim(date)", `partition.Dim("date")`},
		{"static(us=america;eu=europe|uk)", "static(eu=europe|uk;us=america)",
			`partition.StaticMap(map[string][]string{"eu": {"europe", "uk"}, "us": {"america"}})`},
		{"static('new york'=ny;'o''hare'='a=b')", "static('new york'=ny;'o''hare'='a=b')",
			`partition.StaticMap(map[string][]string{"new york": {"ny"}, "o'hare": {"a=b"}})`},
	} {
		m, err := ParseMapping(c.in)
		if err != nil {
			t.Errorf("ParseMapping(%q): %v", c.in, err)
			continue
		}
		if m.String() != c.str || m.GoString() != c.gostr {
			t.Errorf("ParseMapping(%q) = %s, %s; want %s, %s", c.in, m, m.GoString(), c.str, c.gostr)
		}
		if strings.ContainsAny(m.String(), ", ") && !strings.Contains(m.String(), "'") {
			t.Errorf("%s holds a comma or a space: it would not fit a directive's list", m)
		}
	}
}

func TestParseMappingErrors(t *testing.T) {
	for _, c := range []struct {
		in     string
		offset int
		msg    string
	}{
		{"", 0, "empty mapping"},
		{"windw(-1)", 0, `unknown mapping "windw" (did you mean "window"?)`},
		{"Identity", 0, `unknown mapping "Identity" (did you mean "identity"?)`},
		{"window(-1", 9, `missing ")" to close window(`},
		{"window(x)", 7, "want an offset"},
		{"window(1...-1)", 7, "the start offset 1 is after the end offset -1"},
		{"window(99999999999999999999)", 7, "offset beyond ±1000000"},
		{"window(-1,0)", 9, `want ")" to close window(, not ","`},
		{"window(-1)x", 10, `unexpected "x" after window(-1)`},
		{"dim()", 4, "want a dimension name"},
		{"dim(Date)", 4, "want a dimension name"},
		{"dim(date", 8, `missing ")"`},
		{"static()", 7, "want a key"},
		{"static(eu)", 9, `want "=" after the downstream key "eu", not ")"`},
		{"static(eu=)", 10, "want a key"},
		{"static(eu=a;eu=b)", 12, `downstream key "eu" is mapped twice`},
		{"static(eu=a/b)", 10, `key "a/b" holds '/'`},
		{"static(eu=..)", 10, `starts or ends with '.'`},
		{"static('eu=a)", 7, "unterminated quoted key"},
		{"static(eu=a", 11, `missing ";" between the entries`},
		{"(", 0, "want a mapping"},
	} {
		_, err := ParseMapping(c.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseMapping(%q) = %v, want a *SyntaxError", c.in, err)
			continue
		}
		if se.Offset != c.offset || !strings.Contains(se.Msg, c.msg) {
			t.Errorf("ParseMapping(%q) = offset %d: %s\nwant offset %d: %s", c.in, se.Offset, se.Msg, c.offset, c.msg)
		}
	}
}
