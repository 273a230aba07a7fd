package autospec

import (
	"errors"
	"testing"
	"time"
)

func TestParseCondition(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"eager", "eager"},
		{" on_missing ", "on_missing"},
		{"eager()", "eager"},
		{"on_cron(@daily)", "on_cron(@daily)"},
		{"on_cron( 0 7 * * * ; Europe/Paris )", "on_cron(0 7 * * *;Europe/Paris)"},
		{"on_cron(0 9,17 * * *;UTC)", "on_cron(0 9,17 * * *;UTC)"},
		{"and(on_cron(@hourly), not(on_missing))", "and(on_cron(@hourly),not(on_missing))"},
		{"or(eager,on_missing,and(eager,eager))", "or(eager,on_missing,and(eager,eager))"},
	} {
		got, err := ParseCondition(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got.String() != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
		again, err := ParseCondition(got.String())
		if err != nil || again.String() != got.String() {
			t.Errorf("%q: the normal form %q does not parse to itself: %v", c.in, got, err)
		}
	}
}

func TestParseConditionErrors(t *testing.T) {
	for _, c := range []struct {
		in  string
		off int
		msg string
	}{
		{"eagre", 0, `unknown condition "eagre" (did you mean "eager"?)`},
		{"and(eager,on_mising)", 10, `unknown condition "on_mising" (did you mean "on_missing"?)`},
		{"", 0, "want a condition (eager, on_missing, on_cron, and, or, not), found the end"},
		{"on_cron(0 7 * *)", 8, `cron schedule "0 7 * *": expected exactly 5 fields, found 4: [0 7 * *]`},
		{"on_cron(0 7 * * *;Europe/Pari)", 18, `unknown time zone "Europe/Pari" (did you mean "Europe/Paris"?)`},
		{"on_cron(0 7 * * *;UTC;x)", 22, "on_cron takes a cron schedule and a zone, not 3 arguments"},
		{"on_cron(;UTC)", 8, "missing cron schedule"},
		{"on_cron(@daily", 14, "missing ')'"},
		{"on_cron", 7, "want '(' after on_cron: on_cron(CRON;ZONE), found the end"},
		{"not(eager,eager)", 0, "not takes one condition, not 2"},
		{"and(eager)", 0, "and takes two conditions or more"},
		{"or(eager on_missing)", 9, `want ',' or ')', found "on_missing..."`},
		{"eager extra", 6, `unexpected "extra" after the condition`},
		{"eager(x)", 6, `want ')': eager takes no argument, found "x)"`},
	} {
		_, err := ParseCondition(c.in)
		wantSyntaxError(t, c.in, err, c.off, c.msg)
	}
}

// wantSyntaxError fails t unless err is a *SyntaxError at off saying msg.
func wantSyntaxError(t *testing.T, in string, err error, off int, msg string) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Errorf("%q: got %v, want a *SyntaxError", in, err)
		return
	}
	if se.Offset != off || se.Msg != msg {
		t.Errorf("%q: got %d %q, want %d %q", in, se.Offset, se.Msg, off, msg)
	}
}

func TestParseFreshness(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Freshness
		norm string
	}{
		{"6h", Freshness{MaxAge: 6 * time.Hour}, "6h0m0s"},
		{"cron(@daily)", Freshness{Cron: "@daily"}, "cron(@daily)"},
		{"cron(0 9 * * *;Europe/Paris;3h)", Freshness{Cron: "0 9 * * *", Zone: "Europe/Paris", MaxAge: 3 * time.Hour}, "cron(0 9 * * *;Europe/Paris;3h0m0s)"},
		{"cron(0 9 * * *;;90m)", Freshness{Cron: "0 9 * * *", MaxAge: 90 * time.Minute}, "cron(0 9 * * *;;1h30m0s)"},
	} {
		got, err := ParseFreshness(c.in)
		if err != nil || got != c.want || got.String() != c.norm {
			t.Errorf("%q: got %+v %q, %v; want %+v %q", c.in, got, got, err, c.want, c.norm)
			continue
		}
		if again, err := ParseFreshness(got.String()); err != nil || again != got {
			t.Errorf("%q: the normal form %q does not parse back: %+v, %v", c.in, got, again, err)
		}
	}
	for _, c := range []struct {
		in  string
		off int
		msg string
	}{
		{"soon", 0, `want a positive duration such as 6h, or cron(CRON;ZONE;MAXAGE) such as "cron(0 9 * * *;Europe/Paris;3h)"`},
		{"-1h", 0, `want a positive duration such as 6h, or cron(CRON;ZONE;MAXAGE) such as "cron(0 9 * * *;Europe/Paris;3h)"`},
		{"cron(0 9 * * *;Mars/Base)", 15, `unknown time zone "Mars/Base"`},
		{"cron(0 9 * * *;UTC;later)", 19, `invalid maximum age "later": want a positive duration such as 3h`},
		{"cron(0 99 * * *)", 5, `cron schedule "0 99 * * *": end of range (99) above maximum (23): 99`},
		{"cron(@daily) x", 13, `unexpected "x" after cron(...)`},
	} {
		_, err := ParseFreshness(c.in)
		wantSyntaxError(t, c.in, err, c.off, c.msg)
	}
}

// FuzzParse: no panic; an error's offset is within the text; a parsed
// value's normal form parses to itself.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"eager", "and(on_cron(0 7 * * *;Europe/Paris),not(on_missing))", "or(eager,", "6h",
		"cron(0 9 * * *;UTC;3h)", "not(not(not(eager)))", "on_cron(;;)", "cron((", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCondition(s)
		checkErr(t, s, err)
		if err == nil {
			if again, err := ParseCondition(c.String()); err != nil || again.String() != c.String() {
				t.Fatalf("%q: normal form %q: %q, %v", s, c, again, err)
			}
		}
		fr, err := ParseFreshness(s)
		checkErr(t, s, err)
		if err == nil {
			if again, err := ParseFreshness(fr.String()); err != nil || again != fr {
				t.Fatalf("%q: normal form %q: %+v, %v", s, fr, again, err)
			}
		}
	})
}

func checkErr(t *testing.T, s string, err error) {
	if err == nil {
		return
	}
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(s) {
		t.Fatalf("%q: error %v: not a *SyntaxError within the text", s, err)
	}
}
